package org.bitsweep.workloads.format;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A way to encode a real number in {@link #bits()} bits. Codes are the raw bit patterns, held in the low bits of an
 * {@code int}; every code of {@code 0 .. 2^bits - 1} decodes to exactly one value (NaN and ±∞ where the format has
 * them). Every value is a dyadic rational that a {@code double} holds exactly.
 */
public interface NumberFormat {
    /** The name used in sweep files and on the command line, e.g. {@code int4} or {@code fp8-e4m3}. */
    String name();

    /** Other names people use for the same format, e.g. ml_dtypes' {@code float8_e4m3fn}. */
    default List<String> aliases() {
        return List.of();
    }

    int bits();

    default int codeCount() {
        return 1 << bits();
    }

    /** The exact value of a code. */
    double decode(int code);

    /**
     * The code of the representable value nearest to {@code value}, ties to the even code, saturating at the largest
     * finite magnitudes: what a quantizer wants after dividing by its scale.
     *
     * @throws IllegalArgumentException for NaN
     */
    int encode(double value);

    /** The largest finite value. */
    double maxValue();

    /** The smallest (most negative) finite value. */
    double minValue();

    /** The smallest positive normal value (for integers and lookup formats: the smallest positive value). */
    double minPositiveNormal();

    /** The smallest positive subnormal value, where the format has subnormals. */
    default OptionalDouble minPositiveSubnormal() {
        return OptionalDouble.empty();
    }

    /** Every finite value, ascending, each once; −0 is omitted. */
    double[] values();

    /** The nearest representable value, by {@link #encode}'s rule. */
    default double nearest(double value) {
        return decode(encode(value));
    }
}
