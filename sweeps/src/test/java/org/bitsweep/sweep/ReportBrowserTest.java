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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * report.html in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them): it loads without
 * console errors, its front table sorts on a click of a header both ways, hovering a chart's point shows that
 * point's parameters and metrics, and clicking it highlights its row.
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
            // Headers carry their units; numbers show 4 significant digits and sort by their full value.
            int column = headers.stream().map(WebElement::getText).toList().indexOf("energy_pj (pJ)");
            assertThat(column).isNotNegative();
            headers.get(column).click();
            List<Double> ascending = columnValues(table, column);
            assertThat(ascending).isSorted().hasSizeGreaterThan(2);
            headers.get(column).click();
            List<Double> descending = columnValues(table, column);
            assertThat(descending).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(headers.get(column).getAttribute("aria-sort")).isEqualTo("descending");
            String cell = table.findElement(By.cssSelector("tbody tr td:nth-child(%d)".formatted(column + 1))).getText();
            assertThat(cell).matches("\\d\\.\\d{3}e[+-]\\d+");

            // A front point of the energy chart: hovering shows its parameters and metrics, clicking marks its row.
            WebElement figure = browser.findElement(By.xpath("//figure[figcaption='pareto-energy.svg']"));
            List<WebElement> marks = figure.findElements(By.cssSelector("circle.hotspot"));
            assertThat(marks).isNotEmpty();
            // A mark with a row in the front table, and not under another point's mark (close points overlap).
            WebElement front = marks.stream().filter(m -> browser.findElements(By.cssSelector(
                    "tr[data-row='" + m.getAttribute("data-row") + "']")).size() == 1).filter(m -> topmost(browser, m))
                    .findFirst().orElseThrow();
            new Actions(browser).moveToElement(front).perform();
            WebElement tooltip = browser.findElement(By.id("tooltip"));
            assertThat(tooltip.isDisplayed()).isTrue();
            String point = front.getAttribute("data-row");
            assertThat(tooltip.getText()).startsWith("point " + point + ": ").contains("energy_pj ", " pJ",
                    "weight_sqnr_db ");
            front.click();
            WebElement row = browser.findElement(By.cssSelector("tr[data-row='" + point + "']"));
            assertThat(row.getAttribute("class")).contains("highlight");
            assertThat(browser.findElements(By.cssSelector("tr.highlight"))).hasSize(1);
        } finally {
            browser.quit();
        }
    }

    private static boolean topmost(WebDriver browser, WebElement mark) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("""
                arguments[0].scrollIntoView({block: 'center'});
                var r = arguments[0].getBoundingClientRect();
                return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === arguments[0];""", mark);
    }

    private static List<Double> columnValues(WebElement table, int column) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> Double.parseDouble(row.findElements(By.tagName("td")).get(column).getAttribute("data-value")))
                .toList();
    }
}
