package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.bitsweep.sweep.cli.BitSweepCliTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * report.html in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them): it loads without
 * console errors and its front table sorts on a click of a header, both ways.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void theReportOpensWithoutConsoleErrorsAndItsTableSortsOnAClick(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        assertThat(BitSweepCliTest.bitsweep("run", BitSweepCliTest.QUICKSTART.toString(), "--out", dir.toString(),
                "--quiet").code()).isZero();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(dir.resolve("report.html").toUri().toString());
            assertThat(browser.getTitle()).isEqualTo("BitSweep report: quickstart");
            List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(severe).as("console errors").isEmpty();

            WebElement table = browser.findElement(By.cssSelector("table.sortable"));
            List<WebElement> headers = table.findElements(By.tagName("th"));
            int column = headers.stream().map(WebElement::getText).toList().indexOf("energy_pj");
            assertThat(column).isNotNegative();
            headers.get(column).click();
            List<Double> ascending = columnValues(table, column);
            assertThat(ascending).isSorted().hasSizeGreaterThan(2);
            headers.get(column).click();
            List<Double> descending = columnValues(table, column);
            assertThat(descending).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(headers.get(column).getAttribute("aria-sort")).isEqualTo("descending");
        } finally {
            browser.quit();
        }
    }

    private static List<Double> columnValues(WebElement table, int column) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> Double.parseDouble(row.findElements(By.tagName("td")).get(column).getText())).toList();
    }
}
