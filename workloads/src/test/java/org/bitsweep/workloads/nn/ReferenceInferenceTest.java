package org.bitsweep.workloads.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;

class ReferenceInferenceTest {
    static final QuantConfig INT8_TENSOR = QuantConfig.of(IntFormat.signed(8), Granularity.TENSOR);

    /**
     * A 2×2 image into 2 outputs. Pixels 255, 0, 255, 255 are x = 1, 0, 1, 1. Weights are multiples of 1/64 with
     * largest magnitude 127/64, so the int8 per-tensor weight scale is (127/64)/127 = 1/64 exactly and the codes are
     * 64·w: row 0 = 1, 2, −3, 127; row 1 = −127, 0, 5, 64.
     */
    static Network handMade() {
        Network net = new Network("hand", new Shape(1, 2, 2), List.of(new Dense("fc", 4, 2)));
        float[] w = {1, 2, -3, 127, -127, 0, 5, 64};
        for (int i = 0; i < w.length; i++)
            w[i] /= 64;
        net.setParameters(0, w, new float[] {0.5f, -0.25f});
        return net;
    }

    static final LabelledImages IMAGE = new LabelledImages("hand", 1, 2, 2, new byte[] {(byte) 255, 0, (byte) 255,
            (byte) 255}, new byte[] {0}, 2);

    // The activation scale: max |x| = 1 over the calibration image, 1/127 = 2^−7 · 1.00787…, which FP16 (10
    // mantissa bits) stores as 2^−7 · 1032/1024 = 1032·2^−17. Then x = 1 → round(131072/1032) = round(127.008) = 127.
    static final double ACTIVATION_SCALE = 1032 * 0x1p-17;
    // One unit of acc·s_w·s_a: (1/64)·1032·2^−17 = 1032·2^−23.
    static final double UNIT = 1032 * 0x1p-23;

    private static float[] logits(InferenceConfig c) {
        ReferenceInference r = ReferenceInference.prepare(handMade(), c, IMAGE);
        assertThat(r.layers().get(0).activationScale()).isEqualTo(ACTIVATION_SCALE);
        return r.logits(new float[] {1, 0, 1, 1});
    }

    @Test
    void integerInferenceSumsTheCodesThenScalesAsDerivedByHand() {
        // acc0 = 127·(1 + 0·2 − 3 + 127) = 127·125 = 15875, acc1 = 127·(−127 + 5 + 64) = 127·(−58) = −7366.
        // y0 = 15875·1032·2^−23 + 0.5 = 16,383,000·2^−23 + 4,194,304·2^−23 = 20,577,304·2^−23 (a float: it is even)
        // y1 = −7,601,712·2^−23 − 2,097,152·2^−23 = −9,698,864·2^−23
        InferenceConfig c = InferenceConfig.of(INT8_TENSOR, INT8_TENSOR);
        assertThat(c.integerDotProducts()).isTrue();
        assertThat(logits(c)).containsExactly((float) (20_577_304 * 0x1p-23), (float) (-9_698_864 * 0x1p-23));
    }

    @Test
    void integerInferenceEqualsTheFloatReferenceOverDequantizedValues() {
        // Σ x̂·ŵ + b with x̂ = 127·s_a and ŵ = code/64: every product and partial sum here is exact in float.
        float[] integer = logits(InferenceConfig.of(INT8_TENSOR, INT8_TENSOR));
        float x = (float) (127 * ACTIVATION_SCALE);
        float[] w = handMade().weight(0).data();
        float y0 = x * w[0] + x * w[2] + x * w[3] + 0.5f;
        float y1 = x * w[4] + x * w[6] + x * w[7] - 0.25f;
        assertThat(integer).containsExactly(y0, y1);
    }

    @Test
    void aNarrowAccumulatorWrapsOrSaturatesAsTheHardwareWould() {
        // 12-bit wrap: 15875 = 3·4096 + 3587 → 3587 − 4096 = −509; −7366 + 2·4096 = 826.
        assertThat(logits(InferenceConfig.of(INT8_TENSOR, INT8_TENSOR).withArithmetic(MacSupplier.wrapping(12))))
                .containsExactly((float) (-509 * UNIT + 0.5), (float) (826 * UNIT - 0.25));
        // 12-bit saturation, MAC by MAC: row 0: 127, 127, −254, −254 + 16129 → 2047.
        // Row 1: −16129 → −2048, −2048, −2048 + 635 = −1413, −1413 + 8128 → 2047. Order matters: exact is −7366.
        assertThat(logits(InferenceConfig.of(INT8_TENSOR, INT8_TENSOR).withArithmetic(MacSupplier.saturating(12))))
                .containsExactly((float) (2047 * UNIT + 0.5), (float) (2047 * UNIT - 0.25));
    }

    @Test
    void aGroupThatDoesNotDivideKIsPaddedWithZeros() {
        // K = 4 in groups of 3: groups [0, 3) and [3, 4), two FP16 scales per row of 4: 8 + 2·16/4 = 16 bits.
        QuantConfig group3 = QuantConfig.of(IntFormat.signed(8), Granularity.group(3));
        ReferenceInference r = ReferenceInference.prepare(handMade(), InferenceConfig.of(group3, INT8_TENSOR), IMAGE);
        assertThat(r.weightBitsPerElement()).isEqualTo(16.0);
        float[] w = ReferenceInference.quantizeWeights(handMade().weight(0), group3).values();
        // Row 0's second group holds 127/64 alone: its own scale makes it exact.
        assertThat(w[3]).isEqualTo(127 / 64f);
        double x = 127 * ACTIVATION_SCALE;
        float[] y = r.logits(new float[] {1, 0, 1, 1});
        assertThat(y[0]).isCloseTo((float) (x * (w[0] + w[2] + w[3]) + 0.5), within(1e-6f));
        assertThat(y[1]).isCloseTo((float) (x * (w[4] + w[6] + w[7]) - 0.25), within(1e-6f));
    }

    @Test
    void fp32ConfigurationIsTheNetworkAsTrained() {
        Network net = handMade();
        float[] y = ReferenceInference.fp32(net).logits(new float[] {1, 0, 1, 1});
        // 1/64 + 0 − 3/64 + 127/64 + 0.5 = 125/64 + 1/2; −127/64 + 5/64 + 64/64 − 1/4 = −58/64 − 1/4
        assertThat(y).containsExactly(125 / 64f + 0.5f, -58 / 64f - 0.25f);
        assertThat(ReferenceInference.fp32(net).weightBitsPerElement()).isEqualTo(32.0);
    }

    @Test
    void configurationsThatCannotRunAreUserErrors() {
        QuantConfig fp8 = QuantConfig.of(Formats.parse("fp8-e4m3"), Granularity.TENSOR);
        assertThatThrownBy(() -> InferenceConfig.of(fp8, INT8_TENSOR).withArithmetic(MacSupplier.wrapping(16)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("arithmetic wrap:16 runs on integer codes: it needs integer weights (symmetric, one scale "
                        + "per tensor, channel:0 or group) and integer activations; got weights fp8-e4m3 tensor, "
                        + "activations int8 tensor");
        assertThatThrownBy(() -> InferenceConfig.of(null, QuantConfig.of(IntFormat.signed(8), Granularity.group(32))))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("activations: granularity group:32;");
        assertThatThrownBy(() -> InferenceConfig.of(null, QuantConfig.of(Formats.parse("mxfp4"), Granularity.group(32))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("mxfp4 shares scales");
    }
}
