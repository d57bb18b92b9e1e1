package org.bitsweep.sweep.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A point's quantization: the weight and activation formats, the weights' granularity and the KV cache's format,
 * resolved; and per layer, either weight formats by name pattern ({@code quantization.layers}) or a bit budget the
 * layers' formats are allocated under ({@code quantization.allocate}), never both.
 *
 * @param layers   per-layer weights by pattern; {@link LayerWeights#NONE} for none
 * @param allocate the bit budget per-layer formats are chosen under, if any
 */
public record Quantization(NumberFormat weights, NumberFormat activations, Granularity granularity,
                           NumberFormat kvCache, LayerWeights layers, Optional<BitBudget> allocate) {
    public Quantization {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(kvCache, "kv cache");
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(allocate, "allocate");
        if (!layers.isEmpty() && allocate.isPresent())
            throw new IllegalArgumentException("per-layer formats are given or allocated, not both");
    }

    /** The same weight quantization in every layer. */
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

    /** The group size, or 0 when the weights are not grouped. */
    public int groupSize() {
        return granularity instanceof Granularity.PerGroup g ? g.size() : 0;
    }
}
