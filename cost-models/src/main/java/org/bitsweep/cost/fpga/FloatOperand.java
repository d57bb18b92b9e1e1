package org.bitsweep.cost.fpga;

/** What the cost model needs of a minifloat operand format: exponent and mantissa bits, and a sign bit or not. */
public record FloatOperand(int exponentBits, int mantissaBits, boolean signed) {
    public FloatOperand {
        if (exponentBits < 1 || exponentBits > 11 || mantissaBits < 0 || mantissaBits > 23)
            throw new IllegalArgumentException("minifloat operand e%dm%d: exponent bits must be in [1, 11], mantissa "
                    .formatted(exponentBits, mantissaBits) + "bits in [0, 23]");
    }

    public int bits() {
        return (signed ? 1 : 0) + exponentBits + mantissaBits;
    }

    /** The significand with its leading bit: M + 1 bits. */
    public int significandBits() {
        return mantissaBits + 1;
    }

    /** Binades above the lowest one that a value can lie in when every exponent code is finite: 2^E − 2. */
    public int exponentSpan() {
        return (1 << exponentBits) - 2;
    }
}
