package org.bitsweep.pe;

import java.util.Optional;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A processing element. Counting is kept apart from pricing: a PE says what it builds and what toggles, and
 * cost-models turns that into µm² and pJ. Each implementation keeps its whole model in one file, in the order of
 * this interface.
 */
public interface PeModel {
    /** The name used in sweep files, e.g. {@code int-mac}. */
    String id();

    boolean supports(OperandFormats f);

    /**
     * Why {@link #supports} is false, phrased for a user, ending with what the PE does run; empty when it is true.
     */
    String unsupportedReason(OperandFormats f);

    /** What the PE runs: weight formats, activation formats and accumulator, in words a user can act on. */
    String supportedFormats();

    /**
     * Timing: cycles one MAC occupies one lane of the PE, a whole number (the simulator's fold arithmetic counts
     * cycles); value-dependent PEs round {@link #meanCyclesPerMac} up.
     *
     * @param t the layer; may be null, which reads as a layer with no code statistics
     */
    long cyclesPerMac(OperandFormats f, LayerTrace t);

    /** The mean cycles per MAC where timing depends on the values (Bit-Pragmatic); {@link #cyclesPerMac} otherwise. */
    default double meanCyclesPerMac(OperandFormats f, LayerTrace t) {
        return cyclesPerMac(f, t);
    }

    /**
     * MACs of one output the PE runs side by side (its dot-product width): BitMoD's PE has 4 lanes, so a k-long dot
     * product takes ⌈k/4⌉ · {@link #cyclesPerMac} cycles. Activity is per MAC, inventory per whole PE.
     */
    default int lanes() {
        return 1;
    }

    /** Activity per MAC, counted, not priced; shared work (a per-group dequantization) is spread over its MACs. */
    Activity activityPerMac(OperandFormats f, LayerTrace t);

    /** What is built, counted, not priced: the whole PE, all lanes. */
    Inventory inventory(OperandFormats f);

    /** The PE's own arithmetic, bit-exact, in the hardware's order; {@link #operands} says what its longs mean. */
    MacArithmetic arithmetic(OperandFormats f);

    /**
     * What the longs of {@link #arithmetic} stand for. The default: integer operands in units of each format's
     * quantum ({@link FixedPoint}), which for integer formats are the integer values themselves.
     */
    default Operands operands(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
        return PeOperands.fixedPoint(FixedPoint.of(f.activation()).orElseThrow(), FixedPoint.of(f.weight()).orElseThrow());
    }

    /**
     * What one MAC of {@link #arithmetic} is made of ({@link MacForm}), so that reference inference can run whole dot
     * products in tight loops with the same result bit for bit; empty where the PE does not say (every MAC is then a
     * call to its arithmetic). {@code MacFormTest} checks each PE's form against its arithmetic on every operand pair.
     */
    default Optional<MacForm> macForm(OperandFormats f) {
        return Optional.empty();
    }

    /**
     * This PE's numerics for reference inference: its {@link #arithmetic} over its {@link #operands}, refusing the
     * pairs it does not run with {@link #unsupportedReason}. {@code bitsweep accuracy --pe} runs a model through it.
     */
    default MacSupplier macSupplier() {
        return MacSupplier.of(id(), this::arithmetic, this::operands, this::unsupportedReason, this::macForm);
    }
}
