package org.bitsweep.sweep.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bitsweep.sweep.cli.BitSweepCliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/studies/bitmod.md, reduced to OPT-1.3B (the zoo's smallest of BitMoD's six LLMs) so that each study runs in
 * seconds: examples/studies/bitmod-sim.yaml (BitSweep configured as BitMoD's own simulator) and
 * examples/studies/bitmod.yaml (BitSweep's defaults) at 45 nm with the DDR3-era DRAM. Each case keeps its PE, array,
 * formats and KV cache; only the workload lists and the step-further axes shrink.
 */
class BitmodStudyTest {
    private static final Path STUDIES = Path.of("..", "examples", "studies");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The study's sweep with every case cut to OPT-1.3B's workloads, and the target's extra pairs set. */
    private static Path reduced(String study, Path dir, Map<String, String> target) throws IOException {
        ObjectNode sweep = (ObjectNode) YAML.readTree(STUDIES.resolve(study).toFile());
        target.forEach(((ObjectNode) sweep.get("target"))::put);
        ArrayNode kept = YAML.createArrayNode();
        for (JsonNode c : sweep.get("cases")) {
            ObjectNode aCase = (ObjectNode) c;
            ArrayNode workloads = YAML.createArrayNode();
            JsonNode w = aCase.get("workload");
            for (JsonNode one : w.isArray() ? w : YAML.createArrayNode().add(w))
                if (one.asText().startsWith("opt-1.3b:"))
                    workloads.add(one.asText());
            if (!workloads.isEmpty()) {
                aCase.set("workload", workloads);
                kept.add(aCase);
            }
        }
        sweep.set("cases", kept);
        Path file = dir.resolve(study);
        YAML.writeValue(file.toFile(), sweep);
        return file;
    }

    /** Cycles by "design task": design as BitMoD's scripts name their accelerators (fp16, ant, olive, bitmod). */
    private static Map<String, Double> cycles(Path sweep, Path out) throws IOException {
        BitSweepCliTest.Run r = BitSweepCliTest.bitsweep("run", sweep.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Double> cycles = new HashMap<>();
        for (CSVRecord row : rows(out.resolve("results.csv"))) {
            assertThat(row.get("feasible")).as("%s %s", row.get("pe"), row.get("reason")).isEqualTo("true");
            String pe = row.get("pe");
            String design = pe.equals("fp-mac") ? "fp16"
                    : pe.equals("bitmod") && row.get("weights").equals("int6") ? "bitmod-lossless" : pe;
            cycles.put(design + " " + row.get("workload").split(":")[1], Double.parseDouble(row.get("cycles")));
        }
        return cycles;
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    /** A generative task as BitMoD's plots count it: the prefill and 20 decode steps. */
    private static double generative(Map<String, Double> cycles, String design) {
        return cycles.get(design + " prefill") + 20 * cycles.get(design + " decode");
    }

    /**
     * Configured as their simulator, decode is DRAM-bound on their 32 B per cycle for every design, so each design's
     * decode step is its bytes over the bus: the full study's ratios to their simulator's figures
     * (examples/studies/bitmod-sim-reference.csv, e445a5f) are 1.004 to 1.039 for OPT-1.3B, our bitmod3 carrying 2.5 %
     * more bits (an fp16 scale and a 2-bit selector per 128 weights against their 8-bit scale) and each layer's
     * last step exposed. Prefill is compute-bound and our mapper re-fetches less than their fixed policy, so ours is
     * faster there (0.92 to 0.93 for OPT-1.3B's quantized designs). The order of the designs is the paper's in both
     * tasks: BitMoD (4 lanes, 2 weight bits a cycle) before OliVe (4-bit weights, 72x16) before ANT (5-bit
     * weights) before FP16.
     */
    @Test
    void configuredAsTheirSimulatorDecodeIsWithinFivePercentOfItsCyclesAndTheOrderIsThePapers(@TempDir Path dir)
            throws IOException {
        Map<String, Double> ours = cycles(reduced("bitmod-sim.yaml", dir, Map.of()), dir.resolve("out"));
        Map<String, Double> theirs = Map.of("fp16 decode", 83_594_438.0, "ant decode", 27_265_990.0,
                "olive decode", 22_145_222.0, "bitmod decode", 16_558_070.0, "bitmod-lossless decode", 31_920_374.0);
        theirs.forEach((key, cycles) -> assertThat(ours.get(key) / cycles).as("%s ours / theirs", key)
                .isBetween(0.95, 1.05));
        for (String task : List.of("prefill", "decode")) {
            assertThat(ours.get("bitmod " + task)).as(task).isLessThan(ours.get("olive " + task));
            assertThat(ours.get("olive " + task)).as(task).isLessThan(ours.get("ant " + task));
            assertThat(ours.get("ant " + task)).as(task).isLessThan(ours.get("fp16 " + task));
        }
        // Full study: BitMoD over ANT 1.93 (prefill) and 1.71 (generative) on OPT-1.3B; over OliVe 1.72 and 1.44.
        assertThat(generative(ours, "ant") / generative(ours, "bitmod")).isBetween(1.5, 2.0);
        assertThat(generative(ours, "olive") / generative(ours, "bitmod")).isBetween(1.3, 1.8);
    }

    /**
     * With BitSweep's defaults the DRAM moves 64 B per cycle, twice their bus, and every quantized design turns
     * compute-bound, so the speedups become the PEs' throughput ratios on their arrays: ANT takes one weight per PE
     * a cycle, BitMoD four every two cycles, so 2.0; OliVe's 72 rows fold 4096 outputs into ⌈4096/72⌉ = 57 against
     * ⌈4096/64⌉ = 64, so 2 · 57/64 = 1.78. The full study's means over the six models are 2.03 and 1.82 (the
     * paper's: 1.69 and 1.48).
     */
    @Test
    void withBitSweepsDefaultsBitmodIsTwiceAntAndAboutOnePointEightOlive(@TempDir Path dir) throws IOException {
        Map<String, Double> ours = cycles(reduced("bitmod.yaml", dir, Map.of("node", "45nm", "dram", "ddr3-horowitz")),
                dir.resolve("out"));
        assertThat(generative(ours, "ant") / generative(ours, "bitmod")).isBetween(1.9, 2.1);
        assertThat(generative(ours, "olive") / generative(ours, "bitmod")).isBetween(1.7, 1.9);
        assertThat(ours.get("bitmod prefill")).isLessThan(ours.get("bitmod-lossless prefill"));
        assertThat(ours.get("fp16 decode")).isGreaterThan(ours.get("ant decode"));
    }
}
