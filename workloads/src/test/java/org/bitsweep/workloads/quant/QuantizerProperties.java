package org.bitsweep.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.longs;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import org.bitsweep.testkit.Gen;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.tensor.TensorMetrics;
import org.junit.jupiter.api.Test;

class QuantizerProperties {

    /**
     * With the same scaling (here none: a plain cast of values spread over the range), one more mantissa bit gives
     * a superset of values with the same exponents, and one more integer bit a superset of integers, so the nearest
     * value is never farther and the error never grows.
     */
    @Test
    void errorNeverGrowsWithMoreBits() {
        forAll(4242, 60, c -> {
            int exponentBits = c.draw("exponentBits", ints(2, 5));
            int mantissaBits = c.draw("mantissaBits", ints(0, 6));
            int intBits = c.draw("intBits", ints(2, 11));
            long seed = c.draw("seed", longs(0, 1000));
            Tensor t = SyntheticTensors.gaussian("t", 16, 64, 4.0, seed);
            NumberFormat narrow = Formats.parse("e%dm%d".formatted(exponentBits, mantissaBits));
            NumberFormat wide = Formats.parse("e%dm%d".formatted(exponentBits, mantissaBits + 1));
            assertThat(castMse(t, wide)).isLessThanOrEqualTo(castMse(t, narrow));
            assertThat(castMse(t, IntFormat.signed(intBits + 1)))
                    .isLessThanOrEqualTo(castMse(t, IntFormat.signed(intBits)));
        });
    }

    /** Candidate i = 0 of the MSE search is min-max itself, so the search can only do better or as well. */
    @Test
    void mseClippingIsNeverWorseThanMinMax() {
        forAll(777, 60, c -> {
            String format = c.draw("format", formatNames());
            Granularity g = c.draw("granularity", oneOf(Granularity.TENSOR, Granularity.channel(0),
                    Granularity.group(32)));
            long seed = c.draw("seed", longs(0, 1000));
            Tensor t = SyntheticTensors.gaussian("t", 8, 128, 1.0, seed);
            QuantConfig minmax = QuantConfig.of(Formats.parse(format), g);
            double a = TensorMetrics.mse(t, new Quantizer(minmax).quantize(t).values());
            double b = TensorMetrics.mse(t,
                    new Quantizer(minmax.withCalibration(Calibration.MSE)).quantize(t).values());
            assertThat(b).isLessThanOrEqualTo(a);
        });
    }

    static Gen<String> formatNames() {
        return oneOf("int3", "int4", "int8", "fp4-e2m1", "fp6-e3m2", "nf4", "bitmod-fp3", "pot4");
    }

    private static double castMse(Tensor t, NumberFormat f) {
        return TensorMetrics.mse(t, new Quantizer(f, Granularity.NONE).quantize(t).values());
    }
}
