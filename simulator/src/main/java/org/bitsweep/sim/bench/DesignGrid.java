package org.bitsweep.sim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeCatalog;
import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.Accelerator;
import org.bitsweep.sim.Objective;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sim.memory.Buffers;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;

/**
 * A fixed grid of accelerator configurations over one workload, what the throughput benchmarks (JMH's and
 * {@code bitsweep bench}) evaluate: arrays 8 to 128 on a side, three dataflows, three buffer sizes, three DRAM
 * bandwidths, two clocks, two nodes, int4 (group 128) and int8 weights with int8 activations, 5,400 points. As in a
 * sweep, each point builds its PE and accelerator and runs the whole trace; the traces are made once per weight
 * format and the cost models once per node, as the sweeps' evaluator caches them.
 */
public final class DesignGrid {
    /** One configuration of the grid. */
    public record Point(int rows, int cols, Dataflow dataflow, int bufferKib, double dramGbps, double clockMhz,
                        String node, int weightBits) {
    }

    private static final int[] SIDES = {8, 16, 32, 64, 128};
    private static final int[] BUFFER_KIB = {64, 256, 1024};
    private static final double[] DRAM_GBPS = {16, 64, 256};
    private static final double[] CLOCK_MHZ = {500, 1000};
    private static final String[] NODES = {"45nm", "7nm"};
    private static final int[] WEIGHT_BITS = {4, 8};

    private final Workload workload;
    private final List<Point> points = new ArrayList<>();
    private final Map<Integer, Trace> traces = new ConcurrentHashMap<>();
    private final Map<String, AsicCostModel> costs = new ConcurrentHashMap<>();

    public DesignGrid(String workload) {
        this.workload = ModelZoo.bundled().workload(workload);
        for (int rows : SIDES)
            for (int cols : SIDES)
                for (Dataflow df : Dataflow.all())
                    for (int kib : BUFFER_KIB)
                        for (double gbps : DRAM_GBPS)
                            for (double mhz : CLOCK_MHZ)
                                for (String node : NODES)
                                    for (int bits : WEIGHT_BITS)
                                        points.add(new Point(rows, cols, df, kib, gbps, mhz, node, bits));
    }

    public String workload() {
        return workload.name();
    }

    public int size() {
        return points.size();
    }

    public Point point(int index) {
        return points.get(index);
    }

    /** The trace for weights of this many bits: int4 in groups of 128 with FP16 scales, or int8 per tensor. */
    public Trace trace(int weightBits) {
        return traces.computeIfAbsent(weightBits, bits -> Trace.uniform(workload,
                OperandFormats.of(IntFormat.signed(bits), IntFormat.signed(8)),
                bits == 4 ? Granularity.group(128) : Granularity.parse("tensor")));
    }

    /** Builds the point's PE and accelerator, as a sweep does. */
    public Accelerator accelerator(Point p) {
        AsicCostModel cost = costs.computeIfAbsent(p.node(), AsicCostModel::at);
        return new Accelerator(PeCatalog.create("int-mac", new PeParams(32, Overflow.WRAP)),
                new SystolicArray(p.rows(), p.cols()), p.dataflow(), Buffers.each(p.bufferKib() * 1024L),
                Dram.priced(p.dramGbps(), cost), p.clockMhz(), cost, Accelerator.DEFAULT_PARTIAL_SUM_BITS,
                Timing.BITSWEEP, Objective.CYCLES);
    }

    public SimResult evaluate(int index) {
        Point p = points.get(index);
        return Simulator.run(accelerator(p), trace(p.weightBits()).layers());
    }
}
