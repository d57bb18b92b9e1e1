package org.bitsweep.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.CodeStatistics;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A trace's layers grouped by what sets their cost: shape, formats, bits per element, code statistics and weight
 * group size. Every layer of a group costs what one GEMM of the group costs, times its count, so a run simulates one
 * GEMM per group (LLaMA-2-7B decode: 289 layers, 6 groups). A sweep runs thousands of accelerators over one cached trace, so the
 * plan of an unmodifiable layer list is remembered by identity.
 */
final class TracePlan {
    private record LayerKey(GemmShape shape, OperandFormats formats, double weightBits, double activationBits,
                            CodeStatistics statistics, int weightGroupSize, CodeStatistics activationStatistics) {
    }

    private record Identity(List<LayerTrace> layers) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.layers == layers;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(layers);
        }
    }

    private static final int REMEMBERED = 256;
    static final int BUILDS_KEPT = 1024;
    private static final Map<Identity, TracePlan> PLANS = new ConcurrentHashMap<>();

    final List<LayerTrace> layers;
    /** The group of each layer. */
    final int[] group;
    /** The first layer of each group, which stands for it. */
    final LayerTrace[] representative;
    /** The GEMMs of each group: its layers' counts, summed. */
    final long[] gemms;
    /** Each pair of operand formats the trace uses, with the first layer that uses it. */
    final Map<OperandFormats, LayerTrace> formats;
    /**
     * The PE inventories and dequantizers built for this trace, per PE, node and attention unit (PEs from the catalog
     * are shared instances, so a sweep's points hit; past {@link #BUILDS_KEPT} the map starts again).
     */
    final Map<Simulator.BuildKey, Simulator.Built> builds = new ConcurrentHashMap<>();

    private TracePlan(List<LayerTrace> layers) {
        this.layers = layers;
        this.group = new int[layers.size()];
        Map<LayerKey, Integer> groups = new HashMap<>();
        List<LayerTrace> firsts = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        this.formats = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerTrace t = layers.get(i);
            formats.putIfAbsent(t.formats(), t);
            LayerKey key = new LayerKey(t.layer().shape(), t.formats(), t.weightBitsPerElement(),
                    t.activationBitsPerElement(), t.weightStatistics(), t.weightGroupSize(), t.activationStatistics());
            Integer g = groups.get(key);
            if (g == null) {
                g = firsts.size();
                groups.put(key, g);
                firsts.add(t);
                counts.add(0L);
            }
            group[i] = g;
            counts.set(g, Math.addExact(counts.get(g), t.layer().count()));
        }
        this.representative = firsts.toArray(LayerTrace[]::new);
        this.gemms = counts.stream().mapToLong(Long::longValue).toArray();
    }

    static TracePlan of(List<LayerTrace> layers) {
        // Only an unmodifiable list can be remembered by identity: List.copyOf returns those as they are.
        if (List.copyOf(layers) != layers)
            return new TracePlan(List.copyOf(layers));
        Identity key = new Identity(layers);
        TracePlan plan = PLANS.get(key);
        if (plan == null) {
            if (PLANS.size() >= REMEMBERED)
                PLANS.clear();
            plan = new TracePlan(layers);
            PLANS.put(key, plan);
        }
        return plan;
    }

    int groups() {
        return representative.length;
    }
}
