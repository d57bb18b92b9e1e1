package org.bitsweep.pe;

import org.bitsweep.workloads.arith.Bits;

/**
 * One add into a two's complement accumulator register of {@code bits} bits, wrapping or saturating as the register
 * does. Every integer PE adds through here, once per term it adds, so that a bit-serial PE (one term per cycle) and a
 * bit-parallel one (one product per MAC) share one rule.
 */
public final class IntAccumulator {
    private IntAccumulator() {
    }

    /**
     * {@code acc + term} reduced to the register.
     *
     * @param acc  a value the register holds, in [−2^(bits−1), 2^(bits−1) − 1]
     * @param term anything a long holds; only a 64-bit register can see the long itself overflow
     */
    public static long add(long acc, long term, int bits, Overflow overflow) {
        long sum = acc + term;
        return switch (overflow) {
            case WRAP -> Bits.wrapSigned(sum, bits);     // Java's long addition already wraps modulo 2^64
            case SATURATE -> {
                if (((acc ^ sum) & (term ^ sum)) < 0)   // the long overflowed: the sign of the term says which way
                    yield Bits.saturateSigned(term > 0 ? Long.MAX_VALUE : Long.MIN_VALUE, bits);
                yield Bits.saturateSigned(sum, bits);
            }
        };
    }

    /** Bits a signed register needs to hold every value of magnitude at most {@code maxMagnitude}, sign included. */
    public static int signedBitsFor(long maxMagnitude) {
        if (maxMagnitude < 0)
            throw new IllegalArgumentException("magnitude must be >= 0, got " + maxMagnitude);
        // 2^k itself fits k + 1 bits only as a negative number; count it as k + 2 so that ±2^k both fit.
        return 64 - Long.numberOfLeadingZeros(maxMagnitude) + 1;
    }
}
