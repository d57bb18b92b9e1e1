package org.bitsweep.pe.fpga;

import org.bitsweep.cost.fpga.AccumulatorWidths;
import org.bitsweep.cost.fpga.FpgaFamily;
import org.bitsweep.cost.fpga.IntOperand;
import org.bitsweep.cost.fpga.MacUnitCost;
import org.bitsweep.cost.fpga.MacUnitCosts;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.pe.IntAccumulator;
import org.bitsweep.pe.Overflow;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * An integer MAC unit in the fabric: FINN-R's multiplier, adder tree and accumulator. The exact accumulator has the
 * study's W + A + ⌈log2 n⌉ + 1 bits and never overflows a dot product of up to n terms; a fixed one wraps or
 * saturates after every MAC, as {@link IntAccumulator} does for every integer PE.
 */
public final class IntFpgaMac implements FpgaMacUnit {
    public static final String ID = "fpga-int-mac";

    private final IntFormat weight;
    private final IntFormat activation;
    private final FpgaAccumulator accumulator;
    private final long reductionLength;
    private final int lanes;
    private final int accBits;
    private final Overflow overflow;

    IntFpgaMac(IntFormat weight, IntFormat activation, FpgaAccumulator accumulator, long reductionLength, int lanes) {
        this.weight = weight;
        this.activation = activation;
        this.accumulator = accumulator;
        this.reductionLength = reductionLength;
        this.lanes = lanes;
        int product = weight.bits() + activation.bits();
        if (accumulator instanceof FpgaAccumulator.Exact) {
            this.accBits = AccumulatorWidths.integer(weight.bits(), activation.bits(), reductionLength);
            this.overflow = Overflow.WRAP;
        } else if (accumulator instanceof FpgaAccumulator.Fixed f) {
            if (f.bits() < product)
                throw new UserInputException("a %d-bit accumulator cannot hold one %s × %s product (%d bits); use at "
                        .formatted(f.bits(), weight.name(), activation.name(), product) + "least " + product);
            this.accBits = f.bits();
            this.overflow = f.overflow();
        } else {
            throw new UserInputException("a float accumulator (%s) needs minifloat operands; integer units take "
                    .formatted(accumulator.id()) + "exact or fixed:BITS[:wrap|saturate]");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public OperandFormats formats() {
        return OperandFormats.of(weight, activation);
    }

    @Override
    public FpgaAccumulator accumulator() {
        return accumulator;
    }

    @Override
    public int accumulatorBits() {
        return accBits;
    }

    @Override
    public long reductionLength() {
        return reductionLength;
    }

    @Override
    public int lanes() {
        return lanes;
    }

    // The product is exact (at most 32 bits); the register wraps or saturates at every step.
    @Override
    public MacArithmetic arithmetic() {
        if (accBits > Long.SIZE)
            throw new UserInputException("exact accumulation of %d %s × %s products needs %d bits, more than the 64 "
                    .formatted(reductionLength, weight.name(), activation.name(), accBits) + "this arithmetic holds "
                    + "(the unit can still be priced); use accumulator fixed:BITS to run it");
        int bits = accBits;
        Overflow mode = overflow;
        return (acc, a, w) -> IntAccumulator.add(acc, a * w, bits, mode);
    }

    @Override
    public Operands operands() {
        return Operands.INTEGERS;
    }

    @Override
    public MacUnitCost cost(FpgaFamily family, MultiplierStyle style) {
        try {
            return MacUnitCosts.integer(new IntOperand(weight.bits(), weight.signed()),
                    new IntOperand(activation.bits(), activation.signed()), accBits, lanes, style, family);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("%s on %s: %s".formatted(formats(), family.name(), e.getMessage()), e);
        }
    }
}
