package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVRecord;
import org.bitsweep.sweep.cli.BitSweepCliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example files run as the README and docs say they do. */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void thePeShootoutIsOneCommandOneResultsFileAndAFrontPerPe(@TempDir Path dir) throws IOException {
        BitSweepCliTest.Run r = BitSweepCliTest.bitsweep("run", EXAMPLES.resolve("pe-shootout.yaml").toString(),
                "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        // Five cases: bitmod with two weight formats, ant, olive, shift-add, int-mac with two; each on two arrays.
        List<CSVRecord> rows = GoldenResultsTest.rows(dir.resolve("results.csv"));
        assertThat(rows).hasSize(2 * (2 + 1 + 1 + 1 + 2));
        Set<String> pes = new TreeSet<>();
        rows.forEach(row -> pes.add(row.get("pe")));
        assertThat(pes).containsExactly("ant", "bitmod", "int-mac", "olive", "shift-add");
        // Every row ran or says why not; the front is drawn per PE (pareto.group_by: pe).
        assertThat(rows).allMatch(row -> row.get("feasible").equals("true") || !row.get("reason").isEmpty());
        Set<String> frontPes = new TreeSet<>();
        GoldenResultsTest.rows(dir.resolve("pareto.csv")).forEach(row -> frontPes.add(row.get("pe")));
        assertThat(frontPes).isEqualTo(pes);
        for (String f : List.of("report.html", "pareto-energy.svg", "pareto-area.svg"))
            assertThat(dir.resolve(f)).exists();
    }

    /**
     * SCALE-Sim's own configurations and topologies (examples/scalesim, unchanged) run through simulate: every
     * configuration with every topology, the array and dataflow taken from the configuration. With buffers large
     * enough to hold the layer (SCALE-Sim streams operands and stalls where we tile), AlexNet's Conv1 on scale.cfg's
     * 32×32 array as weight stationary takes SCALE-Sim's own golden count, 112,283 cycles (ScaleSimReferenceTest
     * derives it: 36 folds of 64 + 32 + 3,025 − 2, minus 1).
     */
    @Test
    void scaleSimsOwnFilesRunAsTheyAre() throws IOException {
        Path dir = EXAMPLES.resolve("scalesim");
        Map<String, String> arrays = Map.of("scale.cfg", "32x32 os", "google.cfg", "256x256 ws", "eyeriss.cfg",
                "12x14 ws");
        List<Path> topologies;
        try (var files = Files.list(dir)) {
            topologies = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(topologies).hasSize(5);
        ObjectMapper json = new ObjectMapper();
        for (String cfg : arrays.keySet())
            for (Path topology : topologies) {
                BitSweepCliTest.Run r = BitSweepCliTest.bitsweep("simulate", "--scalesim-config",
                        dir.resolve(cfg).toString(), "--workload", topology.toString(), "--pe", "int-mac",
                        "--weights", "int8", "--activations", "int8", "--timing", "scalesim", "--json");
                assertThat(r.code()).as("%s %s: %s", cfg, topology, r.err()).isZero();
                JsonNode d = json.readTree(r.out());
                assertThat(d.get("array").asText() + " " + d.get("dataflow").asText()).isEqualTo(arrays.get(cfg));
                assertThat(d.get("compute_cycles").asLong()).isPositive();
            }
        BitSweepCliTest.Run conv1 = BitSweepCliTest.bitsweep("simulate", "--scalesim-config",
                dir.resolve("scale.cfg").toString(), "--dataflow", "ws", "--workload",
                dir.resolve("alexnet_part.csv").toString(), "--pe", "int-mac", "--weights", "int8", "--activations",
                "int8", "--timing", "scalesim", "--weight-buffer-kib", "4096", "--activation-buffer-kib", "4096",
                "--output-buffer-kib", "4096", "--json");
        assertThat(conv1.code()).as(conv1.err()).isZero();
        assertThat(json.readTree(conv1.out()).get("compute_cycles").asLong()).isEqualTo(112_283);
    }
}
