package org.bitsweep.cost.fpga;

/**
 * The accumulator widths of the minifloats-on-FPGA study (Aggarwal et al., FPL 2024; {@code fpga/mac-parts.yaml},
 * {@code accumulator_widths}) for dot products of {@code n} terms.
 */
public final class AccumulatorWidths {
    private AccumulatorWidths() {
    }

    /** Integers: W + A + ⌈log2 n⌉ + 1 bits. */
    public static int integer(int weightBits, int activationBits, long n) {
        return Math.addExact(weightBits + activationBits + ceilLog2(n), 1);
    }

    /**
     * Minifloats accumulated exactly: 2^ea + ma + 2^eb + mb + ⌈log2 n⌉ − 1 bits. With every exponent code finite a
     * minifloat's magnitudes span 2^e + m − 1 bits (2^e − 1 binades above the subnormals' m bits), so a product spans
     * the two spans added; one sign bit and ⌈log2 n⌉ carry bits make the rest.
     */
    public static int minifloatExact(int weightExponentBits, int weightMantissaBits, int activationExponentBits,
                                     int activationMantissaBits, long n) {
        if (weightExponentBits < 1 || activationExponentBits < 1 || weightExponentBits > 30
                || activationExponentBits > 30)
            throw new IllegalArgumentException("exponent bits must be in [1, 30], got %d and %d"
                    .formatted(weightExponentBits, activationExponentBits));
        long bits = (1L << weightExponentBits) + weightMantissaBits + (1L << activationExponentBits)
                + activationMantissaBits + ceilLog2(n) - 1;
        return Math.toIntExact(bits);
    }

    /** ⌈log2 n⌉ for n >= 1. */
    public static int ceilLog2(long n) {
        if (n < 1)
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        return 64 - Long.numberOfLeadingZeros(n - 1);
    }
}
