package org.bitsweep.sweep.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bitsweep.sweep.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/studies/stripes-pragmatic.yaml (docs/studies/stripes-pragmatic.md) cut to the Fashion-MNIST CNN on one
 * 16x16 array, with and without measured activation statistics: the reduced rows point the way the full study's do.
 */
class StripesPragmaticStudyTest {
    static final Path STUDY = Path.of("..", "examples", "studies", "stripes-pragmatic.yaml");

    /** The study's text with each pattern (a regex, matched once) replaced, run into {@code dir}; its rows. */
    static List<CSVRecord> runReduced(Path study, Path dir, String... patternAndReplacement) throws IOException {
        String text = Files.readString(study);
        for (int i = 0; i < patternAndReplacement.length; i += 2) {
            assertThat(text.split(patternAndReplacement[i], -1)).as(patternAndReplacement[i]).hasSize(2);
            text = text.replaceFirst(patternAndReplacement[i], patternAndReplacement[i + 1]);
        }
        Path file = dir.resolve(study.getFileName());
        Files.writeString(file, text);
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "run",
                file.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(code).as(err.toString()).isZero();
        try (Reader in = Files.newBufferedReader(dir.resolve("out").resolve("results.csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void measuredActivationsMakePragmaticFasterThanStripesAndTheWorstCaseAsSlow(@TempDir Path dir) throws IOException {
        List<CSVRecord> rows = runReduced(STUDY, dir, "workload: \\[fmnist-cnn, resnet-18, resnet-50\\]",
                "workload: fmnist-cnn", "array: \\[8x8, 16x16, 16x32, 32x32, 32x64\\]", "array: 16x16",
                "  activation_statistics: fmnist-cnn\n", "  activation_statistics: [none, fmnist-cnn]\n");
        Map<String, CSVRecord> byPe = rows.stream().collect(Collectors.toMap(
                r -> r.get("pe") + " " + r.get("activation_statistics"), r -> r));
        assertThat(byPe).hasSize(6);
        long stripes = cycles(byPe.get("bit-serial fmnist-cnn"));
        long pragmaticMeasured = cycles(byPe.get("bit-pragmatic fmnist-cnn"));
        long pragmaticWorst = cycles(byPe.get("bit-pragmatic none"));
        long intMac = cycles(byPe.get("int-mac fmnist-cnn"));
        // Without statistics Pragmatic assumes uint8's worst value, 255 = eight one-bits: eight cycles per MAC, as
        // Stripes takes for every uint8 value, so the two run the same cycles on the same array.
        assertThat(pragmaticWorst).isEqualTo(stripes);
        // Statistics change nothing for the value-blind PEs.
        assertThat(cycles(byPe.get("bit-serial none"))).isEqualTo(stripes);
        assertThat(cycles(byPe.get("int-mac none"))).isEqualTo(intMac);
        // After ReLU and max-pool most of the CNN's activations are zero or small (ActivationStatisticsTest: mean
        // one-bit count well under 8), so even a brick of 16 waiting on its slowest lane beats eight cycles: the
        // full study has Pragmatic 1.80x faster than Stripes on this array.
        assertThat(pragmaticMeasured).isLessThan(stripes);
        assertThat(energy(byPe.get("bit-pragmatic fmnist-cnn"))).isLessThan(energy(byPe.get("bit-serial fmnist-cnn")));
        // One bit-parallel int8 MAC per cycle against at least one cycle per brick: on the same array the int8
        // MAC is faster than both (the full study's same-array and equal-area speedups are all below 1).
        assertThat(intMac).isLessThan(pragmaticMeasured);
    }

    static long cycles(CSVRecord r) {
        return Long.parseLong(r.get("cycles"));
    }

    static double energy(CSVRecord r) {
        return Double.parseDouble(r.get("energy_pj"));
    }
}
