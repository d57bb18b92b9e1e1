package org.bitsweep.pe;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.workloads.arith.MacArithmetic;
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

    /** Why {@link #supports} is false, phrased for a user; empty when it is true. */
    String unsupportedReason(OperandFormats f);

    /** Timing: cycles one MAC occupies the PE. */
    long cyclesPerMac(OperandFormats f, LayerTrace t);

    /** Activity per MAC, counted, not priced. */
    Activity activityPerMac(OperandFormats f, LayerTrace t);

    /** What is built, counted, not priced. */
    Inventory inventory(OperandFormats f);

    /** The PE's own arithmetic, bit-exact, in the hardware's order. */
    MacArithmetic arithmetic(OperandFormats f);
}
