package org.bitsweep.pe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;

import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;

/**
 * Rounding oracles for the tests, written without the code under test: they search the neighbours of an
 * approximation for the exactly nearest representable value, comparing distances as BigDecimals, and break ties
 * towards the even code. IEEE overflow: at or beyond the largest finite value plus half its ulp, ±∞.
 */
public final class Oracles {
    public static final MinifloatFormat FP16 = (MinifloatFormat) Formats.parse("fp16");
    private static final double[] FP16_VALUES = FP16.values();

    private Oracles() {
    }

    /** The float nearest to an exact value, ties to even, IEEE overflow. */
    public static float nearestFloat(BigDecimal exact) {
        int sign = exact.signum();
        if (sign == 0)
            return 0.0f;
        BigDecimal overflow = new BigDecimal(Float.MAX_VALUE)
                .add(new BigDecimal(Math.ulp(Float.MAX_VALUE)).divide(BigDecimal.valueOf(2)));
        if (exact.abs().compareTo(overflow) >= 0)
            return sign < 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        float guess = exact.round(MathContext.DECIMAL64).floatValue();
        float best = Float.NaN;
        BigDecimal bestDistance = null;
        float c = Math.nextDown(Math.nextDown(guess));
        for (int i = 0; i < 5; i++, c = Math.nextUp(c)) {
            if (Float.isInfinite(c))
                continue;
            BigDecimal d = new BigDecimal(c).subtract(exact).abs();
            int cmp = bestDistance == null ? -1 : d.compareTo(bestDistance);
            if (cmp < 0 || (cmp == 0 && (Float.floatToRawIntBits(c) & 1) == 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return best == 0 ? (sign < 0 ? -0.0f : 0.0f) : best;
    }

    /** The fp16 value nearest to an exact value, ties to the even code, IEEE overflow at 65520. */
    public static double nearestFp16(BigDecimal exact) {
        int sign = exact.signum();
        BigDecimal mag = exact.abs();
        if (mag.compareTo(BigDecimal.valueOf(65520)) >= 0)
            return sign < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        // Neighbours of the approximate position in the sorted list, then the exactly nearest of them.
        int i = Arrays.binarySearch(FP16_VALUES, mag.doubleValue());
        int at = i >= 0 ? i : -i - 1;
        double best = 0;
        BigDecimal bestDistance = null;
        for (int k = Math.max(0, at - 2); k <= Math.min(FP16_VALUES.length - 1, at + 2); k++) {
            double c = FP16_VALUES[k];
            if (c < 0)
                continue;
            BigDecimal d = new BigDecimal(c).subtract(mag).abs();
            int cmp = bestDistance == null ? -1 : d.compareTo(bestDistance);
            if (cmp < 0 || (cmp == 0 && (FP16.encode(c) & 1) == 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return sign < 0 ? -best : best;
    }

    /** {@code v · 2^k}, exactly. */
    public static BigDecimal times2(BigDecimal v, int k) {
        BigDecimal p = new BigDecimal(BigInteger.TWO.pow(Math.abs(k)));
        return k >= 0 ? v.multiply(p) : v.divide(p);
    }

    /** The fp32 code of a float, as an unsigned long. */
    public static long code(float f) {
        return Float.floatToRawIntBits(f) & 0xFFFFFFFFL;
    }

    public static float fromCode(long code) {
        return Float.intBitsToFloat((int) code);
    }

    /** An exact sum reduced to a signed register of {@code bits} bits, as it wraps or saturates. */
    public static BigInteger reduce(BigInteger v, int bits, Overflow overflow) {
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        if (overflow == Overflow.SATURATE)
            return v.max(min).min(max);
        BigInteger mod = BigInteger.ONE.shiftLeft(bits);
        BigInteger r = v.mod(mod);
        return r.compareTo(max) > 0 ? r.subtract(mod) : r;
    }

    public static long wrap(BigInteger v, int bits) {
        return reduce(v, bits, Overflow.WRAP).longValueExact();
    }
}
