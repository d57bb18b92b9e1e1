package org.bitsweep.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts written to disk, read back as a reader would: PNG decoded by ImageIO, SVG as text. */
class ParetoChartFilesTest {
    @TempDir Path dir;

    @Test void pngDecodesAtTheRequestedSize() throws IOException {
        Path png = dir.resolve("pareto-energy.png");
        ParetoChartTest.energyChart().writePng(png, 640, 480);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
    }

    @Test void svgCarriesBothAxisLabelsAndTheFrontsLegendEntry() throws IOException {
        Path svgFile = dir.resolve("pareto-energy.svg");
        ParetoChartTest.energyChart().writeSvg(svgFile, 640, 480);
        String svg = Files.readString(svgFile);
        assertThat(svg).contains("<svg")
                .contains("energy per token (pJ)")
                .contains("top-1 accuracy (%)")
                .contains("Pareto front");
    }

    @Test void theSameChartGivesTheSameSvgEveryTime() throws IOException {
        // Regression check: JFreeSVG's default id prefix embeds the clock; a redrawn report must diff clean.
        Path first = dir.resolve("a.svg"), second = dir.resolve("b.svg");
        ParetoChartTest.energyChart().writeSvg(first, 640, 480);
        ParetoChartTest.energyChart().writeSvg(second, 640, 480);
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test void aLogScaledChartRenders() throws IOException {
        Series wide = new Series("int-mac", new double[] {0.2, 3, 40, 900}, new double[] {60, 75, 85, 91});
        Series front = new Series("front", new double[] {0.2, 40, 900}, new double[] {60, 85, 91});
        ParetoChart chart = new ParetoChart("log", new Axis("energy per token (pJ)", AxisScale.LOG),
                ParetoChartTest.ACCURACY, List.of(wide), List.of(front));
        Path png = dir.resolve("log.png"), svg = dir.resolve("log.svg");
        chart.writePng(png, 800, 600);
        chart.writeSvg(svg, 800, 600);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(Files.readString(svg)).contains("energy per token (pJ)");
    }

    @Test void aChartWithNoSeriesStillRenders() throws IOException {
        ParetoChart empty = new ParetoChart("nothing yet", ParetoChartTest.ENERGY, ParetoChartTest.ACCURACY,
                List.of(), List.of());
        Path png = dir.resolve("empty.png");
        empty.writePng(png, 300, 200);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(300);
    }

    @Test void rewritingReplacesTheOldChartAndLeavesNoTemporaryFiles() throws IOException {
        Path png = dir.resolve("pareto.png");
        Files.writeString(png, "an older chart");
        ParetoChartTest.energyChart().writePng(png, 320, 240);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(320);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test void aMissingDirectorySurfacesAsUncheckedIoException() {
        Path nowhere = dir.resolve("no-such-dir").resolve("pareto.svg");
        assertThatThrownBy(() -> ParetoChartTest.energyChart().writeSvg(nowhere, 320, 240))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("pareto.svg");
    }

    @Test void rejectsAnEmptyImageSize() {
        assertThatThrownBy(() -> ParetoChartTest.energyChart().writePng(dir.resolve("x.png"), 0, 240))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0×240");
    }
}
