package org.bitsweep.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** NVFP4: E2M1 elements, an E4M3 scale per 16, an FP32 scale per tensor; values worked by hand. */
class NvFp4Test {
    static QuantizedTensor nvfp4(float... values) {
        return new Quantizer(QuantConfig.of(Formats.parse("nvfp4"), Granularity.group(16)))
                .quantize(new Tensor("t", 1, values.length, values));
    }

    @Test
    void aTensorWhoseMaxIs6Times448HasTensorScaleOne() {
        // amax 2688 = 6·448, so g = 2688/2688 = 1. Block 0: amax 2688, s = E4M3(2688/6 · 1) = 448; 1000/448 = 2.23
        // → 2 → 896; -700/448 = -1.5625 → -1.5 → -672. Block 1: amax 30, s = E4M3(5) = 5; 7/5 = 1.4 → 1.5 → 7.5;
        // 2.5/5 = 0.5 → 2.5; 1.2/5 = 0.24 → 0 (below the midpoint 0.25 between 0 and 0.5).
        float[] x = new float[32];
        x[0] = 2688;
        x[1] = 1000;
        x[2] = -700;
        x[16] = 30;
        x[17] = 7;
        x[18] = 2.5f;
        x[19] = 1.2f;
        QuantizedTensor q = nvfp4(x);
        assertThat(q.scales()).containsExactly(448, 5);
        assertThat(Arrays.copyOf(q.values(), 3)).containsExactly(2688, 896, -672);
        assertThat(Arrays.copyOfRange(q.values(), 16, 20)).containsExactly(30, 7.5f, 2.5f, 0);
        // 4 element bits + an 8-bit E4M3 scale per 16 (the FP32 tensor scale is per tensor).
        assertThat(q.bitsPerElement()).isEqualTo(4.5);
    }

    @Test
    void theBlockScaleIsRoundedToE4M3SoABlockMaximumCanSaturate() {
        // amax 10: g = 2688/10 = 268.8. Block 0 (amax 10): 10/6 · 268.8 = 448 → s = 448, scale 448/268.8 = 5/3; 10 → 6.
        // Block 1 (amax 1): 1/6 · 268.8 = 44.8, and E4M3 holds 44 and 48 in that binade (step 4): s = 44, scale
        // 44/268.8 = 0.163690. 1/0.163690 = 6.11 saturates at 6 → 6 · 0.163690 = 0.982143; 0.5/0.163690 = 3.05 → 3
        // → 0.491071. Block 2 is all zero: s = 0, everything 0.
        float[] x = new float[48];
        x[0] = 10;
        x[16] = 1;
        x[17] = 0.5f;
        QuantizedTensor q = nvfp4(x);
        assertThat(q.scales()[0]).isCloseTo(448 / 268.8, within(1e-6));
        assertThat(q.scales()[1]).isCloseTo(44 / 268.8, within(1e-7));
        assertThat(q.scales()[2]).isZero();
        assertThat(q.values()[0]).isCloseTo(10f, within(1e-5f));
        assertThat(q.values()[16]).isCloseTo(0.982143f, within(1e-6f));
        assertThat(q.values()[17]).isCloseTo(0.491071f, within(1e-6f));
        assertThat(Arrays.copyOfRange(q.values(), 32, 48)).containsOnly(0f);
    }

    @Test
    void everyBlockScaleIsAnE4M3ValueTimesOneTensorScale() {
        // Property over random tensors: scale_b / scale_0-block ratios are ratios of E4M3 values, i.e. each scale is
        // (an E4M3 value) · (one common tensor scale), and every element is an E2M1 value times its block scale.
        MinifloatFormat e4m3 = (MinifloatFormat) Formats.parse("fp8-e4m3");
        MinifloatFormat e2m1 = (MinifloatFormat) Formats.parse("fp4-e2m1");
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            float[] x = new float[64];
            double spread = Math.pow(10, random.nextInt(-3, 4));
            for (int i = 0; i < x.length; i++)
                x[i] = (float) (random.nextGaussian() * spread * (random.nextInt(8) == 0 ? 30 : 1));
            QuantizedTensor q = nvfp4(x);
            float amax = 0;
            for (float v : x)
                amax = Math.max(amax, Math.abs(v));
            float decode = 1 / (2688f / amax);
            for (int b = 0; b < 4; b++) {
                double s = q.scales()[b] / decode;
                assertThat(e4m3.nearest(s)).as("trial %d block %d: scale %s", trial, b, q.scales()[b]).isEqualTo(s);
                for (int i = 16 * b; i < 16 * b + 16; i++) {
                    double e = q.values()[i] / q.scales()[b];
                    assertThat(Math.abs(e2m1.nearest(e) - e)).as("trial %d element %d", trial, i).isLessThan(1e-5);
                }
            }
        }
    }

    @Test
    void nvfp4InsistsOnBlocksOf16AndItsOwnScaleFormat() {
        assertThat(((MxFormat) Formats.parse("nvfp4")).scaleFormat().name()).isEqualTo("fp8-e4m3");
        assertThatThrownBy(() -> QuantConfig.of(Formats.parse("nvfp4"), Granularity.group(32)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("use granularity group:16");
        assertThatThrownBy(() -> QuantConfig.of(Formats.parse("nvfp4"), Granularity.group(16))
                .withScaleFormat((MinifloatFormat) Formats.parse("e8m0")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("nvfp4 stores its block scales in fp8-e4m3, not e8m0");
    }

    @Test
    void settingsABlockFormatWouldIgnoreAreErrors() {
        QuantConfig mx = QuantConfig.of(Formats.parse("mxint8"), Granularity.group(32));
        assertThatThrownBy(() -> mx.withScaleFormat((MinifloatFormat) Formats.parse("e5m0")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("valid scale format for mxint8: e8m0");
        assertThatThrownBy(() -> mx.withCalibration(Calibration.MSE)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("calibration mse does not apply; use minmax");
        assertThatThrownBy(() -> mx.withRounding(Rounding.STOCHASTIC, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("rounding stochastic does not apply");
        assertThat(mx.withScaleFormat((MinifloatFormat) Formats.parse("e8m0")).scaleFormat().name()).isEqualTo("e8m0");
        assertThatThrownBy(() -> QuantConfig.of(Formats.parse("fp8-e4m3"), Granularity.NONE)
                .withCalibration(Calibration.MSE)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("a cast (granularity none) has no scale");
    }
}
