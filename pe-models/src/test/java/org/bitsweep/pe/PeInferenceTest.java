package org.bitsweep.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bitsweep.pe.bitmod.BitModPe;
import org.bitsweep.pe.fpmac.FpMacPe;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.pe.lmul.LMulPe;
import org.bitsweep.pe.olive.OlivePe;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.nn.Dense;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.nn.Network;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.nn.Shape;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;

/**
 * The shipped CNN run through PEs' own arithmetic ({@code PeModel.macSupplier()}). Where a PE's arithmetic is exact
 * its results must equal the paths that are known to be right; where it rounds, they must stay close to the
 * dequantized FP32 reference; and an approximate PE must actually change the numbers.
 */
class PeInferenceTest {
    static final LabelledImages IMAGES = FashionMnist.test().first(1000);
    static final Network CNN = FashionModels.shipped(FashionModels.CNN).network();

    static QuantConfig config(String format, String granularity) {
        return QuantConfig.of(Formats.parse(format), Granularity.parse(granularity));
    }

    static ReferenceInference prepare(InferenceConfig c) {
        return ReferenceInference.prepare(CNN, c, FashionMnist.calibration());
    }

    static float[] logits(ReferenceInference r, int image) {
        float[] x = new float[IMAGES.pixelsPerImage()];
        IMAGES.normalized(image, x);
        return r.logits(x);
    }

    @Test
    void anExactIntegerPeGivesTheExactIntegerPathsLogitsBitForBit() {
        // int-mac with a 32-bit accumulator cannot overflow on int8 × int8 over K <= 800 (800 · 127 · 128 < 2^31),
        // so its fixed-point operands (quantum 2^0) must reproduce the exact integer loops exactly.
        InferenceConfig exact = InferenceConfig.of(config("int8", "channel:0"), config("int8", "tensor"));
        ReferenceInference reference = prepare(exact);
        ReferenceInference pe = prepare(exact.withArithmetic(
                new IntMacPe(new PeParams(32, Overflow.WRAP)).macSupplier()));
        assertThat(pe.predict(IMAGES)).isEqualTo(reference.predict(IMAGES));
        for (int i = 0; i < 20; i++)
            assertThat(logits(pe, i)).isEqualTo(logits(reference, i));
    }

    @Test
    void aNarrowIntegerPeWrapsExactlyAsTheWrappingAccumulatorDoes() {
        // A 16-bit wrap-around accumulator: the PE and MacSupplier.wrapping(16) are two codings of one thing.
        InferenceConfig c = InferenceConfig.of(config("int8", "channel:0"), config("int8", "tensor"));
        ReferenceInference pe = prepare(c.withArithmetic(new IntMacPe(new PeParams(16, Overflow.WRAP)).macSupplier()));
        ReferenceInference wrap = prepare(c.withArithmetic(MacSupplier.wrapping(16)));
        for (int i = 0; i < 20; i++)
            assertThat(logits(pe, i)).isEqualTo(logits(wrap, i));
    }

    @Test
    void anFp8MacStaysWithTheDequantizedReferenceAndLMulChangesTheNumbers() {
        // fp-mac rounds only the fp32 sums (fp8 products are exact in fp32); the FP32 reference over dequantized
        // values rounds differently (scaled operands, another order), so the two agree closely, not bit for bit.
        InferenceConfig c = InferenceConfig.of(config("fp8-e4m3", "channel:0"), config("fp8-e4m3", "tensor"));
        int[] reference = prepare(c).predict(IMAGES);
        ReferenceInference fpMac = prepare(c.withArithmetic(new FpMacPe(new PeParams(32, Overflow.WRAP)).macSupplier()));
        assertThat(agreement(fpMac.predict(IMAGES), reference)).isGreaterThanOrEqualTo(0.99);
        // L-Mul replaces x_m·y_m by 2^-l(m): a different product in most MACs, so different logits.
        ReferenceInference lmul = prepare(c.withArithmetic(new LMulPe(new PeParams(32, Overflow.WRAP)).macSupplier()));
        assertThat(logits(lmul, 0)).isNotEqualTo(logits(fpMac, 0));
        assertThat(agreement(lmul.predict(IMAGES), reference)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void bitModsExactFixedPointDatapathStaysWithTheDequantizedReference() {
        // fp16 activations (a plain cast) and bitmod4 weights in groups of 128: the PE's partial sums are exact, so
        // only the float dequantization differs from the FP32 reference over dequantized values.
        InferenceConfig c = InferenceConfig.of(config("bitmod4", "group:128"), config("fp16", "none"));
        int[] reference = prepare(c).predict(IMAGES);
        ReferenceInference bitmod = prepare(c.withArithmetic(new BitModPe(new PeParams(48, Overflow.WRAP)).macSupplier()));
        assertThat(agreement(bitmod.predict(IMAGES), reference)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void oliVesPairsReachItsPeDecodedAsItsQuantizerStoredThem() {
        // olive4 weights in outlier-victim pairs through OliVe's exact integer MAC: per output channel (conv1's rows
        // of 25 end in a partnerless weight) and in groups of 16 (conv1's rows padded to 32, their last real weight's
        // partner cropped away). Exact sums, so only float rounding separates them from the FP32 reference.
        for (String granularity : List.of("channel:0", "group:16")) {
            InferenceConfig c = InferenceConfig.of(config("olive4", granularity), config("int8", "tensor"));
            int[] reference = prepare(c).predict(IMAGES);
            ReferenceInference olive = prepare(c.withArithmetic(
                    new OlivePe(new PeParams(32, Overflow.WRAP)).macSupplier()));
            assertThat(agreement(olive.predict(IMAGES), reference)).as(granularity).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void aPairThePeCannotRunIsRefusedWithWhatItRuns() {
        InferenceConfig c = InferenceConfig.of(config("bitmod4", "group:128"), config("fp16", "none"));
        assertThatThrownBy(() -> c.withArithmetic(new BitModPe(new PeParams(32, Overflow.WRAP)).macSupplier()))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("bitmod cannot run w:bitmod4 a:fp16: a product needs a 45-bit exact partial "
                        + "sum, more than the 32-bit accumulator")
                .hasMessageContaining("; it runs weights: int2..int16");
        InferenceConfig int8 = InferenceConfig.of(config("int8", "channel:0"), config("int8", "tensor"));
        assertThatThrownBy(() -> int8.withArithmetic(new LMulPe(new PeParams(32, Overflow.WRAP)).macSupplier()))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("lmul cannot run w:int8 a:int8: int8 is not a signed minifloat");
    }

    @Test
    void anFp16AccumulatorThatOverflowsCarriesInfinityAndNaNOnAsFloatHardwareWould() {
        // One input pair x = (1, 1) into a row w = (1, −1), then a 1 → 1 layer. fp8-e4m3 with per-tensor activation
        // and per-channel weight scales puts both at the grid's largest value, 448: the products 448 · 448 = 200,704
        // and −200,704 overflow fp16 (largest 65,504) to +∞ and −∞, and their sum is NaN. The second layer's input
        // is that NaN (plus the bias 0.5), which e4m3 carries as its NaN code, so the logit is NaN: no exception,
        // no silent zero.
        Network net = new Network("overflow", new Shape(1, 1, 2), List.of(new Dense("fc1", 2, 1),
                new Dense("fc2", 1, 1)));
        net.setParameters(0, new float[] {1, -1}, new float[] {0.5f});
        net.setParameters(1, new float[] {1}, new float[] {0});
        LabelledImages ones = new LabelledImages("ones", 1, 1, 2, new byte[] {(byte) 255, (byte) 255}, new byte[] {0},
                1);
        InferenceConfig c = InferenceConfig.of(config("fp8-e4m3", "channel:0"), config("fp8-e4m3", "tensor"));
        float[] fp16 = ReferenceInference.prepare(net, c.withArithmetic(
                new FpMacPe(new PeParams(16, Overflow.WRAP)).macSupplier()), ones).logits(new float[] {1, 1});
        assertThat(fp16[0]).isNaN();
        // An fp32 accumulator holds ±200,704 exactly and sums them to 0; the bias passes through fc2 (up to the
        // fp16 rounding of its scales).
        float[] fp32 = ReferenceInference.prepare(net, c.withArithmetic(
                new FpMacPe(new PeParams(32, Overflow.WRAP)).macSupplier()), ones).logits(new float[] {1, 1});
        assertThat(fp32[0]).isCloseTo(0.5f, org.assertj.core.api.Assertions.within(1e-3f));
        // fp16 weights (grid up to 65,504) times fp6-e3m2 activations (up to 28) overflow fp16 the same way, but
        // e3m2 has no NaN to carry into fc2: the image's logits are NaN, and nothing stops the run.
        InferenceConfig noNaN = InferenceConfig.of(config("fp16", "channel:0"), config("fp6-e3m2", "tensor"));
        float[] nan = ReferenceInference.prepare(net, noNaN.withArithmetic(
                new FpMacPe(new PeParams(16, Overflow.WRAP)).macSupplier()), ones).logits(new float[] {1, 1});
        assertThat(nan[0]).isNaN();
    }

    static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++)
            if (a[i] == b[i])
                same++;
        return same / (double) a.length;
    }
}
