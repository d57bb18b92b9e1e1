package org.bitsweep.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.tensor.TensorMetrics;
import org.junit.jupiter.api.Test;

class QuantizerTest {

    @Test
    void perGroupScalesMapEachGroupsAbsmaxToTheLargestCode() {
        // int4: qmax = 7. Group 0 = {7, 3.5, -2.5, 0.5}: absmax 7, scale 1; 3.5 → 4 and -2.5 → -2 (half to even),
        // 0.5 → 0. Group 1 = {1.75, 0.875, -0.375, 0}: absmax 1.75, scale 0.25; 0.875/0.25 = 3.5 → 4,
        // -0.375/0.25 = -1.5 → -2. (All values are exact binary fractions, so float rounding plays no part.)
        Tensor t = new Tensor("t", 1, 8, new float[] {7f, 3.5f, -2.5f, 0.5f, 1.75f, 0.875f, -0.375f, 0f});
        QuantizedTensor q = new Quantizer(IntFormat.signed(4), Granularity.group(4)).quantize(t);
        IntFormat int4 = IntFormat.signed(4);
        long[] values = new long[8];
        for (int i = 0; i < 8; i++)
            values[i] = int4.decodeInt(q.codes()[i]);
        assertThat(values).containsExactly(7, 4, -2, 0, 7, 4, -2, 0);
        assertThat(q.scales()).containsExactly(1f, 0.25f);
        // Each group of 4 stores one FP16 scale: 4 + 16/4 = 8 bits per element.
        assertThat(q.bitsPerElement()).isEqualTo(4 + 16.0 / 4);
    }

    @Test
    void perTensorUsesOneScale() {
        // absmax 6 over the whole tensor, int8 qmax 127: scale 6/127; 3 → 63.5 → 64 (half to even), -6 → -127.
        Tensor t = new Tensor("t", 2, 2, new float[] {3f, -6f, 0f, 1.5f});
        QuantizedTensor q = new Quantizer(IntFormat.signed(8), Granularity.TENSOR).quantize(t);
        assertThat(q.scales()).hasSize(1);
        assertThat(IntFormat.signed(8).decodeInt(q.codes()[0])).isEqualTo(64);
        assertThat(IntFormat.signed(8).decodeInt(q.codes()[1])).isEqualTo(-127);
    }

    @Test
    void errorFallsWithEveryExtraBitOnTheSameTensor() {
        // Up to 10 bits: beyond, the FP16 scale's own rounding (2^-11 relative) clips the group maximum by more
        // than an integer step is worth, and the error stops falling.
        Tensor w = SyntheticTensors.gaussian("w", 64, 512, 0.02, 7);
        for (Granularity g : new Granularity[] {Granularity.TENSOR, Granularity.group(128)}) {
            double previous = Double.POSITIVE_INFINITY;
            for (int bits = 2; bits <= 10; bits++) {
                QuantizedTensor q = new Quantizer(IntFormat.signed(bits), g).quantize(w);
                double mse = TensorMetrics.mse(w, q.dequantize());
                assertThat(mse).as("%s int%d", g, bits).isLessThan(previous);
                previous = mse;
            }
        }
    }

    @Test
    void eachExtraBitGainsAboutSixDecibels() {
        // Uniform quantization noise falls 4× per bit, 10·log10(4) = 6.02 dB, once the grid is fine enough.
        Tensor w = SyntheticTensors.gaussian("w", 64, 512, 0.02, 7);
        Quantizer int6 = new Quantizer(IntFormat.signed(6), Granularity.group(128));
        Quantizer int7 = new Quantizer(IntFormat.signed(7), Granularity.group(128));
        double gain = TensorMetrics.sqnrDb(w, int7.quantize(w).dequantize())
                - TensorMetrics.sqnrDb(w, int6.quantize(w).dequantize());
        assertThat(gain).isBetween(5.5, 6.5);
    }

    @Test
    void groupsThatDoNotDivideTheRowAreAUserError() {
        Tensor w = SyntheticTensors.gaussian("w", 2, 96, 1, 1);
        assertThatThrownBy(() -> new Quantizer(IntFormat.signed(4), Granularity.group(64)).quantize(w))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("group size 64 does not divide the row length 96");
    }

    @Test
    void granularityParsesWhatItPrints() {
        assertThat(Granularity.parse("tensor")).isEqualTo(Granularity.TENSOR);
        assertThat(Granularity.parse("group:128")).isEqualTo(Granularity.group(128));
        assertThat(Granularity.parse(Granularity.group(32).toString())).isEqualTo(Granularity.group(32));
        assertThatThrownBy(() -> Granularity.parse("group:x")).isInstanceOf(UserInputException.class);
    }
}
