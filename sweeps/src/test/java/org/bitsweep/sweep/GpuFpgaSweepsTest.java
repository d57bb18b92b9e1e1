package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.bitsweep.sweep.cli.BitSweepCliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps over GPUs and FPGA accelerators run like sweeps over PE arrays: the two examples, reduced to a few points,
 * write their rows and draw their fronts; a kernel or a format the target cannot run stops the sweep before it runs,
 * at the line of the setting to change.
 */
class GpuFpgaSweepsTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    /** The example with each {@code pattern} (a regex that must match exactly once) replaced. */
    static Path reduced(String example, Path dir, String... patternAndReplacement) throws IOException {
        String text = Files.readString(EXAMPLES.resolve(example));
        for (int i = 0; i < patternAndReplacement.length; i += 2) {
            Matcher m = Pattern.compile(patternAndReplacement[i], Pattern.DOTALL).matcher(text);
            assertThat(m.results().count()).as("%s in %s", patternAndReplacement[i], example).isEqualTo(1);
            text = m.replaceFirst(Matcher.quoteReplacement(patternAndReplacement[i + 1]));
        }
        Path file = dir.resolve(example);
        Files.writeString(file, text);
        return file;
    }

    static List<CSVRecord> run(Path sweep, Path out) throws IOException {
        BitSweepCliTest.Run r = BitSweepCliTest.bitsweep("run", sweep.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        return GoldenResultsTest.rows(out.resolve("results.csv"));
    }

    static String error(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, yaml);
        BitSweepCliTest.Run r = BitSweepCliTest.bitsweep("run", file.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\tat ");
        return r.err();
    }

    /**
     * examples/fpga-minifloat.yaml on four formats and 200 images. int4 × int4 with an exact accumulator for the
     * CNN's longest dot product (n = 784, ⌈log2 784⌉ = 10) is, in FINN-R's terms with one lane: multiplier
     * (2·⌈8/6⌉ − 1)·8 = 24 LUTs, adder tree 8·(2·1 − 1) = 8, accumulator 4 + 4 + 10 + 1 = 19 bits; × 1.1 = 56.1 LUTs.
     */
    @Test
    void theFpgaExampleWritesEveryResourceAndDrawsTheFront(@TempDir Path dir) throws IOException {
        String four = "[int4, e2m1fin, int8, e4m3fin]";
        Path sweep = reduced("fpga-minifloat.yaml", dir, "weights: \\[int3.*?\\]", "weights: " + four,
                "activations: \\[int3.*?\\]", "activations: " + four, "images: 1000", "images: 200");
        List<CSVRecord> rows = run(sweep, dir.resolve("out"));
        assertThat(rows).hasSize(4).allSatisfy(r -> {
            assertThat(r.get("feasible")).isEqualTo("true");
            assertThat(r.get("kind")).isEqualTo("fpga");
            assertThat(r.get("device")).isEqualTo("xcvc1902");
            assertThat(Double.parseDouble(r.get("lut_fraction"))).isBetween(0.6, 0.7);
            assertThat(r.get("bound_by")).isEqualTo("lut");
            assertThat(Double.parseDouble(r.get("top1"))).isBetween(0.5, 1.0);
        });
        Map<String, CSVRecord> byFormat = rows.stream().collect(Collectors.toMap(r -> r.get("weights"), r -> r));
        assertThat(Double.parseDouble(byFormat.get("int4").get("lut_per_mac"))).isCloseTo(56.1, within(1e-9));
        assertThat(byFormat.get("int4").get("mac_unit")).isEqualTo("fpga-int-mac");
        assertThat(byFormat.get("e2m1fin").get("mac_unit")).isEqualTo("fpga-minifloat-mac");
        // Fewer LUTs per MAC, more units: the design fills the same share of the device either way.
        assertThat(Long.parseLong(byFormat.get("int4").get("units")))
                .isGreaterThan(Long.parseLong(byFormat.get("int8").get("units")));
        assertThat(Files.readString(dir.resolve("out/top1-vs-lut-per-mac.svg"))).contains("<svg", "Pareto front",
                "lut_per_mac");
        assertThat(Files.readAllLines(dir.resolve("out/pareto.csv")).size()).isBetween(2, 5);
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("bound_by");
    }

    /** examples/gpu-kernels.yaml whole (its ten points are fast), with a smaller synthetic tensor. */
    @Test
    void theGpuExampleRunsEachQuantizationWithItsKernel(@TempDir Path dir) throws IOException {
        Path sweep = reduced("gpu-kernels.yaml", dir, "rows: 1024, cols: 4096", "rows: 128, cols: 512");
        List<CSVRecord> rows = run(sweep, dir.resolve("out"));
        assertThat(rows).hasSize(10).allSatisfy(r -> assertThat(r.get("feasible")).isEqualTo("true"));
        assertThat(rows.stream().map(r -> r.get("gpu") + " " + r.get("kernels_run")).toList()).contains(
                "a100-80gb weight-only+dense-mma", "h100-sxm qserve-w4a8+dense-mma", "h100-sxm dense-mma",
                "a100-80gb atom-w4a4+dense-mma");
        for (CSVRecord r : rows) {
            // Each run reads every weight once: never faster than its DRAM time, which is a part of it.
            assertThat(Double.parseDouble(r.get("seconds"))).isGreaterThan(Double.parseDouble(r.get("dram_seconds")));
            assertThat(r.get("bound")).isIn("dram", "tensor-core", "cuda-core", "shared-memory", "launch");
        }
        // The same quantization and kernel on the H100 (3.35 TB/s) is faster than on the A100 80 GB (2.04 TB/s).
        Map<String, Double> w4a16 = rows.stream().filter(r -> r.get("kernel").equals("weight-only"))
                .collect(Collectors.toMap(r -> r.get("gpu"), r -> Double.parseDouble(r.get("seconds"))));
        assertThat(w4a16.get("h100-sxm")).isLessThan(w4a16.get("a100-80gb"));
        assertThat(Files.readString(dir.resolve("out/sqnr-vs-seconds.svg"))).contains("front: gpu h100-sxm");
    }

    @Test
    void aKernelTheGpuCannotRunIsRefusedAtItsLineWithWhatTheGpuRuns(@TempDir Path dir) throws IOException {
        String err = error(dir, """
                version: 1
                name: fp8-on-a100
                workload: gemm:16x4096x4096
                quantization: {weights: fp8-e4m3, activations: fp8-e4m3}
                target:
                  kind: gpu
                  gpu: a100-80gb
                  kernel: dense-mma
                objectives: [{column: weight_sqnr_db, direction: max}, {column: seconds, direction: min}]
                """);
        assertThat(err).contains("sweep.yaml:8: target.kernel: kernel dense-mma cannot run w:fp8-e4m3 a:fp8-e4m3 on "
                + "a100-80gb: a100-80gb has no fp8 tensor cores; a100-80gb has tensor types fp16, bf16, tf32, int8, "
                + "int4, binary and runs: dense-mma (w and a both fp16, bf16, int8, int4); weight-only");
    }

    @Test
    void aPairNoKernelOfTheGpuRunsIsBlamedOnTheGpu(@TempDir Path dir) throws IOException {
        // Hopper has neither INT4 nor binary MMA: no kernel runs W4A4 there, whatever auto picks.
        String err = error(dir, """
                version: 1
                name: w4a4-on-h100
                workload: gemm:16x4096x4096
                quantization: {weights: int4, activations: int4}
                target: {kind: gpu, gpu: [a100-80gb, h100-sxm]}
                objectives: [{column: weight_sqnr_db, direction: max}, {column: seconds, direction: min}]
                """);
        assertThat(err).contains("sweep.yaml:5: target.gpu: no GPU kernel runs w:int4 a:int4 on h100-sxm; h100-sxm "
                + "has tensor types fp16, bf16, tf32, fp8, int8 and runs:").doesNotContain("on a100-80gb");
    }

    @Test
    void aFormatNoFpgaUnitModelsAndUltraRamTheDeviceLacksAreRefusedSayingWhatIsValid(@TempDir Path dir)
            throws IOException {
        String formats = error(dir, """
                version: 1
                name: mixed-on-fpga
                workload: fmnist-cnn
                quantization: {weights: [int4, nf4], activations: e2m1fin, granularity: channel:0}
                target: {kind: fpga, device: xczu7ev}
                objectives: [{column: weight_sqnr_db, direction: max}, {column: lut_per_mac, direction: min}]
                """);
        assertThat(formats).contains("sweep.yaml:5: target.device: an FPGA MAC unit cannot run w:int4 a:e2m1fin; it "
                + "runs integer weights and activations", "w:nf4 a:e2m1fin");
        String uram = error(dir, """
                version: 1
                name: uram-on-zu3eg
                workload: fmnist-cnn
                quantization: {weights: int4, activations: int4, granularity: channel:0}
                target:
                  kind: fpga
                  device: xczu3eg
                  weight_ram: uram
                objectives: [{column: weight_sqnr_db, direction: max}, {column: lut_per_mac, direction: min}]
                """);
        assertThat(uram).contains("sweep.yaml:8: target.weight_ram: xczu3eg has no UltraRAM; use weight_ram bram or "
                + "auto");
    }
}
