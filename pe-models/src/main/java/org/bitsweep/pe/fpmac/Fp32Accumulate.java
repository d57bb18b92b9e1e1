package org.bitsweep.pe.fpmac;

import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.format.MinifloatFormat;

/**
 * The fp32 accumulate of fp-mac and lmul at the speed of the machine's float unit, for running whole networks
 * (10,000 images × 885,632 MACs) rather than one MAC at a time. Java's double-to-float narrowing and float
 * addition are IEEE 754 binary32 operations rounding to nearest even, with subnormals and overflow to ±∞ (JLS §5.1.3
 * and §15.18.2; strict in every JVM since Java 17), so narrowing an exact product and adding it give bit for bit what
 * the exact path gives ({@code ExtendedReal} sums rounded with {@link FloatFormat#round}); only the NaN pattern is
 * the hardware's choice, and it is replaced by {@link FloatFormat#quietNaN}. The tests check the two paths against
 * each other on every pair of fp8 codes and random accumulators.
 */
public final class Fp32Accumulate {
    private static final long QUIET_NAN = FloatFormat.FP32.quietNaN();

    private Fp32Accumulate() {
    }

    /**
     * The fp32 code of {@code acc + round(product)}: the product rounded to fp32, then the sum rounded.
     *
     * @param acc     an fp32 bit pattern, read as unsigned
     * @param product the exact product (a minifloat's values have at most 11 significand bits and exponents within
     *                ±2^8, so every product of two of them, exact or L-Mul's, is a double)
     */
    public static long add(long acc, double product) {
        float sum = Float.intBitsToFloat((int) acc) + (float) product;
        return Float.isNaN(sum) ? QUIET_NAN : Integer.toUnsignedLong(Float.floatToRawIntBits(sum));
    }

    /** The value of every code of {@code f}: a decode table for the MAC's inner loop. */
    public static double[] values(MinifloatFormat f) {
        double[] v = new double[f.codeCount()];
        for (int code = 0; code < v.length; code++)
            v[code] = f.decode(code);
        return v;
    }
}
