package org.bitsweep.workloads.arith;

/** Two's complement helpers for registers narrower than a {@code long}. */
public final class Bits {
    private Bits() {
    }

    /** {@code value} reduced modulo 2^bits and read back as a signed {@code bits}-bit number. */
    public static long wrapSigned(long value, int bits) {
        checkWidth(bits);
        int drop = Long.SIZE - bits;
        return (value << drop) >> drop;
    }

    /** {@code value} clamped to [−2^(bits−1), 2^(bits−1) − 1]. */
    public static long saturateSigned(long value, int bits) {
        checkWidth(bits);
        return Math.max(minSigned(bits), Math.min(maxSigned(bits), value));
    }

    public static long minSigned(int bits) {
        checkWidth(bits);
        return Long.MIN_VALUE >> (Long.SIZE - bits);
    }

    public static long maxSigned(int bits) {
        return ~minSigned(bits);
    }

    private static void checkWidth(int bits) {
        if (bits < 1 || bits > Long.SIZE)
            throw new IllegalArgumentException("register width must be in [1, 64], got " + bits);
    }
}
