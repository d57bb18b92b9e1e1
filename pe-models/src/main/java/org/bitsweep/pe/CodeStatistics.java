package org.bitsweep.pe;

import java.util.Objects;
import java.util.Optional;

/**
 * Code histograms of a layer's operands, where they are known. {@link #NONE} makes every value-dependent PE fall back
 * to its worst case (all bits), so that an unknown distribution never makes a design look faster than it is.
 */
public record CodeStatistics(Optional<CodeHistogram> weights, Optional<CodeHistogram> activations) {
    public static final CodeStatistics NONE = new CodeStatistics(Optional.empty(), Optional.empty());

    public CodeStatistics {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
    }

    public static CodeStatistics ofActivations(CodeHistogram activations) {
        return new CodeStatistics(Optional.empty(), Optional.of(activations));
    }

    public static CodeStatistics ofWeights(CodeHistogram weights) {
        return new CodeStatistics(Optional.of(weights), Optional.empty());
    }
}
