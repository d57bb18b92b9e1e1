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
}
