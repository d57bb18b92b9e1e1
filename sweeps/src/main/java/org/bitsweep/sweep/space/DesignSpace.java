package org.bitsweep.sweep.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.bitsweep.pe.Overflow;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sweep.file.Axis;
import org.bitsweep.sweep.file.Constraint;
import org.bitsweep.sweep.file.Derived;
import org.bitsweep.sweep.file.SweepFile;
import org.bitsweep.sweep.file.SweepFileReader.WorkloadChoice;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;

/**
 * The product of a sweep file's axes, enumerated lazily: point i is decoded from i in mixed radix, so the space is
 * never held as a list and its size is bounded only by time. Zipped axes form one digit and vary together. Axes keep
 * the file's fixed order with the last varying fastest; the workload and weight format vary slowest, so points
 * sharing a quantization come together.
 */
public final class DesignSpace {
    private final SweepFile sweep;
    /** One digit per group of axes that vary together; each entry holds indices into sweep.axes(). */
    private final List<int[]> digits = new ArrayList<>();
    private final int[] radix;
    private final long size;
    private final Map<String, Integer> axisIndex = new HashMap<>();
    private final List<Constraint> parameterConstraints;
    private final List<Derived> parameterDerived;

    public DesignSpace(SweepFile sweep) {
        this.sweep = sweep;
        List<Axis> axes = sweep.axes();
        for (int i = 0; i < axes.size(); i++)
            axisIndex.put(axes.get(i).key(), i);
        boolean[] placed = new boolean[axes.size()];
        for (int i = 0; i < axes.size(); i++) {
            if (placed[i])
                continue;
            String key = axes.get(i).key();
            List<String> group = sweep.zip().stream().filter(z -> z.contains(key)).findFirst().orElse(List.of(key));
            int[] members = group.stream().mapToInt(axisIndex::get).toArray();
            for (int m : members)
                placed[m] = true;
            digits.add(members);
        }
        radix = digits.stream().mapToInt(d -> axes.get(d[0]).values().size()).toArray();
        long n = 1;
        for (int r : radix)
            n = Math.multiplyExact(n, r);
        size = n;
        parameterConstraints = sweep.constraints().stream().filter(c -> !c.fromMetrics()).toList();
        parameterDerived = sweep.derived().stream().filter(d -> !d.fromMetrics()).toList();
    }

    public long size() {
        return size;
    }

    public SweepFile sweep() {
        return sweep;
    }

    public DesignPoint point(long id) {
        if (id < 0 || id >= size)
            throw new IndexOutOfBoundsException("point " + id + " of " + size);
        int[] valueIndex = new int[sweep.axes().size()];
        long rest = id;
        for (int d = digits.size() - 1; d >= 0; d--) {
            int digit = (int) (rest % radix[d]);
            rest /= radix[d];
            for (int axis : digits.get(d))
                valueIndex[axis] = digit;
        }
        OutputStationaryArray array = has("target.array") ? (OutputStationaryArray) value("target.array", valueIndex)
                : new OutputStationaryArray((Integer) value("target.rows", valueIndex), (Integer) value("target.cols", valueIndex));
        return new DesignPoint(id, (WorkloadChoice) value("workload", valueIndex),
                (NumberFormat) value("quantization.weights", valueIndex),
                (NumberFormat) value("quantization.activations", valueIndex),
                (Granularity) value("quantization.granularity", valueIndex), (String) value("target.pe", valueIndex),
                array, (Dataflow) value("target.dataflow", valueIndex),
                (Integer) value("target.accumulator_bits", valueIndex),
                (Overflow) value("target.overflow", valueIndex), (Integer) value("target.buffer_kib", valueIndex),
                (Double) value("target.clock_mhz", valueIndex), (Double) value("target.dram_gbps", valueIndex),
                (Timing) value("target.timing", valueIndex), (String) value("target.node", valueIndex));
    }

    private boolean has(String key) {
        return axisIndex.containsKey(key);
    }

    private Object value(String key, int[] valueIndex) {
        int a = axisIndex.get(key);
        return sweep.axes().get(a).values().get(valueIndex[a]);
    }

    /** A numeric parameter or a derived column computed from parameters alone. */
    public double parameter(DesignPoint p, String name) {
        double v = p.parameter(name);
        if (!Double.isNaN(v))
            return v;
        for (Derived d : parameterDerived)
            if (d.name().equals(name))
                return d.expression().eval(n -> parameter(p, n));
        return Double.NaN;
    }

    public boolean meetsParameterConstraints(DesignPoint p) {
        for (Constraint c : parameterConstraints)
            if (!c.expression().test(n -> parameter(p, n)))
                return false;
        return true;
    }

    /** The points from {@code fromId} on that meet the parameter-only constraints, in id order, made on demand. */
    public Iterator<DesignPoint> points(long fromId) {
        return new Iterator<>() {
            private long next = fromId;
            private DesignPoint ready = advance();

            private DesignPoint advance() {
                while (next < size) {
                    DesignPoint p = point(next++);
                    if (meetsParameterConstraints(p))
                        return p;
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return ready != null;
            }

            @Override
            public DesignPoint next() {
                if (ready == null)
                    throw new NoSuchElementException();
                DesignPoint p = ready;
                ready = advance();
                return p;
            }
        };
    }
}
