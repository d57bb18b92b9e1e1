package org.bitsweep.sim.spec;

import java.util.List;

/**
 * The typed description of one target, every knob set: what a sweep file's {@code target:} section, the options of
 * {@code bitsweep simulate} and the bench all build targets from. Each kind of target (a PE array, a GPU, an FPGA
 * accelerator) is one record with its knobs declared beside it, and one entry in {@link TargetKinds}.
 */
public sealed interface TargetSpec permits PeArraySpec, GpuSpec, FpgaSpec {
    /** The kind's name, as {@code target.kind} and {@code --kind} spell it. */
    String kind();

    /** Every knob of this kind, in the order files and {@code --help} list them. */
    List<Knob<?>> knobs();

    /** A parameter as text, for result columns: the value as a sweep file writes it. */
    String text(String column);

    /**
     * A numeric parameter (its effective value where the knob says {@code auto}), or NaN for a name that is not
     * one of this kind's numeric parameters.
     */
    double number(String column);

    /**
     * Why this target cannot run weights and activations in these formats, naming the knob a user would change; empty
     * when it can. A sweep checks it before any work on the combinations its points hold.
     */
    default java.util.Optional<Unsupported> unsupported(org.bitsweep.workloads.trace.OperandFormats formats) {
        return java.util.Optional.empty();
    }

    /** The knobs {@link #unsupported} depends on besides the formats: a sweep checks each combination of them once. */
    default List<Knob<?>> supportKnobs() {
        return List.of();
    }

    /**
     * Why this target cannot run attention (the KV cache, as the B operand, by activations) in these formats, naming
     * the layer class, the unit and what it runs; empty when it can, or when the kind does not run attention apart.
     * {@code linear} are the point's other layers' formats, which may decide what the hardware is (an accumulator
     * sized for them).
     */
    default java.util.Optional<Unsupported> unsupportedAttention(org.bitsweep.workloads.trace.OperandFormats linear,
                                                                 org.bitsweep.workloads.trace.OperandFormats formats) {
        return java.util.Optional.empty();
    }

    /** The knobs {@link #unsupportedAttention} depends on besides the formats. */
    default List<Knob<?>> attentionKnobs() {
        return List.of();
    }

    /** A refusal of a pair of formats, and the knob whose line a sweep's error names. */
    record Unsupported(Knob<?> knob, String message) {
    }

    /**
     * Runs a quantized workload's layers on this target.
     *
     * @throws org.bitsweep.workloads.UserInputException when the target cannot run it (in a sweep: a row that says
     *                                                   why)
     */
    org.bitsweep.sim.target.TargetResult run(java.util.List<org.bitsweep.workloads.trace.LayerTrace> layers);
}
