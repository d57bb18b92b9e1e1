package org.bitsweep.pe;

import java.util.Optional;

import org.bitsweep.workloads.format.NumberFormat;

/**
 * A format whose every value is an integer (int and uint formats, and the lookup grids of BitMoD, ANT, OliVe,
 * power-of-two and ternary weights), seen the way shift-based PEs see it: each value v = ±N · 2^E with N odd (or
 * zero). ANT's flint4 value 12 is 3 · 2^2, OliVe's outlier 384 is 3 · 2^7, BitMoD's FP4 special value 10 is 5 · 2^1.
 *
 * @param maxMagnitude the largest |v|
 * @param maxOddBits   bits of the widest odd part N
 * @param maxExponent  the largest E
 * @param signed       whether the grid has negative values
 */
public record IntegerGrid(long maxMagnitude, int maxOddBits, int maxExponent, boolean signed) {

    private static final java.util.Map<NumberFormat, Optional<IntegerGrid>> GRIDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The grid of a format whose values are all integers; empty for anything else. Found once per format: PEs ask on
     * every check, and an fp16 format has 63,000 values to walk.
     */
    public static Optional<IntegerGrid> of(NumberFormat f) {
        return GRIDS.computeIfAbsent(f, IntegerGrid::find);
    }

    private static Optional<IntegerGrid> find(NumberFormat f) {
        double[] values;
        try {
            values = f.values();
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        long maxMagnitude = 0;
        int oddBits = 0;
        int exponent = 0;
        boolean signed = false;
        for (double v : values) {
            if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) >= 0x1p52)
                return Optional.empty();
            long n = (long) v;
            signed |= n < 0;
            long m = Math.abs(n);
            maxMagnitude = Math.max(maxMagnitude, m);
            if (m != 0) {
                oddBits = Math.max(oddBits, bitLength(oddPart(m)));
                exponent = Math.max(exponent, Long.numberOfTrailingZeros(m));
            }
        }
        if (maxMagnitude == 0)
            return Optional.empty();
        return Optional.of(new IntegerGrid(maxMagnitude, oddBits, exponent, signed));
    }

    /** Whether every non-zero value is ±2^E: a shifter alone multiplies by it. */
    public boolean powersOfTwo() {
        return maxOddBits == 1;
    }

    /** Whether every value is −1, 0 or 1: a multiplexer (or the adder's subtract) alone multiplies by it. */
    public boolean ternary() {
        return maxMagnitude == 1;
    }

    public int magnitudeBits() {
        return bitLength(maxMagnitude);
    }

    /** The odd part N of |v|, 0 for 0. */
    public static long oddPart(long magnitude) {
        return magnitude == 0 ? 0 : magnitude >>> Long.numberOfTrailingZeros(magnitude);
    }

    /** The exponent E of |v| = N · 2^E, 0 for 0. */
    public static int exponent(long magnitude) {
        return magnitude == 0 ? 0 : Long.numberOfTrailingZeros(magnitude);
    }

    public static int bitLength(long magnitude) {
        return 64 - Long.numberOfLeadingZeros(magnitude);
    }
}
