package org.bitsweep.cost.fpga;

/** What the cost model needs of an integer operand format: its width and whether it is signed. */
public record IntOperand(int bits, boolean signed) {
    public IntOperand {
        if (bits < 1 || bits > 32)
            throw new IllegalArgumentException("integer operand bits must be in [1, 32], got " + bits);
    }
}
