package org.bitsweep.sweep.model;

import java.util.Objects;

import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.nn.MeasuredActivations;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;

/**
 * A point's quantization: the weight and activation formats, the weights' granularity and the KV cache's format,
 * resolved, and where the activations' code statistics come from.
 *
 * @param activationStatistics {@link SweepKnobs#NO_STATISTICS}, or the shipped model they are measured on
 */
public record Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity,
                           NumberFormat kvCache, String activationStatistics) {
    public Quantization {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(kvCache, "kv cache");
        Objects.requireNonNull(activationStatistics, "activation statistics");
    }

    /** Without activation statistics. */
    public Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity,
                        NumberFormat kvCache) {
        this(weights, activations, granularity, kvCache, SweepKnobs.NO_STATISTICS);
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

    /**
     * The point's trace: its workload with these formats, and, where asked, the activations' measured code
     * statistics ({@link MeasuredActivations}).
     *
     * @throws org.bitsweep.workloads.UserInputException when the statistics' model cannot run this quantization
     */
    public Trace trace(Workload workload) {
        Trace t = Trace.of(workload, formats(), kvCache, granularity);
        if (activationStatistics.equals(SweepKnobs.NO_STATISTICS))
            return t;
        return MeasuredActivations.attach(t, activationStatistics, QuantConfig.of(weights, granularity),
                QuantConfig.of(activations, Granularity.TENSOR));
    }

    /** The group size, or 0 when the weights are not grouped. */
    public int groupSize() {
        return granularity instanceof Granularity.PerGroup g ? g.size() : 0;
    }
}
