package org.bitsweep.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Each quantization scheme on small tensors whose results are derived by hand. */
class SchemesTest {

    static QuantizedTensor quantize(String format, String granularity, float... values) {
        Tensor t = new Tensor("t", 1, values.length, values);
        return new Quantizer(QuantConfig.of(Formats.parse(format), Granularity.parse(granularity))).quantize(t);
    }

    static float[] pad(int n, float... head) {
        return Arrays.copyOf(head, n);
    }

    @Test
    void mxfp4SharesOnePowerOfTwoScalePerBlockOf32() {
        // absmax 48: ⌊log2 48⌋ = 5, emax(E2M1) = 2, so X = 2^3 = 8. 48/8 = 6 (the E2M1 max); 20/8 = 2.5 → 2
        // (tie to the even code 0b0100); 1/8 = 0.125 → 0; -11/8 = -1.375 → -1.5. Second block all zero: X = 2^-127.
        float[] x = new float[64];
        x[0] = 48;
        x[1] = 20;
        x[2] = 1;
        x[3] = -11;
        QuantizedTensor q = quantize("mxfp4", "group:32", x);
        assertThat(q.scales()).containsExactly(8, 0x1p-127);
        assertThat(Arrays.copyOf(q.values(), 4)).containsExactly(48, 16, 0, -12);
        // 4 element bits + 8 scale bits per 32 elements.
        assertThat(q.bitsPerElement()).isEqualTo(4.25);
    }

    @Test
    void mxint8ElementsAreSixtyFourthsClampedTo127Over64() {
        // absmax 1.0: X = 2^(0 − 0) = 1. 0.3 · 64 = 19.2 → 19/64; -1.0 → -64/64; 0.5078125 = 32.5/64 → 32/64 (even).
        MxFormat mxint8 = (MxFormat) Formats.parse("mxint8");
        assertThat(mxint8.element().decode(0x80)).isEqualTo(-2.0);
        assertThat(mxint8.maxValue()).isEqualTo(127.0 / 64);
        QuantizedTensor q = quantize("mxint8", "group:32", pad(32, 1f, 0.3f, -1f, 0.5078125f));
        assertThat(Arrays.copyOf(q.values(), 4)).containsExactly(1f, 19f / 64, -1f, 0.5f);
        // A block max of 1.999: X = 1, and the element clamps at 127/64, never the code for -2.
        assertThat(quantize("mxint8", "group:32", pad(32, -1.999f)).values()[0]).isEqualTo(-127f / 64);
    }

    @Test
    void mxFormatsInsistOnTheirBlock() {
        assertThatThrownBy(() -> quantize("mxfp4", "group:64", new float[64])).isInstanceOf(UserInputException.class)
                .hasMessageContaining("use granularity group:32");
    }

    @Test
    void bitmodPicksTheVariantWithTheLeastErrorAndCountsItsSelector() {
        // With absmax 12 the FP4-ER variants have scale 1: {12, 10} is exact in ER-pos (candidate 0), {12, -10} in
        // ER-neg (candidate 1). With absmax 16, EA-pos's scale is 1 and {16, 3} is exact there (candidate 2).
        QuantizedTensor q = quantize("bitmod4", "group:4", 12, 10, 3, 0, 12, -10, 3, 0, 16, 3, 0, 0);
        assertThat(q.selectors()).containsExactly(0, 1, 2);
        assertThat(q.values()).containsExactly(12, 10, 3, 0, 12, -10, 3, 0, 16, 3, 0, 0);
        // 4 bits + (16-bit scale + 2-bit selector) per group of 4.
        assertThat(q.bitsPerElement()).isEqualTo(4 + 18.0 / 4);
    }

    @Test
    void asymmetricIntegersUseAZeroPoint() {
        // Range [-1, 2] (contains 0) onto uint2 codes 0..3: scale 3/3 = 1, zero point round(1/1) = 1.
        // -1 → code 0, 0 → 1, 0.4 → round(0.4) + 1 = 1 → 0, 2 → 3.
        QuantConfig c = QuantConfig.of(IntFormat.signed(2), Granularity.TENSOR).withAsymmetric(true);
        QuantizedTensor q = new Quantizer(c).quantize(new Tensor("t", 1, 4, new float[] {-1, 0, 0.4f, 2}));
        assertThat(q.codes()).containsExactly(0, 1, 1, 3);
        assertThat(q.values()).containsExactly(-1, 0, 0, 2);
        assertThat(q.zeroPoints()).containsExactly(1);
        assertThatThrownBy(() -> QuantConfig.of(Formats.parse("nf4"), Granularity.TENSOR).withAsymmetric(true))
                .isInstanceOf(UserInputException.class).hasMessageContaining("needs an integer format");
    }

    @Test
    void ternaryUsesTheMeanMagnitudeAsScale() {
        // mean|w| = (0.2 + 0.9 + 0.4 + 0.5) / 4 = 0.5: w/0.5 = 0.4, -1.8, 0.8, -1 → 0, -1, 1, -1 (RoundClip).
        QuantizedTensor q = quantize("ternary", "tensor", 0.2f, -0.9f, 0.4f, -0.5f);
        assertThat(q.scales()).containsExactly(0.5);
        assertThat(q.values()).containsExactly(0, -0.5f, 0.5f, -0.5f);
        // Binary: sign × mean|w|; 0 goes to −1 as BitNet's Sign does (x ≤ 0 → −1).
        assertThat(quantize("binary", "tensor", 0.2f, -0.9f, 0.4f, 0f).values()).containsExactly(0.375f, -0.375f,
                0.375f, -0.375f);
    }

    @Test
    void perColumnChannelsScaleEachColumnOnItsOwn() {
        // Columns {1, -4} and {8, 2}: int4 scales 4/7 and 8/7 (as FP16); each column's max maps to ±7.
        Tensor t = new Tensor("t", 2, 2, new float[] {1, 8, -4, 2});
        QuantizedTensor q = new Quantizer(IntFormat.signed(4), Granularity.channel(1)).quantize(t);
        assertThat(q.scales()).hasSize(2);
        assertThat(IntFormat.signed(4).decodeInt(q.codes()[2])).isEqualTo(-7);
        assertThat(IntFormat.signed(4).decodeInt(q.codes()[1])).isEqualTo(7);
        assertThat(q.values()[1]).isCloseTo(8f, within(0.01f));
    }

    @Test
    void castsConvertWithoutAScale() {
        QuantConfig c = QuantConfig.of(Formats.parse("fp8-e4m3"), Granularity.NONE)
                .withOverflow(org.bitsweep.workloads.format.CastOverflow.NAN);
        QuantizedTensor q = new Quantizer(c).quantize(new Tensor("t", 1, 3, new float[] {0.3f, 464, 600}));
        // 0.3 lies between 0.28125 (0x1.2p-2) and 0.3125: nearer 0.3125 − 0.3 = 0.0125 vs 0.01875 → 0.3125.
        assertThat(q.values()[0]).isEqualTo(0.3125f);
        assertThat(q.values()[1]).isEqualTo(448f);
        assertThat(q.values()[2]).isNaN();
        assertThat(q.bitsPerElement()).isEqualTo(8);
    }

    @Test
    void stochasticRoundingIsUnbiasedAndRepeatable() {
        // 0.3 with int4 at scale 1 (absmax 7 in the group): up to 1 with probability 0.3.
        float[] x = new float[4096];
        Arrays.fill(x, 0.3f);
        x[0] = 7;
        QuantConfig c = QuantConfig.of(IntFormat.signed(4), Granularity.TENSOR).withRounding(Rounding.STOCHASTIC, 9);
        QuantizedTensor a = new Quantizer(c).quantize(new Tensor("t", 1, x.length, x));
        QuantizedTensor b = new Quantizer(c).quantize(new Tensor("t", 1, x.length, x));
        assertThat(a.values()).containsExactly(b.values());
        double mean = 0;
        for (int i = 1; i < x.length; i++)
            mean += a.values()[i];
        // 4095 Bernoulli(0.3) draws: standard error sqrt(0.21/4095) = 0.0072; allow 4 of them.
        assertThat(mean / (x.length - 1)).isCloseTo(0.3, within(0.03));
    }

    @Test
    void percentileClippingSaturatesTheTail() {
        // 100 values 1..100; the 90th percentile of |x| is 90, so int8's 127 maps to 90 and 91..100 saturate at 90.
        float[] x = new float[100];
        for (int i = 0; i < 100; i++)
            x[i] = i + 1;
        QuantConfig c = QuantConfig.of(IntFormat.signed(8), Granularity.TENSOR)
                .withCalibration(new Calibration.Percentile(90));
        QuantizedTensor q = new Quantizer(c).quantize(new Tensor("t", 1, 100, x));
        assertThat(q.values()[99]).isCloseTo(90f, within(0.05f));
    }

    @Test
    void olivePrunesTheVictimBesideEachOutlierAndItsCodesDecodeInPairs() {
        OliveFormat olive = (OliveFormat) Formats.parse("olive4");
        Tensor t = SyntheticTensors.gaussian("w", 1, 256, 1.0, 5);
        float[] x = t.data();
        x[10] = 40;   // far beyond 3σ: an outlier; element 11 becomes its victim
        x[21] = -30;  // the second of its pair: element 20 is the victim
        QuantizedTensor q = new Quantizer(olive, Granularity.TENSOR).quantize(new Tensor("w", 1, 256, x));
        assertThat(q.values()[11]).isZero();
        assertThat(q.values()[20]).isZero();
        assertThat(q.codes()[11]).isEqualTo(OliveCodec.VICTIM);
        assertThat(Math.abs(q.values()[10] - 40)).isLessThan(Math.abs(q.values()[10] - 0));
        double scale = q.scales()[0];
        for (int i = 0; i < 256; i += 2) {
            double[] pair = olive.decodePair(q.selectors()[0], q.codes()[i], q.codes()[i + 1]);
            assertThat((float) (pair[0] * scale)).isEqualTo(q.values()[i]);
            assertThat((float) (pair[1] * scale)).isEqualTo(q.values()[i + 1]);
        }
        assertThat(q.bitsPerElement()).isEqualTo(4 + 17.0 / 256);
    }

    @Test
    void aLoneLastElementOfAnOddGroupIsNeverAnOutlier() {
        // Rows of 33 with one scale each: elements 0..31 pair up, element 32 has no partner to be its victim. Made
        // far larger than the rest (beyond the normal range at the 3σ scale), it must still be coded as a normal
        // value, so that its code alone, read with a normal partner, gives back the stored value.
        OliveFormat olive = (OliveFormat) Formats.parse("olive4");
        Tensor t = SyntheticTensors.gaussian("w", 2, 33, 0.1, 3);
        float[] x = t.data();
        x[32] = 50;
        x[65] = -40;
        QuantizedTensor q = new Quantizer(olive, Granularity.channel(0)).quantize(new Tensor("w", 2, 33, x));
        for (int row = 0; row < 2; row++) {
            int last = row * 33 + 32;
            assertThat(q.codes()[last]).isNotEqualTo(OliveCodec.VICTIM);
            double value = olive.decodePair(q.selectors()[row], q.codes()[last], 0)[0];
            assertThat((float) (value * q.scales()[row])).isEqualTo(q.values()[last]);
            assertThat(q.values()[last]).isNotZero();
        }
    }

    @Test
    void effectiveBitsCountScalesZeroPointsAndSelectors() {
        NumberFormat int4 = IntFormat.signed(4);
        assertThat(new Quantizer(int4, Granularity.group(128)).bitsPerElement(128)).isEqualTo(4.125);
        assertThat(new Quantizer(QuantConfig.of(int4, Granularity.group(128)).withAsymmetric(true)).bitsPerElement(128))
                .isEqualTo(4 + 20.0 / 128);
        assertThat(new Quantizer(Formats.parse("bitmod3"), Granularity.group(128)).bitsPerElement(128))
                .isEqualTo(3 + 18.0 / 128);
        assertThat(new Quantizer(Formats.parse("mxfp6-e2m3"), Granularity.group(32)).bitsPerElement(32))
                .isEqualTo(6.25);
    }
}
