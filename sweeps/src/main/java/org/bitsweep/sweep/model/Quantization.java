package org.bitsweep.sweep.model;

import java.util.Objects;

import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;

/** A point's quantization: the weight and activation formats and the weights' granularity, resolved. */
public record Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity) {
    public Quantization {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(granularity, "granularity");
    }

    public OperandFormats formats() {
        return OperandFormats.of(weights, activations);
    }

    /** The group size, or 0 when the weights are not grouped. */
    public int groupSize() {
        return granularity instanceof Granularity.PerGroup g ? g.size() : 0;
    }
}
