package org.bitsweep.sim.gpu;

import java.util.List;
import java.util.Map;

/**
 * A whole trace on one GPU: its layers one after another.
 *
 * @param times            each resource's seconds alone, summed over every launch of every layer
 * @param seconds          the layers' times, summed
 * @param bound            the resource that sets the largest share of {@code seconds}
 * @param cycles           {@code seconds} at the GPU's boost clock, rounded up
 * @param energyPj         board power × seconds: an estimate
 * @param separateSeconds  work the kernels' published timings leave out (ABQ-LLM's activation packing), summed; not
 *                         part of {@code seconds}
 */
public record GpuRunResult(String gpu, String kernel, List<GpuLayerResult> layers, ResourceTimes times,
                           double seconds, GpuResource bound, long cycles, double energyPj, double dramBytes,
                           double separateSeconds) {
    public GpuRunResult {
        layers = List.copyOf(layers);
    }

    public boolean energyIsEstimate() {
        return true;
    }

    /** The columns a result row carries: cycles, seconds, bound, energy_pj and each resource's seconds. */
    public Map<String, Object> columns() {
        return GpuColumns.of(cycles, seconds, bound, energyPj, times);
    }
}
