package org.bitsweep.workloads.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ml_dtypes treatment: for every named format of 16 bits or fewer, every representable value encodes to a code
 * that decodes back to it, and every midpoint between neighbouring values rounds as the format's rule says.
 */
class EveryCodeTest {

    /** Formats that encode single values; block, mixture and pair formats are tested through their elements. */
    static Stream<NumberFormat> formats() {
        return Formats.all().stream().filter(f -> f.bits() <= 16).filter(f -> f instanceof IntFormat
                || f instanceof MinifloatFormat || f instanceof LookupFormat || f instanceof FixedPointFormat);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void everyValueRoundTrips(NumberFormat f) {
        for (double v : f.values())
            assertThat(f.decode(f.encode(v))).as("%s %s", f.name(), v).isEqualTo(v);
        for (int code = 0; code < f.codeCount(); code++) {
            double v = f.decode(code);
            if (Double.isFinite(v))
                assertThat(f.decode(f.encode(v))).as("%s code %d", f.name(), code).isEqualTo(v);
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void everyMidpointRoundsByTheFormatsRule(NumberFormat f) {
        double[] v = f.values();
        for (int i = 0; i + 1 < v.length; i++) {
            double lo = v[i];
            double hi = v[i + 1];
            // Midpoints of neighbouring values are exact in double: the values have at most 11 significant bits
            // (24 for NF4's float constants).
            double mid = (lo + hi) / 2;
            assertThat(mid).isStrictlyBetween(lo, hi);
            double got = f.nearest(mid);
            assertThat(got).as("%s: midpoint of %s and %s", f.name(), lo, hi).isEqualTo(expectedTie(f, lo, hi));
            // Just off the midpoint, the nearer neighbour wins.
            assertThat(f.nearest(Math.nextDown(mid))).isEqualTo(lo);
            assertThat(f.nearest(Math.nextUp(mid))).isEqualTo(hi);
        }
    }

    /**
     * Integers and minifloats with a mantissa: the value whose code is even. Minifloats without a mantissa (E8M0):
     * up, as ml_dtypes. Lookup tables: the value nearer zero (docs/formats.md).
     */
    static double expectedTie(NumberFormat f, double lo, double hi) {
        if (f instanceof MinifloatFormat m && m.mantissaBits() == 0)
            return hi;
        if (f instanceof IntFormat || f instanceof MinifloatFormat || f instanceof FixedPointFormat)
            return (f.encode(lo) & 1) == 0 ? lo : hi;
        return Math.abs(lo) <= Math.abs(hi) ? lo : hi;
    }
}
