package org.bitsweep.workloads.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.CodeStatistics;
import org.junit.jupiter.api.Test;

/** What {@link ReferenceInference#activationStatistics} counts: every activation a MAC reads, in its code. */
class ActivationStatisticsTest {
    static final IntFormat UINT8 = IntFormat.unsigned(8);

    /** One 28×28 image, every pixel 255: x = 1 everywhere. */
    static final LabelledImages WHITE = new LabelledImages("white", 1, 28, 28, filled((byte) 255), new byte[] {0}, 10);

    private static byte[] filled(byte b) {
        byte[] p = new byte[28 * 28];
        Arrays.fill(p, b);
        return p;
    }

    @Test
    void aConvolutionCountsEveryLoweredEntryPaddingIncluded() {
        // A 3×3 convolution, padding 1, on a white 28×28 image: im2col has 9 · 784 = 7056 entries. An offset (ky, kx)
        // reads inside the image for 27 output rows when ky is 0 or 2 and 28 when ky = 1, and the same for columns,
        // so (27 + 28 + 27)² = 82² = 6724 entries are pixels and 7056 − 6724 = 332 are padding. uint8 calibrated on
        // the image puts x = 1 at the top of the grid, 255; the padding is 0.
        Network net = new Network("conv", new Shape(1, 28, 28), List.of(new Conv2d("c", 1, 1, 3, 1)));
        InferenceConfig config = InferenceConfig.of(QuantConfig.of(IntFormat.signed(8), Granularity.TENSOR),
                QuantConfig.of(UINT8, Granularity.TENSOR));
        Map<String, CodeStatistics> s = ReferenceInference.prepare(net, config, WHITE).activationStatistics(WHITE);
        CodeStatistics c = s.get("c");
        assertThat(c.format()).isEqualTo(UINT8);
        assertThat(c.count()).isEqualTo(7056);
        assertThat(c.histogram()[UINT8.encodeInt(255)]).isEqualTo(6724);
        assertThat(c.histogram()[UINT8.encodeInt(0)]).isEqualTo(332);
        // 255 = 0b11111111 has eight one-bits: the mean over the stream is 8 · 6724 / 7056.
        assertThat(c.meanEssentialBits()).isEqualTo(8.0 * 6724 / 7056);
    }

    @Test
    void theShippedCnnsLayersAreCountedOncePerMacPerOutputChannel() {
        // Per image, the entries each layer streams are its GEMM's m·k: conv1 784·25, conv2 196·200, fc1 784, fc2 128.
        // After ReLU and max-pool most activations are small or zero, so their mean one-bit count is far below 8.
        LabelledImages images = FashionMnist.test().first(20);
        InferenceConfig config = InferenceConfig.of(QuantConfig.of(IntFormat.signed(8), Granularity.channel(0)),
                QuantConfig.of(UINT8, Granularity.TENSOR));
        Map<String, CodeStatistics> s = ReferenceInference.prepare(FashionModels.shipped(FashionModels.CNN).network(),
                config, FashionMnist.calibration()).activationStatistics(images);
        assertThat(s.keySet()).containsExactly("conv1", "conv2", "fc1", "fc2");
        assertThat(s.get("conv1").count()).isEqualTo(20L * 784 * 25);
        assertThat(s.get("conv2").count()).isEqualTo(20L * 196 * 200);
        assertThat(s.get("fc1").count()).isEqualTo(20L * 784);
        assertThat(s.get("fc2").count()).isEqualTo(20L * 128);
        for (CodeStatistics c : s.values())
            assertThat(c.meanEssentialBits()).as(c.toString()).isBetween(0.1, 6.0);
        assertThat(s.get("conv2").zeroFraction()).isGreaterThan(0.2);
    }
}
