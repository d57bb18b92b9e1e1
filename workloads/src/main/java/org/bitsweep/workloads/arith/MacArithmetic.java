package org.bitsweep.workloads.arith;

/**
 * A PE's own multiply-accumulate, bit-exact and in the hardware's order: {@code acc + a·w} as the PE computes it,
 * with its accumulator width, overflow behaviour, rounding or approximation. Operands are the integer values of the
 * codes (for int4, −8..7). It lives here, in the lowest module, because reference inference runs dot products
 * through whatever arithmetic a PE supplies.
 */
@FunctionalInterface
public interface MacArithmetic {
    long mac(long acc, long a, long w);

    /** The dot product accumulated element by element from {@code acc}, as the PE's adder chain does it. */
    default long dot(long acc, long[] a, long[] w) {
        if (a.length != w.length)
            throw new IllegalArgumentException("dot of lengths %d and %d".formatted(a.length, w.length));
        for (int i = 0; i < a.length; i++)
            acc = mac(acc, a[i], w[i]);
        return acc;
    }
}
