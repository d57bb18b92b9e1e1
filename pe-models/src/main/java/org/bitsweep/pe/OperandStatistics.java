package org.bitsweep.pe;

import java.util.Objects;
import java.util.Optional;

import org.bitsweep.workloads.trace.CodeStatistics;

/**
 * Code statistics of a layer's operands (the trace's {@link CodeStatistics}), where they are known. {@link #NONE} makes every value-dependent PE fall back
 * to its worst case (all bits), so that an unknown distribution never makes a design look faster than it is.
 */
public record OperandStatistics(Optional<CodeStatistics> weights, Optional<CodeStatistics> activations) {
    public static final OperandStatistics NONE = new OperandStatistics(Optional.empty(), Optional.empty());

    public OperandStatistics {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
    }

    public static OperandStatistics ofActivations(CodeStatistics activations) {
        return new OperandStatistics(Optional.empty(), Optional.of(activations));
    }

    public static OperandStatistics ofWeights(CodeStatistics weights) {
        return new OperandStatistics(Optional.of(weights), Optional.empty());
    }
}
