package org.bitsweep.workloads.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.tensor.ActivationOutliers;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The output error of Y = X·Wᵀ, worked by hand on small tensors, and its properties on larger ones. */
class GemmOutputErrorTest {
    static QuantConfig config(String format, String granularity) {
        return QuantConfig.of(Formats.parse(format), Granularity.parse(granularity));
    }

    static Tensor tensor(String name, int rows, float... values) {
        return new Tensor(name, rows, values.length / rows, values);
    }

    @Test
    void int2WeightsPerChannelWorkedByHand() {
        // W row 0 = [4, 1]: scale 4/1, codes [1, round(0.25) = 0] → [4, 0]; row 1 = [2, 2]: scale 2, exact.
        // Y = X·Wᵀ, X = [[1, 2], [3, -1]]: reference [[6, 6], [11, 4]], quantized [[4, 6], [12, 4]].
        // Σy² = 36 + 36 + 121 + 16 = 209; Σ(y − ŷ)² = 4 + 1 = 5: SQNR = 10·log10(209/5) = 16.212 dB, MSE = 5/4.
        // Σyŷ = 24 + 36 + 132 + 16 = 208, Σŷ² = 16 + 36 + 144 + 16 = 212: cosine = 208/√(209·212) = 0.988168.
        OutputError e = GemmOutputError.measure("l", tensor("x", 2, 1, 2, 3, -1), tensor("w", 2, 4, 1, 2, 2),
                GemmQuantization.of(null, config("int2", "channel:0")));
        assertThat(e.sqnrDb()).isCloseTo(10 * Math.log10(209.0 / 5), within(1e-12));
        assertThat(e.mse()).isEqualTo(1.25);
        assertThat(e.cosine()).isCloseTo(208 / Math.sqrt(209.0 * 212), within(1e-12));
        assertThat(e.weightBitsPerElement()).isEqualTo(2 + 16.0 / 2);
        assertThat(e.activationBitsPerElement()).isEqualTo(32);
    }

    @Test
    void outlierDecompositionKeepsTheOutlierColumnInFp16AndRescalesTheRest() {
        // X = [[1, 8], [0.5, -1]], W = [[1, 1]] unquantized, activations int2 per token (scale = absmax/1).
        // Plain: token 0 has scale 8, so 1 → round(1/8) = 0 and 8 → 8; token 1 has scale 1: 0.5 → round(0.5) = 0
        // (ties to even), -1 → -1. Reference [9, -0.5], quantized [8, -1]: noise 1 + 0.25, signal 81 + 0.25,
        // SQNR = 10·log10(65) = 18.129 dB.
        // Decomposed (threshold 6): column 1 holds |8| >= 6, so it runs in FP16 (8 and -1, exact); column 0 alone is
        // quantized: token 0 [1, 0] has scale 1 → 1; token 1 [0.5, 0] has scale 0.5 → 0.5. The output is exact.
        Tensor x = tensor("x", 2, 1, 8, 0.5f, -1);
        Tensor w = tensor("w", 1, 1, 1);
        GemmQuantization plain = GemmQuantization.of(config("int2", "channel:0"), null);
        assertThat(GemmOutputError.measure("l", x, w, plain).sqnrDb()).isCloseTo(10 * Math.log10(65), within(1e-12));
        OutputError decomposed = GemmOutputError.measure("l", x, w,
                plain.withDecomposition(new OutlierDecomposition(6)));
        assertThat(decomposed.noiseEnergy()).isZero();
        assertThat(decomposed.sqnrDb()).isInfinite();
        assertThat(decomposed.outliers().outlierColumns()).isEqualTo(1);
        assertThat(decomposed.outliers().fraction()).isEqualTo(0.5);
        // Per GEMM of 2 tokens × 1 output × K = 2: 2·1·1 MACs in FP16, 2·1·1 in int2.
        assertThat(decomposed.outliers().outlierMacs(new GemmShape(2, 1, 2))).isEqualTo(2);
        assertThat(decomposed.outliers().regularMacs(new GemmShape(2, 1, 2))).isEqualTo(2);
    }

    @Test
    void theThresholdComesFromLlmInt8WithItsSource() {
        assertThat(OutlierDecomposition.defaults().threshold()).isEqualTo(6.0);
        assertThat(OutlierDecomposition.thresholdSource().citation()).startsWith("source: ").contains("2208.07339");
        // "At least one value of magnitude at least the threshold": 6 itself counts, 5.99 does not.
        assertThat(new OutlierDecomposition(6).columns(tensor("x", 1, 6, 5.99f, -7))).containsExactly(0, 2);
    }

    @Test
    void aPeAccumulatorRestartsAtEveryGroupBoundary() {
        // X = W = [[1, 1, 1, 1]] in int2 (scale 1, codes 1). A 3-bit wrapping accumulator holds -4 … 3: one run of
        // four MACs goes 1, 2, 3, then 4 wraps to -4, so y = -4 against 4: noise 64, signal 16, SQNR = -6.02 dB.
        // With weights in groups of 2 the dot product runs as two runs of 2 (each accumulator 2), exactly 4.
        Tensor ones = tensor("x", 1, 1, 1, 1, 1);
        GemmQuantization wholeRow = GemmQuantization.of(config("int2", "channel:0"), config("int2", "channel:0"))
                .withArithmetic(MacSupplier.wrapping(3));
        assertThat(GemmOutputError.measure("l", ones, ones, wholeRow).sqnrDb())
                .isCloseTo(10 * Math.log10(16.0 / 64), within(1e-12));
        GemmQuantization grouped = GemmQuantization.of(config("int2", "channel:0"), config("int2", "group:2"))
                .withArithmetic(MacSupplier.wrapping(3));
        assertThat(GemmOutputError.measure("l", ones, ones, grouped).noiseEnergy()).isZero();
    }

    /** Exact integer MACs over any integer grid, so the MAC path must agree with the dequantized product. */
    static final MacSupplier EXACT_GRID = MacSupplier.of("exact-grid", f -> (acc, a, w) -> acc + a * w,
            f -> Operands.INTEGERS, f -> "");

    @Test
    void macByMacOverGridValuesAgreesWithTheDequantizedProductForEveryCodec() {
        // Integer grids of every codec the MAC path decodes specially (mixtures through their selectors, OliVe in
        // pairs, MX elements, odd groups): exact MACs over grid values, scaled per run, must give the same output
        // as the dequantized product, up to the float rounding of the dequantized values.
        Tensor x = new ActivationOutliers(0.02, 20, 0.75, 0.1, 1).sample("x", 6, 96, 3);
        Tensor w = SyntheticTensors.studentT("w", 10, 96, 5, 0.02, 4);
        String[][] cases = {{"int4", "channel:0"}, {"int4", "group:32"}, {"bitmod4", "group:32"}, {"ant4", "group:32"},
                {"olive4", "group:32"}, {"olive4", "channel:0"}, {"olive4", "group:3"}, {"ant4", "tensor"}};
        for (String[] c : cases) {
            GemmQuantization exact = GemmQuantization.of(config("int8", "channel:0"), config(c[0], c[1]));
            double dequantized = GemmOutputError.measure("l", x, w, exact).sqnrDb();
            double throughMacs = GemmOutputError.measure("l", x, w, exact.withArithmetic(EXACT_GRID)).sqnrDb();
            assertThat(throughMacs).as("%s:%s, dequantized %s dB", c[0], c[1], dequantized)
                    .isCloseTo(dequantized, within(0.01));
        }
    }

    @Test
    void mismatchedShapesNameBothShapes() {
        assertThatThrownBy(() -> GemmOutputError.measure("mlp.up", tensor("x", 2, new float[8]),
                tensor("w", 3, new float[9]), GemmQuantization.of(null, null)))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("activations x are [2, 4] and weights w are [3, 3]");
    }

    @Test
    void aMacUnitRefusesWhatItCannotRun() {
        assertThatThrownBy(() -> GemmQuantization.of(config("int8", "channel:0"), config("int4", "channel:1"))
                .withArithmetic(MacSupplier.wrapping(16)).withDecomposition(null))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> GemmQuantization.of(null, config("int4", "channel:0"))
                .withArithmetic(MacSupplier.wrapping(16)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("activations fp32");
        assertThatThrownBy(() -> new GemmQuantization(Optional.empty(), Optional.empty(),
                Optional.of(OutlierDecomposition.defaults()), MacSupplier.EXACT))
                .isInstanceOf(UserInputException.class).hasMessageContaining("with FP32 activations");
    }

    @Test
    void activationQuantizationMovesTheOutputErrorAndDecompositionRecoversW8A8() {
        // The claim of the issue: W4A4 is worse than W4A16 on LLM-like activations, and LLM.int8()'s decomposition
        // recovers most of what W8A8 loses to the outlier channels (what W8A8 scores without outliers).
        ActivationOutliers outliers = ActivationOutliers.defaults().withChannelFraction(0.01);
        Tensor x = outliers.sample("x", 16, 512, 1);
        Tensor w = SyntheticTensors.gaussian("w", 64, 512, 0.02, 2);
        double w4a16 = sqnr(x, w, GemmQuantization.of(config("fp16", "none"), config("int4", "group:128")));
        double w4a4 = sqnr(x, w, GemmQuantization.of(config("int4", "channel:0"), config("int4", "group:128")));
        assertThat(w4a4).as("W4A4 %s dB against W4A16 %s dB", w4a4, w4a16).isLessThan(w4a16 - 10);
        GemmQuantization w8a8 = GemmQuantization.of(config("int8", "channel:0"), config("int8", "channel:0"));
        double plain = sqnr(x, w, w8a8);
        double decomposed = sqnr(x, w, w8a8.withDecomposition(OutlierDecomposition.defaults()));
        double clean = sqnr(ActivationOutliers.none().sample("x", 16, 512, 1), w, w8a8);
        assertThat(decomposed - plain).as("plain %s, decomposed %s, without outliers %s", plain, decomposed, clean)
                .isGreaterThan(0.8 * (clean - plain));
    }

    static double sqnr(Tensor x, Tensor w, GemmQuantization q) {
        return GemmOutputError.measure("l", x, w, q).sqnrDb();
    }
}
