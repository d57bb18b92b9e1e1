package org.bitsweep.pe.fpmac;

import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.format.MinifloatFormat;

/**
 * The accumulate of fp-mac and lmul, {@code acc + round(product)} rounded, at the speed of the machine's double and
 * float units, for running whole networks (10,000 images × 885,632 MACs) rather than one MAC at a time. The exact
 * path ({@code ExtendedReal} sums rounded by {@link FloatFormat#round}) stays the reference; the tests check the two
 * against each other on every pair of fp8 codes and random accumulators. Only the NaN pattern is the hardware's
 * choice, and it is replaced by the format's {@link FloatFormat#quietNaN}.
 *
 * <p>Every product a PE hands in is exact in a double: minifloat values have at most 11 significand bits and
 * exponents within ±2^8, and L-Mul's significand has m + 2 <= 12 bits.
 */
public enum FloatAccumulate {
    /**
     * Java's double-to-float narrowing and float addition are IEEE 754 binary32 operations rounding to nearest even,
     * with subnormals and overflow to ±∞ (JLS §5.1.3 and §15.18.2; strict in every JVM since Java 17).
     */
    FP32(FloatFormat.FP32) {
        @Override
        public long add(long acc, double product) {
            float sum = Float.intBitsToFloat((int) acc) + (float) product;
            return Float.isNaN(sum) ? quietNaN : Integer.toUnsignedLong(Float.floatToRawIntBits(sum));
        }
    },
    /**
     * Java 17 has no binary16 type, so the two roundings are done in double: round the product to fp16
     * ({@link #roundToFp16}); the sum of two fp16 values is exact in a double (multiples of 2^−24 below 2^17), and
     * IEEE double addition gives the zero signs and NaNs binary16's would; then round the sum.
     */
    FP16(FloatFormat.FP16) {
        private final double[] values = decodeTable(FloatFormat.FP16);

        @Override
        public long add(long acc, double product) {
            double sum = roundToFp16(values[(int) acc] + roundToFp16(product));
            return Double.isNaN(sum) ? quietNaN : fp16Code(sum);
        }
    };

    final FloatFormat format;
    final long quietNaN;

    FloatAccumulate(FloatFormat format) {
        this.format = format;
        this.quietNaN = format.quietNaN();
    }

    /** The fp32 or fp16 accumulator code of {@code acc + round(product)}, rounded to nearest even. */
    public abstract long add(long acc, double product);

    public FloatFormat format() {
        return format;
    }

    /** The fast accumulate of an accumulator format. */
    public static FloatAccumulate of(FloatFormat f) {
        for (FloatAccumulate a : values())
            if (a.format.equals(f))
                return a;
        throw new IllegalArgumentException("no fast accumulate for " + f.name());
    }

    /** The value of every code of {@code f}: a decode table for the MAC's inner loop. */
    public static double[] values(MinifloatFormat f) {
        double[] v = new double[f.codeCount()];
        for (int code = 0; code < v.length; code++)
            v[code] = f.decode(code);
        return v;
    }

    private static double[] decodeTable(FloatFormat f) {
        double[] v = new double[1 << f.bits()];
        for (int code = 0; code < v.length; code++)
            v[code] = f.toDouble(code);
        return v;
    }

    /**
     * A double rounded to the nearest fp16 value, ties to even, overflow to ±∞; zeros, ±∞ and NaN unchanged. In the
     * binade 2^e of |d| (floored at the subnormal one, e = −14) the fp16 quantum is 2^q, q = e − 10. Adding
     * C = 1.5 · 2^(q + 52), whose ulp is 2^q, rounds |d| (far below C) to a multiple of 2^q, half to even, as IEEE
     * double addition does; subtracting C again is exact. From 65520 up, and for a result above 65504, the value is
     * past the overflow threshold (65520 is the tie between 65504 and 2^16, and rounds to even, to 2^16).
     */
    static double roundToFp16(double d) {
        if (d == 0 || !Double.isFinite(d))
            return d;
        double a = Math.abs(d);
        if (a >= 65520)
            return Math.copySign(Double.POSITIVE_INFINITY, d);
        int q = Math.max(Math.getExponent(a), -14) - 10;         // -24 <= q <= 5
        double c = Double.longBitsToDouble(((long) (q + 52 + Double.MAX_EXPONENT) << 52) | (1L << 51));
        double r = (a + c) - c;
        return Math.copySign(r > 65504 ? Double.POSITIVE_INFINITY : r, d);
    }

    /** The binary16 code of a double that is an fp16 value (not NaN). */
    static long fp16Code(double v) {
        long bits = Double.doubleToRawLongBits(v);
        long sign = bits < 0 ? 0x8000 : 0;
        double a = Math.abs(v);
        if (a == Double.POSITIVE_INFINITY)
            return sign | 0x7C00;
        if (a < 0x1p-14)
            return sign | (long) (a * 0x1p24);                      // subnormal or zero: exact
        int e = Math.getExponent(a);
        return sign | ((long) (e + 15) << 10) | ((bits >>> 42) & 0x3FF);   // the top 10 of the 52 mantissa bits
    }
}
