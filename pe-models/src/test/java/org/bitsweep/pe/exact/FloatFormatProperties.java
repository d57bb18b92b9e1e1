package org.bitsweep.pe.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.bitsweep.pe.Oracles;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;

/**
 * Rounding to fp32 and fp16 against oracles that share no code with {@link FloatFormat}: Java's double → float
 * narrowing (IEEE round-to-nearest-even), and for fp16 the nearest of the fp16 values listed by the workloads
 * format, compared as exact BigDecimals ({@link Oracles}).
 */
class FloatFormatProperties {
    static final MinifloatFormat FP16 = (MinifloatFormat) Formats.parse("fp16");

    @Property(tries = 3000, seed = "1729")
    void fp32RoundingOfADoubleIsJavasNarrowingCast(@ForAll long bits) {
        double d = Double.longBitsToDouble(bits);
        long code = FloatFormat.FP32.fromDouble(d);
        float expected = (float) d;
        if (Float.isNaN(expected))
            assertThat(FloatFormat.FP32.isNaN(code)).isTrue();
        else
            assertThat(code).isEqualTo(Float.floatToRawIntBits(expected) & 0xFFFFFFFFL);
    }

    @Property(tries = 3000, seed = "42")
    void fp32RoundingOfAWideDyadicIsTheNearestNeighbourTiesToEven(@ForAll @LongRange(min = 1) long significand,
                                                                  @ForAll @IntRange(min = -220, max = 140) int exponent,
                                                                  @ForAll boolean negative) {
        // A 63-bit significand is far wider than a double, so the oracle cannot just cast: it takes the float next to
        // the value's double approximation and its neighbours and keeps the exactly nearest, ties to even.
        Dyadic v = Dyadic.of(negative ? -significand : significand, exponent);
        long code = FloatFormat.FP32.round(v);
        BigDecimal exact = v.toBigDecimal();
        float guess = (float) v.toDouble();
        float best = Float.NaN;
        BigDecimal bestDistance = null;
        for (float c : new float[] {Math.nextDown(guess), guess, Math.nextUp(guess)}) {
            if (Float.isInfinite(c))
                continue;
            BigDecimal d = new BigDecimal(c).subtract(exact).abs();
            int cmp = bestDistance == null ? -1 : d.compareTo(bestDistance);
            if (cmp < 0 || (cmp == 0 && (Float.floatToRawIntBits(c) & 1) == 0)) {
                best = c;
                bestDistance = d;
            }
        }
        // Beyond the largest float by half an ulp or more, IEEE overflows to infinity.
        BigDecimal overflow = new BigDecimal(Float.MAX_VALUE).add(new BigDecimal(Math.ulp(Float.MAX_VALUE)).divide(BigDecimal.valueOf(2)));
        if (exact.abs().compareTo(overflow) >= 0)
            best = negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        if (best == 0)
            best = negative ? -0.0f : 0.0f;
        assertThat(code).isEqualTo(Float.floatToRawIntBits(best) & 0xFFFFFFFFL);
    }

    @Property(tries = 3000, seed = "7")
    void fp16RoundingIsTheNearestFp16ValueTiesToEvenAndOverflowsAt65520(
            @ForAll @IntRange(min = 1, max = 1 << 20) int significand, @ForAll @IntRange(min = -50, max = 2) int exponent,
            @ForAll boolean negative) {
        Dyadic v = Dyadic.of(negative ? -significand : significand, exponent);
        long code = FloatFormat.FP16.round(v);
        BigDecimal exact = v.toBigDecimal().abs();
        // 65520 is 65504 + half of fp16's top ulp (32): from there on IEEE rounds to infinity.
        if (exact.compareTo(BigDecimal.valueOf(65520)) >= 0) {
            assertThat(FloatFormat.FP16.isInfinite(code)).isTrue();
            return;
        }
        double best = Oracles.nearestFp16(exact);
        assertThat(FloatFormat.FP16.toDouble(code)).isEqualTo(negative ? -best : best);
    }

    @Property(tries = 200, seed = "3")
    void everyFp16CodeDecodesAndRoundsBackToItself(@ForAll @IntRange(min = 0, max = 0xFFFF) int code) {
        if (FloatFormat.FP16.isNaN(code))
            return;
        double d = FloatFormat.FP16.toDouble(code);
        assertThat(d).isEqualTo(FP16.decode(code));
        assertThat(FloatFormat.FP16.fromDouble(d)).isEqualTo(code);
    }

    @Property(tries = 500, seed = "11")
    void dyadicsConvertToBigDecimalExactly(@ForAll long significand, @ForAll @IntRange(min = -300, max = 300) int exponent) {
        Dyadic v = Dyadic.of(significand, exponent);
        BigDecimal expected = exponent >= 0
                ? new BigDecimal(BigInteger.valueOf(significand).shiftLeft(exponent))
                : new BigDecimal(significand).divide(new BigDecimal(BigInteger.ONE.shiftLeft(-exponent)));
        assertThat(v.toBigDecimal()).isEqualByComparingTo(expected);
    }
}
