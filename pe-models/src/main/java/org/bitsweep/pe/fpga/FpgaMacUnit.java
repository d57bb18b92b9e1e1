package org.bitsweep.pe.fpga;

import org.bitsweep.cost.fpga.FpgaFamily;
import org.bitsweep.cost.fpga.MacUnitCost;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A MAC unit built in an FPGA's fabric for one pair of operand formats: {@code lanes} multipliers feeding one adder
 * tree and one accumulator, as a FINN PE has SIMD lanes. It has the same bit-exact {@link MacArithmetic} contract as
 * the ASIC PEs, and its price in LUTs, flip-flops and DSPs comes from cost-models ({@link #cost}).
 *
 * <p>Integer units run integer values; minifloat units take codes and build each product the way the hardware does
 * (significand product shifted by the exponent sum), which the tests check against exact rational arithmetic.
 */
public sealed interface FpgaMacUnit permits IntFpgaMac, MinifloatFpgaMac {
    /** What the units run, for messages and {@code bitsweep} listings. */
    String SUPPORTED = "integer weights and activations (int2..int16, uint2..uint16) with an exact or fixed:BITS "
            + "accumulator, or minifloat weights and activations (any eXmY, fp4/fp6/fp8 names included, with "
            + "subnormals or -nosub) with an exact, fixed:BITS or float:FORMAT accumulator; not mixed integer × "
            + "minifloat, lookup (nf4, ant, bitmod), MX or OliVe formats";

    /**
     * The unit for a pair of formats.
     *
     * @param reductionLength the longest dot product the unit must accumulate exactly (n of the width rule)
     * @param lanes           multipliers per unit, sharing its accumulator
     * @throws UserInputException for a pair or accumulator it cannot build, saying what it runs
     */
    static FpgaMacUnit of(OperandFormats formats, FpgaAccumulator accumulator, long reductionLength, int lanes) {
        if (reductionLength < 1)
            throw new UserInputException("the reduction length must be >= 1, got " + reductionLength);
        if (lanes < 1 || lanes > 4096)
            throw new UserInputException("lanes must be in [1, 4096], got " + lanes);
        if (formats.weight() instanceof IntFormat w && formats.activation() instanceof IntFormat a)
            return new IntFpgaMac(w, a, accumulator, reductionLength, lanes);
        if (formats.weight() instanceof MinifloatFormat w && formats.activation() instanceof MinifloatFormat a)
            return new MinifloatFpgaMac(w, a, accumulator, reductionLength, lanes);
        throw new UserInputException("an FPGA MAC unit cannot run %s; it runs %s".formatted(formats, SUPPORTED));
    }

    /** {@link #of} with the accumulator written as in sweep files ({@link FpgaAccumulator#USAGE}). */
    static FpgaMacUnit of(OperandFormats formats, String accumulator, long reductionLength, int lanes) {
        return of(formats, FpgaAccumulator.parse(accumulator), reductionLength, lanes);
    }

    /** The name results use: {@code fpga-int-mac} or {@code fpga-minifloat-mac}. */
    String id();

    OperandFormats formats();

    FpgaAccumulator accumulator();

    /** The accumulator register's width in bits. */
    int accumulatorBits();

    /** The longest dot product it accumulates exactly (with an exact accumulator). */
    long reductionLength();

    int lanes();

    /** The unit's multiply-accumulate, bit-exact; {@link #operands} says what its longs mean. */
    MacArithmetic arithmetic();

    Operands operands();

    /** The unit's numerics for reference inference ({@code bitsweep accuracy}). */
    default MacSupplier macSupplier() {
        OperandFormats mine = formats();
        return MacSupplier.of(id() + ":" + accumulator().id(), f -> {
            requireMine(f, mine);
            return arithmetic();
        }, f -> {
            requireMine(f, mine);
            return operands();
        }, f -> f.equals(mine) ? "" : "this %s unit was built for %s, not %s".formatted(id(), mine, f));
    }

    /**
     * The unit priced on a device family.
     *
     * @throws UserInputException when a DSP cannot hold the product
     */
    MacUnitCost cost(FpgaFamily family, MultiplierStyle style);

    private static void requireMine(OperandFormats f, OperandFormats mine) {
        if (!f.equals(mine))
            throw new IllegalArgumentException("unit built for %s asked to run %s".formatted(mine, f));
    }
}
