package org.bitsweep.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.tensor.TensorMetrics;

class QuantizerProperties {

    /**
     * With the same scaling (here none: a plain cast of values spread over the range), one more mantissa bit gives
     * a superset of values with the same exponents, and one more integer bit a superset of integers, so the nearest
     * value is never farther and the error never grows.
     */
    @Property(tries = 60, seed = "4242")
    void errorNeverGrowsWithMoreBits(@ForAll @IntRange(min = 2, max = 5) int exponentBits,
                                     @ForAll @IntRange(min = 0, max = 6) int mantissaBits,
                                     @ForAll @IntRange(min = 2, max = 11) int intBits,
                                     @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Tensor t = SyntheticTensors.gaussian("t", 16, 64, 4.0, seed);
        NumberFormat narrow = Formats.parse("e%dm%d".formatted(exponentBits, mantissaBits));
        NumberFormat wide = Formats.parse("e%dm%d".formatted(exponentBits, mantissaBits + 1));
        assertThat(castMse(t, wide)).isLessThanOrEqualTo(castMse(t, narrow));
        assertThat(castMse(t, IntFormat.signed(intBits + 1))).isLessThanOrEqualTo(castMse(t, IntFormat.signed(intBits)));
    }

    /** Candidate i = 0 of the MSE search is min-max itself, so the search can only do better or as well. */
    @Property(tries = 60, seed = "777")
    void mseClippingIsNeverWorseThanMinMax(@ForAll("formatNames") String format,
                                           @ForAll @IntRange(min = 0, max = 2) int granularity,
                                           @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Granularity g = new Granularity[] {Granularity.TENSOR, Granularity.channel(0), Granularity.group(32)}[granularity];
        Tensor t = SyntheticTensors.gaussian("t", 8, 128, 1.0, seed);
        QuantConfig minmax = QuantConfig.of(Formats.parse(format), g);
        double a = TensorMetrics.mse(t, new Quantizer(minmax).quantize(t).values());
        double b = TensorMetrics.mse(t, new Quantizer(minmax.withCalibration(Calibration.MSE)).quantize(t).values());
        assertThat(b).isLessThanOrEqualTo(a);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> formatNames() {
        return net.jqwik.api.Arbitraries.of("int3", "int4", "int8", "fp4-e2m1", "fp6-e3m2", "nf4", "bitmod-fp3", "pot4");
    }

    private static double castMse(Tensor t, NumberFormat f) {
        return TensorMetrics.mse(t, new Quantizer(f, Granularity.NONE).quantize(t).values());
    }
}
