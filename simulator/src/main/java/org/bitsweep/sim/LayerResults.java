package org.bitsweep.sim;

import java.util.AbstractList;
import java.util.RandomAccess;

import org.bitsweep.workloads.trace.LayerTrace;

/**
 * The per-layer results of a run, made when read: each layer is its group's one-GEMM result times its count. A
 * sweep that reads only the totals never builds them.
 */
final class LayerResults extends AbstractList<LayerResult> implements RandomAccess {
    private final TracePlan plan;
    private final LayerResult[] perGemm;

    LayerResults(TracePlan plan, LayerResult[] perGemm) {
        this.plan = plan;
        this.perGemm = perGemm;
    }

    @Override
    public LayerResult get(int index) {
        LayerTrace t = plan.layers.get(index);
        LayerResult once = perGemm[plan.group[index]];
        long count = t.layer().count();
        return new LayerResult(t.layer().name(), once.shape(), count, Math.multiplyExact(once.cycles(), count),
                Math.multiplyExact(once.computeCycles(), count), Math.multiplyExact(once.memoryCycles(), count),
                Math.multiplyExact(once.macs(), count), count == 1 ? once.energy() : once.energy().times(count),
                once.utilization(), once.bound(), Math.multiplyExact(once.dramBytes(), count), once.mapping(),
                once.unit());
    }

    @Override
    public int size() {
        return plan.layers.size();
    }
}
