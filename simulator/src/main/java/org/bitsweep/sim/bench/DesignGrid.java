package org.bitsweep.sim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.accelerator.Objective;
import org.bitsweep.sim.spec.DataflowChoice;
import org.bitsweep.sim.spec.KnobValues;
import org.bitsweep.sim.spec.PeArraySpec;
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

    public DesignGrid(String workload) {
        this.workload = ModelZoo.bundled().workload(workload);
        for (int rows : SIDES)
            for (int cols : SIDES)
                for (Dataflow df : List.of(Dataflow.OS, Dataflow.WS, Dataflow.IS))
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

    /**
     * The point's target as a sweep describes it: an int-mac array with a 32-bit accumulator mapped for the fewest
     * cycles (what the grid has always used, so figures stay comparable), every knob not set here at its default.
     */
    public PeArraySpec spec(Point p) {
        return PeArraySpec.from(new KnobValues().put(PeArraySpec.PE, "int-mac")
                .put(PeArraySpec.ARRAY_KNOB, new SystolicArray(p.rows(), p.cols()))
                .put(PeArraySpec.DATAFLOW, DataflowChoice.of(p.dataflow())).put(PeArraySpec.BUFFER_KIB, p.bufferKib())
                .put(PeArraySpec.OBJECTIVE, Objective.CYCLES).put(PeArraySpec.ACCUMULATOR_BITS, java.util.OptionalInt.of(32))
                .put(PeArraySpec.DRAM_GBPS, java.util.OptionalDouble.of(p.dramGbps())).put(PeArraySpec.CLOCK_MHZ, p.clockMhz())
                .put(PeArraySpec.NODE, p.node()));
    }

    /** Builds the point's PE and accelerator, as a sweep does: through its {@link PeArraySpec}. */
    public Accelerator accelerator(Point p) {
        return spec(p).accelerator(trace(p.weightBits()).layers());
    }

    public SimResult evaluate(int index) {
        Point p = points.get(index);
        return Simulator.run(accelerator(p), trace(p.weightBits()).layers());
    }
}
