package org.bitsweep.workloads.model;

import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * A named list of GEMM layers with the phase, batch and sequence length that produced their shapes.
 *
 * @param sequenceLength tokens processed (prefill), context attended to (decode), or 1 for image models
 */
public record Workload(String name, Phase phase, int batch, int sequenceLength, List<Layer> layers) {
    public Workload {
        Checks.nonBlank("workload name", name);
        Checks.positive("batch", batch);
        Checks.positive("sequence length", sequenceLength);
        layers = List.copyOf(layers);
        if (layers.isEmpty())
            throw new IllegalArgumentException("workload " + name + " has no layers");
    }

    public long macs() {
        return layers.stream().mapToLong(Layer::macs).sum();
    }

    /** Weight elements the layers read (attention reads none). */
    public long weights() {
        return layers.stream().mapToLong(Layer::weights).sum();
    }

    /**
     * Tokens one run processes, what per-token figures divide by: one per sequence in a decode step, every prompt
     * token in a prefill, every token of an encoder's sequences, one per image.
     */
    public long tokens() {
        return phase == Phase.DECODE ? batch : Math.multiplyExact((long) batch, sequenceLength);
    }

    /**
     * This workload over {@code batch} sequences (or images) at once, from a batch-1 workload: weight layers get
     * {@code batch} times the rows of A, attention runs once per sequence.
     */
    public Workload batched(int batch) {
        Checks.positive("batch", batch);
        if (this.batch != 1)
            throw new IllegalStateException("workload " + name + " is already batched (" + this.batch + ")");
        if (batch == 1)
            return this;
        return new Workload(name, phase, batch, sequenceLength, layers.stream().map(l -> l.batched(batch)).toList());
    }

    /** The layers of these classes only, e.g. the linear layers without attention. */
    public Workload only(java.util.Set<LayerClass> classes) {
        List<Layer> kept = layers.stream().filter(l -> classes.contains(l.layerClass())).toList();
        if (kept.isEmpty())
            throw new org.bitsweep.workloads.UserInputException("workload %s has no %s layers".formatted(name,
                    String.join(" or ", classes.stream().map(LayerClass::id).sorted().toList())));
        return new Workload(name, phase, batch, sequenceLength, kept);
    }
}
