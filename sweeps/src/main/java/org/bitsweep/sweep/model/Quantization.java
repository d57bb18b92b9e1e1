package org.bitsweep.sweep.model;

import java.util.Objects;

import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A point's quantization: the weight and activation formats, the weights' granularity and the KV cache's format,
 * resolved.
 */
public record Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity,
                           NumberFormat kvCache) {
    public Quantization {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(kvCache, "kv cache");
    }

    /** The KV cache in the activation format. */
    public Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity) {
        this(weights, activations, granularity, activations);
    }

    /** What attention multiplies: the KV cache (as the B operand) by activations. */
    public OperandFormats attentionFormats() {
        return OperandFormats.of(kvCache, activations);
    }

    public OperandFormats formats() {
        return OperandFormats.of(weights, activations);
    }

    /** The group size, or 0 when the weights are not grouped. */
    public int groupSize() {
        return granularity instanceof Granularity.PerGroup g ? g.size() : 0;
    }
}
