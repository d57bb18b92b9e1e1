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
                "workload: fmnist-cnn", "array: \\[4x4, 4x8, 8x8, 16x16, 16x32, 32x32, 32x64\\]",
                "array: [4x8, 8x8, 16x16]", "  activation_statistics: fmnist-cnn\n",
                "  activation_statistics: [none, fmnist-cnn]\n");
        Map<String, CSVRecord> byPe = rows.stream().collect(Collectors.toMap(
                r -> r.get("pe") + " " + r.get("array") + " " + r.get("activation_statistics"), r -> r));
        assertThat(byPe).hasSize(18);
        CSVRecord stripes = byPe.get("bit-serial 16x16 fmnist-cnn");
        CSVRecord pragmatic = byPe.get("bit-pragmatic 16x16 fmnist-cnn");
        CSVRecord intMac = byPe.get("int-mac 16x16 fmnist-cnn");
        // Without statistics Pragmatic assumes uint8's worst value, 255 = eight one-bits: eight cycles per MAC, as
        // Stripes takes for every uint8 value, so the two run the same cycles on the same array.
        assertThat(cycles(byPe.get("bit-pragmatic 16x16 none"))).isEqualTo(cycles(stripes));
        // Statistics change nothing for the value-blind PEs.
        assertThat(cycles(byPe.get("bit-serial 16x16 none"))).isEqualTo(cycles(stripes));
        assertThat(cycles(byPe.get("int-mac 16x16 none"))).isEqualTo(cycles(intMac));
        // After ReLU and max-pool most of the CNN's activations are zero or small (ActivationStatisticsTest: mean
        // one-bit count well under 8), so even a brick of 16 waiting on its slowest lane beats eight cycles (the full
        // study: 1.40x on this array), and a lane shifts fewer terms than Stripes' eight cycles of select and AND.
        // The total is DRAM's (the CNN's weights), and Pragmatic's larger array leaks more, so the MAC datapath and
        // its registers are what is compared.
        assertThat(cycles(pragmatic)).isLessThan(cycles(stripes));
        assertThat(macEnergy(pragmatic)).isLessThan(macEnergy(stripes));
        // On the same 16x16 array each serial PE is a 16-lane unit: 4,096 lanes at 8 cycles a MAC against 256 MACs
        // a cycle, so both serial arrays finish first, on four to seven times int-mac's area.
        assertThat(cycles(stripes)).isLessThan(cycles(intMac));
        assertThat(area(stripes)).isGreaterThan(4 * area(intMac));
        // At equal PE-array area int-mac is still faster: Stripes' 8x8 array is already larger than int-mac's 16x16
        // (a SIP lane is 184 µm² at 45 nm, a quarter of int-mac's 706, for eight cycles a MAC) and still slower;
        // Pragmatic's cycles, interpolated log-log between its 4x8 and 8x8 arrays at int-mac's 16x16 area, are more
        // than int-mac's (the full study: 0.79x and 0.96x).
        CSVRecord stripes8 = byPe.get("bit-serial 8x8 fmnist-cnn");
        assertThat(area(stripes8)).isGreaterThan(area(intMac));
        assertThat(cycles(stripes8)).isGreaterThan(cycles(intMac));
        CSVRecord small = byPe.get("bit-pragmatic 4x8 fmnist-cnn");
        CSVRecord large = byPe.get("bit-pragmatic 8x8 fmnist-cnn");
        assertThat(area(intMac)).isBetween(area(small), area(large));
        double t = Math.log(area(intMac) / area(small)) / Math.log(area(large) / area(small));
        double pragmaticAtEqualArea = Math.exp(Math.log(cycles(small))
                + t * Math.log((double) cycles(large) / cycles(small)));
        assertThat(pragmaticAtEqualArea).isGreaterThan(cycles(intMac));
    }

    static double area(CSVRecord r) {
        return Double.parseDouble(r.get("area_pe_array_um2"));
    }

    static double macEnergy(CSVRecord r) {
        return Double.parseDouble(r.get("energy_mac_pj")) + Double.parseDouble(r.get("energy_register_pj"));
    }

    static long cycles(CSVRecord r) {
        return Long.parseLong(r.get("cycles"));
    }
}
