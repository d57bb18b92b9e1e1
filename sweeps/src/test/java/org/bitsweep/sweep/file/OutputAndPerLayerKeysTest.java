package org.bitsweep.sweep.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.file.SweepFileReaderTest.error;
import static org.bitsweep.sweep.file.SweepFileReaderTest.read;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.sweep.cli.BitSweepCliTest;
import org.bitsweep.sweep.model.AccuracySpec;
import org.bitsweep.sweep.model.GemmSpec;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.SweepLoader;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.io.NpyWriter;
import org.bitsweep.workloads.io.TensorData;
import org.bitsweep.workloads.tensor.ActivationOutliers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accuracy.gemm, quantization.layers and quantization.allocate as the reader understands them, and their mistakes. */
class OutputAndPerLayerKeysTest {
    static final Path MLP = Path.of("..", "workloads", "src", "main", "resources", "models", "fmnist-mlp.safetensors")
            .toAbsolutePath().normalize();

    static String output(String gemm) {
        return """
                workload: llama-2-7b:decode
                accuracy:
                  metric: output_sqnr_db
                  gemm: %s
                quantization: {weights: int4, activations: int8}
                target: {kind: gpu, gpu: rtx-4090}
                """.formatted(gemm);
    }

    @Test
    void anOutputMetricTakesTheSourcedOutlierDefaults() throws Exception {
        AccuracySpec a = read(output("{}")).accuracy();
        GemmSpec g = a.gemm();
        assertThat(a.isOutput()).isTrue();
        assertThat(a.higherIsBetter()).isTrue();
        assertThat(g.outliers()).isEqualTo(ActivationOutliers.defaults());
        assertThat(g.tokens()).isEqualTo(64);
        assertThat(g.k()).isEqualTo(4096);
        assertThat(g.n()).isEqualTo(1024);
        assertThat(g.decomposition()).isEmpty();
        assertThat(read(output("{outliers: none, decompose: default}")).accuracy().gemm().outliers().channelFraction())
                .isZero();
        assertThat(read(output("{decompose: 4.5}")).accuracy().gemm().decomposition().get().threshold()).isEqualTo(4.5);
        assertThat(read(output("{}").replace("output_sqnr_db", "output_mse")).accuracy().higherIsBetter()).isFalse();
    }

    @Test
    void settingsThatDoNotApplyAreNamedWithTheirLineAndWhy() {
        assertThat(error(output("{context: 512, tokenz: 8}"))).isEqualTo(
                "sweep.yaml:4: accuracy.gemm.tokenz: unknown key; valid: activation_clip, activation_file, "
                        + "activation_granularity, attention, context, decompose, head_dim, k, key_file, kv_granularity, "
                        + "layers, n, nan, outlier_fraction, outlier_magnitude, outlier_spread, outlier_tokens, outliers, "
                        + "tokens, weight_clip, weight_distribution, weight_file, weight_std (did you mean tokens?)\n"
                        + "sweep.yaml:4: accuracy.gemm.context: applies to attention: true only (Q·Kᵀ against the KV "
                        + "cache)");
        assertThat(error(output("{attention: true, n: 64}"))).isEqualTo("sweep.yaml:4: accuracy.gemm.n: describes the "
                + "weights of X·Wᵀ; attention: true measures Q·Kᵀ against the KV cache (quantization.kv_cache), with "
                + "context, head_dim and key_file");
        assertThat(error(output("{outliers: none, outlier_magnitude: 100}"))).isEqualTo("sweep.yaml:4: "
                + "accuracy.gemm.outlier_magnitude: shapes outlier channels, but outliers: none has none; drop it or use "
                + "outliers: default");
        assertThat(error(output("{nan: zero, outlier_fraction: 2, decompose: always}"))).isEqualTo(
                "sweep.yaml:4: accuracy.gemm.nan: applies to tensors read from files; synthetic tensors are finite\n"
                        + "sweep.yaml:4: accuracy.gemm.outlier_fraction: the number 2; valid: 0 to 1\n"
                        + "sweep.yaml:4: accuracy.gemm.decompose: \"always\"; valid: none, default (6, LLM.int8()'s "
                        + "threshold) or a threshold > 0");
        assertThat(error(output("{}").replace("  gemm: {}", "  model: fmnist-mlp\n  gemm: {}"))).isEqualTo(
                "sweep.yaml:4: accuracy.model: applies to metric top1 only; metric output_sqnr_db measures the output "
                        + "of the GEMMs accuracy.gemm describes");
        assertThat(error(output("{}").replace("output_sqnr_db", "weight_sqnr_db"))).isEqualTo(
                "sweep.yaml:4: accuracy.gemm: applies to the output metrics (output_sqnr_db, output_mse, "
                        + "output_cosine) only; metric weight_sqnr_db measures a synthetic weight tensor (accuracy.tensor)");
        assertThat(error(output("{k: 1000}").replace("activations: int8}", "activations: int8, granularity: group:128}")))
                .isEqualTo("sweep.yaml:5: quantization.granularity: group size 128 does not divide accuracy.gemm.k = 1000");
    }

    @Test
    void tensorFilesAreReadRelativeToTheSweepAndTheirMistakesNamed(@TempDir Path dir) throws Exception {
        NpyWriter.write(dir.resolve("x.npy"), new TensorData("x", new int[] {2, 100}, new float[200]));
        float[] nan = new float[784];
        nan[3] = Float.NaN;
        NpyWriter.write(dir.resolve("nan.npy"), new TensorData("nan", new int[] {1, 784}, nan));
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, output("{activation_file: missing.npy, tokens: 8}"));
        assertThatMessage(sweep).isEqualTo("%s:4: accuracy.gemm.activation_file: no such file %s (paths are relative "
                .formatted(sweep, dir.resolve("missing.npy")) + "to the sweep file's folder)\n"
                + "%s:4: accuracy.gemm.tokens: shapes the synthetic activations; activation_file brings its own"
                .formatted(sweep));
        // A tensor name the file does not hold: the reader lists the ones it does.
        Files.writeString(sweep, output("{weight_file: \"%s:fc1.weight,fc9.weight\"}".formatted(MLP)));
        assertThatMessage(sweep).startsWith("%s:4: accuracy.gemm.weight_file: ".formatted(sweep))
                .contains("tensor \"fc9.weight\": not in the file; valid: fc1.weight, fc1.bias, fc2.weight");
        // Shapes that do not multiply name both.
        Files.writeString(sweep, output("{activation_file: x.npy, weight_file: \"%s:fc1.weight\"}".formatted(MLP)));
        assertThatMessage(sweep).isEqualTo(("%s:4: accuracy.gemm: fc1.weight: X·Wᵀ needs as many columns in X as in W; "
                + "activations x are [2, 100] and weights fc1.weight are [256, 784]; weights are [outputs, inputs], as "
                + "PyTorch stores them").formatted(sweep));
        // NaN follows accuracy.gemm.nan.
        Files.writeString(sweep, output("{activation_file: nan.npy, weight_file: \"%s:fc1.weight\"}".formatted(MLP)));
        assertThatMessage(sweep).contains("accuracy.gemm.activation_file: ", "has 1 NaN or infinite values",
                "set accuracy.gemm.nan: zero to read them as 0");
        Files.writeString(sweep, output("{activation_file: nan.npy, weight_file: \"%s:fc1.weight\", nan: zero}"
                .formatted(MLP)));
        SweepFile s = SweepLoader.load(sweep);
        assertThat(s.accuracy().gemm().k()).isZero();       // K is the file's
        assertThat(s.accuracy().gemm().activationFile()).isEqualTo(dir.resolve("nan.npy").toString());
        assertThat(s.accuracy().describe()).isEqualTo("output error of X·Wᵀ, file tokens × file outputs × k of the "
                + "file; activations nan.npy, weights fmnist-mlp.safetensors:fc1.weight; dot products through the "
                + "point's PE");
    }

    @Test
    void bitsweepRunRefusesBadTensorFilesWithExitCodeTwoAndNoStackTrace(@TempDir Path dir) throws Exception {
        NpyWriter.write(dir.resolve("x.npy"), new TensorData("x", new int[] {2, 100}, new float[200]));
        float[] inf = new float[784];
        inf[5] = Float.POSITIVE_INFINITY;
        NpyWriter.write(dir.resolve("inf.npy"), new TensorData("inf", new int[] {1, 784}, inf));
        Path sweep = dir.resolve("sweep.yaml");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{weight_file: \"%s:fc7.weight\"}".formatted(MLP),
                "tensor \"fc7.weight\": not in the file; valid: fc1.weight, fc1.bias");
        cases.put("{activation_file: x.npy, weight_file: \"%s:fc1.weight\"}".formatted(MLP),
                "activations x are [2, 100] and weights fc1.weight are [256, 784]");
        cases.put("{activation_file: inf.npy, weight_file: \"%s:fc1.weight\"}".formatted(MLP),
                "has 1 NaN or infinite values");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(sweep, output(c.getKey()));
            for (String[] args : List.of(new String[] {"run", sweep.toString(), "--dry-run"},
                    new String[] {"run", sweep.toString(), "--out", dir.resolve("out").toString()})) {
                BitSweepCliTest.Run r = BitSweepCliTest.bitsweep(args);
                assertThat(r.code()).as(r.err()).isEqualTo(2);
                assertThat(r.err()).as(c.getKey()).contains(sweep + ":4: accuracy.gemm", c.getValue())
                        .doesNotContain("\tat ", "Exception");
            }
        }
        // With nan: zero the infinite value reads as 0 and the sweep runs.
        Files.writeString(sweep, output("{activation_file: inf.npy, weight_file: \"%s:fc1.weight\", nan: zero}"
                .formatted(MLP)));
        BitSweepCliTest.Run ok = BitSweepCliTest.bitsweep("run", sweep.toString(), "--dry-run");
        assertThat(ok.code()).as(ok.err()).isZero();
    }

    static org.assertj.core.api.AbstractStringAssert<?> assertThatMessage(Path sweep) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> SweepLoader.load(sweep));
        assertThat(t).isInstanceOf(UserInputException.class);
        return assertThat(t.getMessage());
    }

    @Test
    void resolvedFilesReadBackToTheSameSweeps() throws Exception {
        for (String yaml : new String[] {
                output("{attention: true, context: 128, outlier_magnitude: 100, kv_granularity: group:32, "
                        + "decompose: 6.0, activation_clip: percentile:99.9}"),
                output("{tokens: 8, k: 256, n: 32, layers: 2, weight_distribution: student-t:4, weight_std: 0.5}"),
                """
                workload: fmnist-cnn
                accuracy: {metric: top1, model: fmnist-cnn, images: 100}
                quantization:
                  weights: int8
                  activations: uint8
                  granularity: channel:0
                  layers: [{"conv*": int4}, {fc1: "int4:group:16", fc2: int2}]
                target: {pe: int-mac, array: 8x8}
                """,
                """
                workload: fmnist-cnn
                accuracy: {metric: top1, model: fmnist-cnn, images: 100}
                quantization:
                  weights: int8
                  activations: uint8
                  granularity: channel:0
                  allocate: {budget_bits: {range: [3, 5], step: 1}, candidates: [int2, "int4:group:16", int8]}
                target: {pe: int-mac, array: [8x8, 16x16]}
                zip: [[quantization.allocate.budget_bits, target.array]]
                """}) {
            SweepFile s = read(yaml.replace("[8x8, 16x16]}", "[8x8, 16x16, 32x32]}"));
            String resolved = ResolvedSweepWriter.text(s);
            SweepFile again = SweepLoader.load("sweep.yaml", new StringReader(resolved));
            assertThat(ResolvedSweepWriter.text(again)).as(yaml).isEqualTo(resolved);
            assertThat(again.accuracy()).isEqualTo(s.accuracy());
            assertThat(again.cases().get(0).axes().stream().map(a -> a.values()).toList())
                    .isEqualTo(s.cases().get(0).axes().stream().map(a -> a.values()).toList());
        }
    }

    @Test
    void layersAndAllocateTogetherAreOneTooMany() {
        assertThat(error("""
                workload: fmnist-mlp
                accuracy: {metric: top1, model: fmnist-mlp, images: 100}
                quantization:
                  weights: int8
                  activations: int8
                  granularity: channel:0
                  layers: {fc1: int4}
                  allocate: {budget_bits: 4, candidates: [int4, int8]}
                target: {pe: int-mac, array: 8x8}
                """)).isEqualTo("sweep.yaml:8: quantization.allocate: quantization.layers (line 7) sets per-layer "
                + "formats already; give either layers or allocate");
    }
}
