package org.bitsweep.workloads.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
                .hasMessage("arithmetic wrap:16 runs on integer codes: it needs integer weights and activations, got "
                        + "w:fp8-e4m3 a:int8; other formats run through a PE's own arithmetic (bitsweep accuracy --pe)");
        assertThatThrownBy(() -> InferenceConfig.of(INT8_TENSOR, null).withArithmetic(MacSupplier.wrapping(16)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("arithmetic wrap:16: dot products through a MAC need quantized weights and activations; "
                        + "got weights int8 tensor, activations fp32");
        QuantConfig asymmetric = QuantConfig.of(IntFormat.unsigned(8), Granularity.channel(0)).withAsymmetric(true);
        assertThatThrownBy(() -> InferenceConfig.of(asymmetric, INT8_TENSOR).withArithmetic(MacSupplier.wrapping(16)))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("a MAC takes symmetric weights");
        assertThatThrownBy(() -> InferenceConfig.of(null, QuantConfig.of(IntFormat.signed(8), Granularity.group(32))))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("activations: granularity group:32;");
        assertThatThrownBy(() -> InferenceConfig.of(null, QuantConfig.of(Formats.parse("mxfp4"), Granularity.group(32))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("mxfp4 shares scales");
    }

    /**
     * An exact test arithmetic on fixed-point operands: activations in units of 2^−3, weights in units of 2^−2, so
     * the accumulator is in units of 2^−5. Any format whose values are multiples of those runs on it.
     */
    static final Operands FIXED_POINT_OPERANDS = new Operands() {
        @Override
        public long activation(double value) {
            return exactly(value * 8);
        }

        @Override
        public long weight(double value) {
            return exactly(value * 4);
        }

        @Override
        public long zeroAccumulator() {
            return 0;
        }

        @Override
        public double accumulatorValue(long acc) {
            return acc / 32.0;
        }

        @Override
        public String description() {
            return "fixed point, test";
        }
    };

    static final MacSupplier FIXED_POINT = MacSupplier.of("fixed", f -> (acc, a, w) -> acc + a * w,
            f -> FIXED_POINT_OPERANDS, f -> "");

    private static long exactly(double scaled) {
        assertThat(scaled).isEqualTo(Math.rint(scaled));
        return (long) scaled;
    }

    @Test
    void aSuppliedArithmeticRunsOnItsOwnOperandsAndItsAccumulatorIsReadBack() {
        // The same codes as the integer test, each entering as 8·a and 4·w, the accumulator read as acc/32: the
        // exact sums 15875 and −7366 come back, so the logits are the hand-derived ones bit for bit.
        InferenceConfig c = InferenceConfig.of(INT8_TENSOR, INT8_TENSOR).withArithmetic(FIXED_POINT);
        assertThat(c.suppliedArithmetic()).isTrue();
        assertThat(logits(c)).containsExactly((float) (20_577_304 * 0x1p-23), (float) (-9_698_864 * 0x1p-23));
    }

    /** Records every weight value a MAC is handed, through {@link #FIXED_POINT}'s operands. */
    static MacSupplier recording(List<Double> seen) {
        Operands recordingOperands = new Operands() {
            @Override
            public long activation(double value) {
                return FIXED_POINT_OPERANDS.activation(value);
            }

            @Override
            public long weight(double value) {
                seen.add(value);
                return FIXED_POINT_OPERANDS.weight(value);
            }

            @Override
            public long zeroAccumulator() {
                return 0;
            }

            @Override
            public double accumulatorValue(long acc) {
                return 0;
            }

            @Override
            public String description() {
                return "recording";
            }
        };
        return MacSupplier.of("recording", f -> (acc, a, w) -> acc, f -> recordingOperands, f -> "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"group:4", "channel:0", "tensor"})
    void aMixtureReachesTheArithmeticAsItsGroupsChosenTypeDecodesIt(String granularity) {
        // bitmod4 picks one of its candidate types per scale group (here 2 rows × 2 groups of 4, 2 rows, or the whole
        // tensor); the values a MAC sees, times their group's scale, must be the dequantized weights exactly,
        // whichever candidate each group chose. The weights are chosen so that the group:4 groups do not all choose
        // the same type: a mix-up of groups then shows.
        Network net = new Network("mix", new Shape(1, 1, 8), List.of(new Dense("fc", 8, 2)));
        float[] w = {0.1f, -0.9f, 0.35f, 0.6f, 1, 0.02f, -0.03f, 0.5f, -0.7f, 0.2f, 0.8f, -0.05f, 0.3f, 0.3f, 0.9f, -1};
        net.setParameters(0, w, new float[] {0, 0});
        QuantConfig bitmod = QuantConfig.of(Formats.parse("bitmod4"), Granularity.parse(granularity));
        List<Double> seen = new java.util.ArrayList<>();
        LabelledImages ones = new LabelledImages("ones", 1, 1, 8, new byte[] {(byte) 255, (byte) 255, (byte) 255,
                (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 255}, new byte[] {0}, 2);
        ReferenceInference.prepare(net, InferenceConfig.of(bitmod, INT8_TENSOR).withArithmetic(recording(seen)), ones);
        QuantizedTensor q = ReferenceInference.quantizeWeights(net.weight(0), bitmod);
        if (granularity.equals("group:4"))
            assertThat(java.util.Arrays.stream(q.selectors()).distinct().count()).isGreaterThan(1);
        int perScale = granularity.equals("group:4") ? 4 : granularity.equals("channel:0") ? 8 : 16;
        assertThat(seen).hasSize(16);
        for (int j = 0; j < 16; j++)
            assertThat((float) (seen.get(j) * q.scales()[j / perScale])).as("weight %d", j).isEqualTo(q.values()[j]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel:0", "group:16", "group:5", "tensor"})
    void oliVePairsReachTheArithmeticAsTheQuantizerStoredThem(String granularity) {
        // Rows of 25 (3 rows), so pairs meet every kind of edge: with channel:0 each row's last weight has no
        // partner; with group:5 every group is odd; with group:16 each row's second group is padded with 7 zeros and
        // its last real weight, large against its group, becomes an outlier whose victim, a padding zero, is cropped
        // away; with tensor the pairs run on across rows (weight 24 pairs with 25, the first of row 1). Large weights
        // mid-row make outliers with partners. The values a MAC is handed, times their scale, must be the dequantized
        // weights exactly.
        Network net = new Network("olive", new Shape(1, 1, 25), List.of(new Dense("fc", 25, 3)));
        float[] w = new float[75];
        for (int j = 0; j < w.length; j++)
            w[j] = (float) (0.01 * ((j * 7) % 11 - 5));
        if (granularity.equals("tensor")) {
            w[25] = 4;                  // one value far out of 75: an outlier, its victim weight 24 across the row end
        } else {
            w[2] = 4;
            w[10] = -3;
            w[37] = -3;
            w[60] = 3.5f;
        }
        if (granularity.equals("group:16")) {
            w[24] = 3;
            w[49] = -2.5f;
        }
        net.setParameters(0, w, new float[] {0, 0, 0});
        QuantConfig olive = QuantConfig.of(Formats.parse("olive4"), Granularity.parse(granularity));
        List<Double> seen = new java.util.ArrayList<>();
        byte[] pixels = new byte[25];
        java.util.Arrays.fill(pixels, (byte) 255);
        LabelledImages ones = new LabelledImages("ones", 1, 1, 25, pixels, new byte[] {0}, 2);
        ReferenceInference.prepare(net, InferenceConfig.of(olive, INT8_TENSOR).withArithmetic(recording(seen)), ones);
        QuantizedTensor q = ReferenceInference.quantizeWeights(net.weight(0), olive);
        // Outliers did happen (each leaves a victim code beside it), except in groups of 5, too small for one.
        if (!granularity.equals("group:5"))
            assertThat(java.util.Arrays.stream(q.codes()).filter(c -> c == OliveFormat.VICTIM_CODE).count())
                    .isPositive();
        if (granularity.equals("tensor"))
            assertThat(q.codes()[24]).isEqualTo(OliveFormat.VICTIM_CODE);
        int groupSize = granularity.startsWith("group:") ? Integer.parseInt(granularity.substring(6)) : 25;
        int groupsPerRow = (25 + groupSize - 1) / groupSize;
        assertThat(seen).hasSize(75);
        for (int j = 0; j < 75; j++) {
            int scale = granularity.equals("tensor") ? 0 : j / 25 * groupsPerRow + j % 25 / groupSize;
            assertThat((float) (seen.get(j) * q.scales()[scale])).as("weight %d", j).isEqualTo(q.values()[j]);
        }
    }

    @Test
    void anArithmeticRefusingAPairIsAUserErrorWithItsOwnWords() {
        MacSupplier refusing = MacSupplier.of("pe-x", f -> (acc, a, w) -> acc, f -> Operands.INTEGERS,
                f -> "pe-x cannot run " + f + ": it runs int4 weights only");
        assertThatThrownBy(() -> InferenceConfig.of(INT8_TENSOR, INT8_TENSOR).withArithmetic(refusing))
                .isInstanceOf(UserInputException.class)
                .hasMessage("pe-x cannot run w:int8 a:int8: it runs int4 weights only");
    }
}
