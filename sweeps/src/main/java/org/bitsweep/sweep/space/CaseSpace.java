package org.bitsweep.sweep.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.KnobValues;
import org.bitsweep.sim.spec.TargetKinds;
import org.bitsweep.sim.spec.TargetSpec;
import org.bitsweep.sweep.model.AllocateChoice;
import org.bitsweep.sweep.model.Axis;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.model.GranularityChoice;
import org.bitsweep.sweep.model.KvCacheChoice;
import org.bitsweep.sweep.model.LayerFormats;
import org.bitsweep.sweep.model.LayerSelection;
import org.bitsweep.sweep.model.LayerWeights;
import org.bitsweep.sweep.model.Quantization;
import org.bitsweep.sweep.model.SweepCase;
import org.bitsweep.sweep.model.SweepKnobs;
import org.bitsweep.sweep.model.WorkloadChoice;
import org.bitsweep.sweep.model.WorkloadRun;
import org.bitsweep.workloads.format.NumberFormat;

/**
 * The points of one case, enumerated lazily: point i is decoded from i in mixed radix, one digit per group of axes
 * that vary together (a zip group, or one axis), the last axis varying fastest. Each point is built typed: the
 * workload, the quantization, and the target spec its kind builds from the knobs' values.
 */
final class CaseSpace {
    final SweepCase sweepCase;
    /** One digit per group of axes that vary together; each entry holds indices into the case's axes. */
    final List<int[]> digits = new ArrayList<>();
    final int[] radix;
    final long size;
    private final Map<String, Integer> axisIndex = new HashMap<>();
    private final Axis<WorkloadChoice> workload;
    private final Axis<Integer> batch;
    private final Axis<LayerSelection> layerSelection;
    private final Axis<NumberFormat> weights;
    private final Axis<NumberFormat> activations;
    private final Axis<GranularityChoice> granularity;
    private final Axis<KvCacheChoice> kvCache;
    /** Absent unless the case sets them. */
    private final Axis<LayerFormats> layerFormats;
    private final Axis<AllocateChoice> allocate;
    private final Axis<String> activationStatistics;
    /** Batching and filtering a workload builds its layers anew; each (workload, batch, selection) is built once. */
    private final Map<RunKey, WorkloadRun> runs = new ConcurrentHashMap<>();
    private final List<Axis<?>> targetAxes = new ArrayList<>();
    private final TargetKinds.Kind kind;

    CaseSpace(SweepCase c) {
        this.sweepCase = c;
        List<Axis<?>> axes = c.axes();
        for (int i = 0; i < axes.size(); i++)
            axisIndex.put(axes.get(i).key(), i);
        boolean[] placed = new boolean[axes.size()];
        for (int i = 0; i < axes.size(); i++) {
            if (placed[i])
                continue;
            String key = axes.get(i).key();
            List<String> group = c.zip().stream().filter(z -> z.contains(key)).findFirst().orElse(List.of(key));
            int[] members = group.stream().mapToInt(axisIndex::get).toArray();
            for (int m : members)
                placed[m] = true;
            digits.add(members);
        }
        radix = digits.stream().mapToInt(d -> axes.get(d[0]).size()).toArray();
        long n = 1;
        for (int r : radix)
            n = Math.multiplyExact(n, r);
        size = n;
        workload = c.requireAxis("workload").as(WorkloadChoice.class);
        batch = c.requireAxis("workload.batch").as(Integer.class);
        layerSelection = c.requireAxis("workload.layers").as(LayerSelection.class);
        weights = c.requireAxis("quantization.weights").as(NumberFormat.class);
        activations = c.requireAxis("quantization.activations").as(NumberFormat.class);
        granularity = c.requireAxis("quantization.granularity").as(GranularityChoice.class);
        kvCache = c.requireAxis("quantization.kv_cache").as(KvCacheChoice.class);
        layerFormats = c.axis("quantization.layers").map(a -> a.as(LayerFormats.class)).orElse(null);
        allocate = c.axis(SweepKnobs.ALLOCATE_KEY).map(a -> a.as(AllocateChoice.class)).orElse(null);
        activationStatistics = c.requireAxis("quantization.activation_statistics").as(String.class);
        for (Axis<?> a : axes)
            if (a.key().startsWith("target."))
                targetAxes.add(a);
        kind = TargetKinds.of(c.targetKind());
    }

    /** The value index of every axis at local point {@code local}. */
    int[] valueIndex(long local) {
        int[] valueIndex = new int[sweepCase.axes().size()];
        long rest = local;
        for (int d = digits.size() - 1; d >= 0; d--) {
            int digit = (int) (rest % radix[d]);
            rest /= radix[d];
            for (int axis : digits.get(d))
                valueIndex[axis] = digit;
        }
        return valueIndex;
    }

    /** The local index of the point whose digits are these (the inverse of {@link #valueIndex}). */
    long local(int[] digitValues) {
        long id = 0;
        for (int d = 0; d < digits.size(); d++)
            id = id * radix[d] + digitValues[d];
        return id;
    }

    private record RunKey(WorkloadChoice workload, int batch, LayerSelection layers) {
    }

    DesignPoint point(long id, int[] valueIndex) {
        NumberFormat w = value(weights, valueIndex);
        NumberFormat a = value(activations, valueIndex);
        GranularityChoice g = value(granularity, valueIndex);
        Quantization q = new Quantization(w, a, g.resolve(w), value(kvCache, valueIndex).resolve(a),
                layerFormats == null ? LayerWeights.NONE : value(layerFormats, valueIndex).resolve(g),
                allocate == null ? Optional.empty() : Optional.of(value(allocate, valueIndex).resolve(g)),
                value(activationStatistics, valueIndex));
        KnobValues knobs = new KnobValues();
        for (Axis<?> t : targetAxes)
            put(knobs, t, valueIndex[axisIndex.get(t.key())]);
        TargetSpec target = kind.factory().apply(knobs);
        RunKey key = new RunKey(value(workload, valueIndex), value(batch, valueIndex), value(layerSelection, valueIndex));
        WorkloadRun run = runs.computeIfAbsent(key, k -> WorkloadRun.of(k.workload(), k.batch(), k.layers()));
        return new DesignPoint(id, sweepCase.index(), run, q, target);
    }

    private static <T> void put(KnobValues knobs, Axis<T> a, int index) {
        Knob<T> k = a.knob();
        knobs.put(k, a.value(index));
    }

    private <T> T value(Axis<T> a, int[] valueIndex) {
        return a.value(valueIndex[axisIndex.get(a.key())]);
    }

    /** The digit holding an axis, or -1 when the case has no such axis. */
    int digitOf(String key) {
        Integer a = axisIndex.get(key);
        if (a == null)
            return -1;
        for (int d = 0; d < digits.size(); d++)
            for (int m : digits.get(d))
                if (m == a)
                    return d;
        throw new IllegalStateException("axis " + key + " in no digit");
    }
}
