package org.bitsweep.workloads.format;

/**
 * A way to encode a real number in {@link #bits()} bits. Codes are the raw bit patterns, held in the low bits of an
 * {@code int}; every code of {@code 0 .. 2^bits - 1} decodes to exactly one value.
 */
public interface NumberFormat {
    /** The name used in sweep files and on the command line, e.g. {@code int4}. */
    String name();

    int bits();

    default int codeCount() {
        return 1 << bits();
    }

    /** The exact value of a code. */
    double decode(int code);

    /** The code of the representable value nearest to {@code value}: ties to even, saturating at the ends. */
    int encode(double value);

    /** The largest finite value. */
    double maxValue();

    /** The smallest (most negative) finite value. */
    double minValue();
}
