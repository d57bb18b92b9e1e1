package org.bitsweep.sim.gpu;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole trace on one GPU: its layers one after another.
 *
 * @param kernel           the kernel asked for, or {@code auto} when each GEMM ran its formats' default
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
                           double separateSeconds) implements GpuTimedResult {
    public GpuRunResult {
        layers = List.copyOf(layers);
    }

    /** Multiply-accumulates of one run: every layer's GEMMs. */
    public long macs() {
        long macs = 0;
        for (GpuLayerResult l : layers)
            macs = Math.addExact(macs, Math.multiplyExact(l.shape().macs(), l.count()));
        return macs;
    }

    /** The kernels that ran, each once, in the order the layers first used them, e.g. {@code weight-only+dense-mma}. */
    public String kernelsRun() {
        Set<String> ids = new LinkedHashSet<>();
        layers.forEach(l -> ids.add(l.kernel()));
        return String.join("+", ids);
    }

    /** The columns a result row carries ({@link GpuColumns#NAMES}). */
    public Map<String, Object> columns() {
        return GpuColumns.of(this);
    }
}
