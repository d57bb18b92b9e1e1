package org.bitsweep.sweep.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.nn.MeasuredActivations;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;

/**
 * A point's quantization: the weight and activation formats, the weights' granularity and the KV cache's format,
 * resolved; per layer, either weight formats by name pattern ({@code quantization.layers}) or a bit budget the
 * layers' formats are allocated under ({@code quantization.allocate}), never both; and where the activations' code
 * statistics come from.
 *
 * @param layers               per-layer weights by pattern; {@link LayerWeights#NONE} for none
 * @param allocate             the bit budget per-layer formats are chosen under, if any
 * @param activationStatistics {@link SweepKnobs#NO_STATISTICS}, or the shipped model they are measured on
 */
public record Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity,
                           NumberFormat kvCache, LayerWeights layers, Optional<BitBudget> allocate,
                           String activationStatistics) {
    public Quantization {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(kvCache, "kv cache");
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(allocate, "allocate");
        Objects.requireNonNull(activationStatistics, "activation statistics");
        if (!layers.isEmpty() && allocate.isPresent())
            throw new IllegalArgumentException("per-layer formats are given or allocated, not both");
    }

    /** Without activation statistics. */
    public Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity,
                        NumberFormat kvCache, LayerWeights layers, Optional<BitBudget> allocate) {
        this(weights, activations, granularity, kvCache, layers, allocate, SweepKnobs.NO_STATISTICS);
    }

    /** The same weight quantization in every layer, without activation statistics. */
    public Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity,
                        NumberFormat kvCache) {
        this(weights, activations, granularity, kvCache, LayerWeights.NONE, Optional.empty());
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
     * Every pair of formats a linear layer of the point may multiply: the point's own, then each per-layer or
     * candidate format's, each once.
     */
    public List<OperandFormats> linearFormats() {
        List<OperandFormats> out = new ArrayList<>(List.of(formats()));
        List<WeightQuantization> others = new ArrayList<>(layers.byPattern().values());
        allocate.ifPresent(b -> others.addAll(b.candidates().values()));
        for (WeightQuantization w : others) {
            OperandFormats f = OperandFormats.of(w.format(), activations);
            if (!out.contains(f))
                out.add(f);
        }
        return out;
    }

    /**
     * The point's trace: its workload with these formats, and, where asked, the activations' measured code
     * statistics ({@link MeasuredActivations}).
     *
     * @throws org.bitsweep.workloads.UserInputException when the statistics' model cannot run this quantization
     */
    public Trace trace(Workload workload) {
        return trace(workload, weights, granularity);
    }

    /** {@link #trace(Workload)} with other weights in every weight layer (a per-layer choice's). */
    public Trace trace(Workload workload, NumberFormat weights, Granularity granularity) {
        Trace t = Trace.of(workload, OperandFormats.of(weights, activations), kvCache, granularity);
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
