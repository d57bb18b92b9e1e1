package org.bitsweep.pe.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.booleans;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.longs;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.bitsweep.pe.Oracles;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.junit.jupiter.api.Test;

/**
 * Rounding to fp32 and fp16 against oracles that share no code with {@link FloatFormat}: Java's double → float
 * narrowing (IEEE round-to-nearest-even), and for fp16 the nearest of the fp16 values listed by the workloads
 * format, compared as exact BigDecimals ({@link Oracles}).
 */
class FloatFormatProperties {
    static final MinifloatFormat FP16 = (MinifloatFormat) Formats.parse("fp16");

    @Test
    void fp32RoundingOfADoubleIsJavasNarrowingCast() {
        forAll(1729, 3000, c -> {
            double d = Double.longBitsToDouble(c.draw("bits", longs()));
            long code = FloatFormat.FP32.fromDouble(d);
            float expected = (float) d;
            if (Float.isNaN(expected))
                assertThat(FloatFormat.FP32.isNaN(code)).as("%s", d).isTrue();
            else
                assertThat(code).as("%s", d).isEqualTo(Float.floatToRawIntBits(expected) & 0xFFFFFFFFL);
        });
    }

    @Test
    void fp32RoundingOfAWideDyadicIsTheNearestNeighbourTiesToEven() {
        forAll(42, 3000, c -> fp32RoundingOfAWideDyadicIsTheNearestNeighbourTiesToEven(
                c.draw("significand", longs(1, Long.MAX_VALUE)), c.draw("exponent", ints(-220, 140)),
                c.draw("negative", booleans())));
    }

    private static void fp32RoundingOfAWideDyadicIsTheNearestNeighbourTiesToEven(long significand, int exponent,
                                                                                 boolean negative) {
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

    @Test
    void fp16RoundingIsTheNearestFp16ValueTiesToEvenAndOverflowsAt65520() {
        forAll(7, 3000, c -> {
            int significand = c.draw("significand", ints(1, 1 << 20));
            int exponent = c.draw("exponent", ints(-50, 2));
            boolean negative = c.draw("negative", booleans());
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
        });
    }

    @Test
    void everyFp16CodeDecodesAndRoundsBackToItself() {
        // All 65,536 codes rather than a sample of them: it takes milliseconds.
        for (int code = 0; code <= 0xFFFF; code++) {
            if (FloatFormat.FP16.isNaN(code))
                continue;
            double d = FloatFormat.FP16.toDouble(code);
            assertThat(d).as("code %04x", code).isEqualTo(FP16.decode(code));
            assertThat(FloatFormat.FP16.fromDouble(d)).as("code %04x", code).isEqualTo(code);
        }
    }

    @Test
    void dyadicsConvertToBigDecimalExactly() {
        forAll(11, 500, c -> {
            long significand = c.draw("significand", longs());
            int exponent = c.draw("exponent", ints(-300, 300));
            Dyadic v = Dyadic.of(significand, exponent);
            BigDecimal expected = exponent >= 0
                    ? new BigDecimal(BigInteger.valueOf(significand).shiftLeft(exponent))
                    : new BigDecimal(significand).divide(new BigDecimal(BigInteger.ONE.shiftLeft(-exponent)));
            assertThat(v.toBigDecimal()).isEqualByComparingTo(expected);
        });
    }
}
