package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> KEYS = List.of("cycles", "compute_cycles", "seconds", "energy_pj", "breakdown",
            "area_um2", "utilization", "bound");

    /** The command as Main runs it: a user's mistake is one line on stderr and exit 2. */
    static BitSweepCliTest.Run simulate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            for (Throwable t = e; t != null; t = t.getCause())
                if (t instanceof UserInputException u) {
                    cmd.getErr().println("bitsweep: " + u.getMessage());
                    return Main.USER_ERROR;
                }
            throw e;
        });
        return new BitSweepCliTest.Run(cli.execute(args), out.toString(), err.toString());
    }

    /** A 32×32 output-stationary INT-MAC array, int4 group-128 weights and int8 activations; {@code more} overrides. */
    static List<String> args(String workload, String... more) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("--pe", "int-mac");
        a.put("--array", "32x32");
        a.put("--dataflow", "os");
        a.put("--workload", workload);
        a.put("--weights", "int4:group:128");
        a.put("--activations", "int8");
        for (int i = 0; i < more.length; i += 2)
            a.put(more[i], more[i + 1]);
        List<String> list = new ArrayList<>();
        a.forEach((k, v) -> {
            list.add(k);
            list.add(v);
        });
        return list;
    }

    static JsonNode json(String workload, String... more) throws Exception {
        List<String> a = args(workload, more);
        a.add("--json");
        BitSweepCliTest.Run r = simulate(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void jsonHasTheTotalsTheBreakdownAndEveryLayerWithTheSameKeys() throws Exception {
        JsonNode j = json("llama-2-7b:decode");
        for (String k : KEYS)
            assertThat(j.has(k)).as(k).isTrue();
        assertThat(j.get("bound").asText()).isIn("compute", "memory");
        double sum = 0;
        for (Iterator<JsonNode> it = j.get("breakdown").elements(); it.hasNext(); )
            sum += it.next().asDouble();
        assertThat(sum).isCloseTo(j.get("energy_pj").asDouble(), within(1e-6 * sum));
        JsonNode layers = j.get("layers");
        assertThat(layers).hasSize(289);
        long cycles = 0;
        for (JsonNode l : layers) {
            for (String k : KEYS)
                assertThat(l.has(k)).as(k).isTrue();
            cycles += l.get("cycles").asLong();
        }
        assertThat(cycles).isEqualTo(j.get("cycles").asLong());
        assertThat(layers.get(0).get("mapping").get("loop_order").asText()).matches("[mnk]>[mnk]>[mnk]");
        assertThat(j.get("sources").get("dram_pj").get(0).asText()).contains("Horowitz");
    }

    @Test
    void aSingleGemmWithScaleSimTimingReportsScaleSimsCycles() throws Exception {
        // SCALE-Sim's golden for M 256, N 128, K 256 on 32×32 output stationary: 32 folds of 32 + 32 + 256 − 2,
        // less one = 10,175 stall-free cycles (ScaleSimReferenceTest derives it).
        JsonNode j = json("gemm:256x128x256", "--timing", "scalesim", "--buffer-kib", "1024");
        assertThat(j.get("compute_cycles").asLong()).isEqualTo(10_175);
        assertThat(j.get("layers")).hasSize(1);
        // Ours counts the drain of every fold and the last cycle: 32 × (64 + 32 + 254) = 11,200.
        assertThat(json("gemm:256x128x256", "--buffer-kib", "1024").get("compute_cycles").asLong()).isEqualTo(11_200);
    }

    @Test
    void eachLayerInJsonNamesTheUnitThatRanIt() throws Exception {
        // W4A16 bitmod with an fp16 KV cache: no accumulator width lets the PE take fp16 × fp16, so attention: auto
        // builds an fp16 unit and the two attention GEMMs of each block (qk, av) run there; the linear layers run on
        // the array's one dataflow, dp.
        JsonNode j = json("llama-2-7b:decode", "--pe", "bitmod", "--weights", "bitmod4:group:128", "--activations",
                "fp16", "--array", "64x16", "--dataflow", "dp");
        long onUnit = 0;
        for (JsonNode l : j.get("layers")) {
            boolean attention = l.get("name").asText().endsWith(".qk") || l.get("name").asText().endsWith(".av");
            assertThat(l.get("unit").asText()).as(l.get("name").asText())
                    .isEqualTo(attention ? "attention_unit" : "dp");
            onUnit += attention ? 1 : 0;
        }
        assertThat(onUnit).isEqualTo(2 * 32);
        // With every dataflow allowed, each layer names one of the four.
        for (JsonNode l : json("gemm:64x4096x4096", "--dataflow", "auto").get("layers"))
            assertThat(l.get("unit").asText()).isIn("os", "ws", "is", "dp");
    }

    @Test
    void attentionNothingRunsIsRefusedBeforeRunningNamingTheAttentionOption() {
        // shift-add takes int4 × fp16 but not the fp16 KV cache as a weight; --attention array leaves nothing else
        // to run attention, so simulate refuses as a sweep file's check does, naming --attention, before any layer.
        BitSweepCliTest.Run r = simulate(args("llama-2-7b:decode", "--pe", "shift-add", "--activations", "fp16",
                "--attention", "array").toArray(String[]::new));
        assertThat(r.code()).isEqualTo(Main.USER_ERROR);
        assertThat(r.err()).startsWith("bitsweep: --attention: attention_score and attention_value layers on the PE "
                + "array: ").doesNotContain("q_proj")
                // The advice in command-line words: the KV cache's format is --kv-cache, not quantization.kv_cache.
                .contains("(--kv-cache)").doesNotContain("quantization.");
    }

    @Test
    void decodeAtBatchOneIsMemoryBound() throws Exception {
        assertThat(json("llama-2-7b:decode", "--dram-gbps", "8").get("bound").asText()).isEqualTo("memory");
    }

    @Test
    void theTableNamesTheBoundAndTheMappings() {
        BitSweepCliTest.Run r = simulate(args("gemm:64x64x64").toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cycles", "-bound", "weight_sram_read_pj").containsPattern("tile \\d+x\\d+x\\d+ \\(m×n×k\\)");
    }

    @Test
    void impossibleConfigurationsAreUserErrorsNamingTheParameter() {
        // The options read through the same knobs as sweep files, so they say the same words, after the option.
        assertError(args("gemm:8x8x8", "--array", "0x32"), "--array: 0×32 is not a possible array; valid: ROWSxCOLS");
        assertError(args("gemm:8x8x8", "--dram-gbps", "0"), "--dram-gbps: 0 must be a finite number > 0");
        assertError(args("gemm:8x8x8", "--clock-mhz", "-5"), "--clock-mhz: -5 must be a finite number > 0");
        assertError(args("gemm:8x8x8", "--buffer-kib", "0"), "--buffer-kib: 0 is out of range; valid: 1 to 1048576");
        assertError(args("gemm:8x8x8", "--dataflow", "rs"), "--dataflow: unknown dataflow \"rs\"; valid: os, ws, is");
        assertError(args("gemm:8x8x8", "--timing", "rtl"), "--timing: unknown timing \"rtl\"; valid: bitsweep, scalesim");
        assertError(args("gemm:8x0x8"), "--workload: \"gemm:8x0x8\": M, N and K must each be in");
        assertError(args("gemm:8x8x8", "--node", "3nm"), "--node: no cost tables for node \"3nm\"; valid: 45nm");
        assertError(args("gemm:8x8x8", "--buffer-banks", "2000", "--buffer-kib", "1"),
                "--buffer-banks: 2000 banks in a 1024-byte buffer; at most one bank per byte");
        // One fold of a 128×128 array holds 128 × 128 outputs of 8 bits: two of them need 32 KiB.
        assertError(args("gemm:256x256x256", "--array", "128x128", "--buffer-kib", "1"),
                "layer gemm: GEMM 256x256x256 (m×n×k) on a 128x128 array, os: no tile fits the buffers");
        // An integer MAC cannot multiply FP8 weights.
        assertError(args("gemm:8x8x8", "--weights", "fp8-e4m3"), "--pe: int-mac needs integer weights and activations");
    }

    static void assertError(List<String> args, String message) {
        BitSweepCliTest.Run r = simulate(args.toArray(String[]::new));
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
    }
}
