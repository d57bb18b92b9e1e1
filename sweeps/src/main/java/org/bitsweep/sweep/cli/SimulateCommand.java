package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.PeCatalog;
import org.bitsweep.sim.Accelerator;
import org.bitsweep.sim.LayerResult;
import org.bitsweep.sim.Objective;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sim.mapping.Mapping;
import org.bitsweep.sim.memory.Buffer;
import org.bitsweep.sim.memory.Buffers;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.model.Phase;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate one design point: a PE array with a dataflow, buffers and DRAM running a workload, "
                + "quantized; cycles, time, energy and area, per layer and in total.",
                "Example: bitsweep simulate --pe int-mac --array 32x32 --dataflow os --workload llama-2-7b:decode "
                        + "--weights int4:group:128 --activations int8 --json"})
final class SimulateCommand implements Callable<Integer> {
    private static final Pattern GEMM = Pattern.compile("gemm:(\\d+)x(\\d+)x(\\d+)");

    @Spec
    CommandSpec spec;

    @Option(names = "--pe", required = true, paramLabel = "NAME", description = "PE id; list them with: bitsweep pes")
    String pe;

    @Option(names = "--array", required = true, paramLabel = "RxC", description = "PE rows x columns, e.g. 32x32")
    String array;

    @Option(names = "--dataflow", required = true, paramLabel = "DF",
            description = "os (output stationary), ws (weight stationary) or is (input stationary)")
    String dataflow;

    @Option(names = "--workload", required = true, paramLabel = "NAME",
            description = "a zoo workload (bitsweep workloads), e.g. llama-2-7b:decode, llama-2-7b:prefill:2048, "
                    + "resnet-50; or one GEMM, gemm:MxNxK (M activation rows, N outputs, K the reduction)")
    String workload;

    @Option(names = "--weights", required = true, paramLabel = "F[:GRANULARITY]",
            description = "weight format, optionally with its granularity, e.g. int4:group:128 (default granularity: "
                    + "tensor; group:32 for MX formats)")
    String weights;

    @Option(names = "--activations", required = true, paramLabel = "F",
            description = "activation format, also the KV cache's in attention, e.g. int8")
    String activations;

    @Option(names = "--buffer-kib", defaultValue = "256", paramLabel = "N",
            description = "size of each of the three buffers (weights, activations, outputs) (default: ${DEFAULT-VALUE})")
    long bufferKib;

    @Option(names = "--buffer-banks", defaultValue = "1", paramLabel = "N",
            description = "banks per buffer; an access is priced at one bank's size (default: ${DEFAULT-VALUE})")
    int bufferBanks;

    @Option(names = "--buffer-bytes-per-cycle", paramLabel = "X",
            description = "what each buffer can move per cycle (default: as much as the array asks)")
    Double bufferBytesPerCycle;

    @Option(names = "--dram-gbps", defaultValue = "64", paramLabel = "X",
            description = "DRAM bandwidth in GB/s (default: ${DEFAULT-VALUE})")
    double dramGbps;

    @Option(names = "--dram-pj-per-bit", paramLabel = "X",
            description = "DRAM energy per bit (default: the cost model's, Horowitz ISSCC 2014)")
    Double dramPjPerBit;

    @Option(names = "--clock-mhz", defaultValue = "1000", paramLabel = "F", description = "clock (default: ${DEFAULT-VALUE})")
    double clockMhz;

    @Option(names = "--node", defaultValue = "45nm", paramLabel = "N", description = "ASIC node (default: ${DEFAULT-VALUE})")
    String node;

    @Mixin
    PeKnobs peKnobs;

    @Option(names = "--partial-sum-bits", defaultValue = "32", paramLabel = "N",
            description = "width of partial sums kept in the output buffer or spilled to DRAM (default: ${DEFAULT-VALUE})")
    int partialSumBits;

    @Option(names = "--timing", defaultValue = "bitsweep", paramLabel = "T",
            description = "compute timing: bitsweep (fill, stream and drain of every fold) or scalesim (SCALE-Sim "
                    + "v2.0.2's stall-free total; docs/simulator.md) (default: ${DEFAULT-VALUE})")
    String timing;

    @Option(names = "--objective", defaultValue = "cycles", paramLabel = "O",
            description = "what the mapper minimises per layer: cycles or energy (default: ${DEFAULT-VALUE})")
    String objective;

    @Option(names = "--json", description = "print one JSON object, with every layer")
    boolean json;

    @Override
    public Integer call() {
        Accelerator acc = accelerator();
        Trace trace = trace();
        SimResult r = Simulator.run(acc, trace.layers());
        Map<String, Object> out = report(acc, trace, r);
        PrintWriter w = spec.commandLine().getOut();
        if (json)
            w.println(Json.write(out));
        else
            printTable(w, acc, trace, r);
        return 0;
    }

    Accelerator accelerator() {
        SystolicArray shape = SystolicArray.parse("--array", array);
        Dataflow df = Dataflow.parse("--dataflow", dataflow);
        if (!AsicCostModel.nodes().contains(node))
            throw new UserInputException("--node: unknown node \"%s\"; valid: %s".formatted(node,
                    String.join(", ", AsicCostModel.nodes())));
        AsicCostModel cost = AsicCostModel.at(node);
        positive("--buffer-kib", bufferKib);
        positive("--buffer-banks", bufferBanks);
        long bytes = Math.multiplyExact(bufferKib, 1024L);
        if (bufferBanks > bytes)
            throw new UserInputException("--buffer-banks: %d banks in %d bytes; at most one bank per byte"
                    .formatted(bufferBanks, bytes));
        double perCycle = bufferBytesPerCycle == null ? Double.POSITIVE_INFINITY
                : finitePositive("--buffer-bytes-per-cycle", bufferBytesPerCycle);
        Buffer b = new Buffer(bytes, bufferBanks, perCycle);
        finitePositive("--dram-gbps", dramGbps);
        finitePositive("--clock-mhz", clockMhz);
        Dram dram = dramPjPerBit == null ? Dram.priced(dramGbps, cost)
                : new Dram(dramGbps, finitePositive("--dram-pj-per-bit", dramPjPerBit), "given with --dram-pj-per-bit");
        if (partialSumBits < 1 || partialSumBits > 64)
            throw new UserInputException("--partial-sum-bits: %d; valid: 1 to 64".formatted(partialSumBits));
        return new Accelerator(PeCatalog.create(pe, peKnobs.params()), shape, df, new Buffers(b, b, b),
                dram, clockMhz, cost, partialSumBits, Timing.parse("--timing", timing),
                Objective.parse("--objective", objective));
    }

    Trace trace() {
        int colon = weights.indexOf(':');
        NumberFormat w = Formats.parse(colon < 0 ? weights : weights.substring(0, colon));
        Granularity g = colon >= 0 ? Granularity.parse(weights.substring(colon + 1))
                : w instanceof MxFormat mx ? Granularity.group(mx.blockSize()) : Granularity.parse("tensor");
        NumberFormat a = Formats.parse(activations);
        return Trace.uniform(workload(), OperandFormats.of(w, a), g);
    }

    private Workload workload() {
        String spec = workload.trim();
        if (!spec.startsWith("gemm:"))
            return ModelZoo.bundled().workload(spec);
        Matcher m = GEMM.matcher(spec);
        if (!m.matches())
            throw new UserInputException("--workload: \"%s\" is not gemm:MxNxK with M, N, K positive integers, "
                    + "e.g. gemm:1x4096x4096".formatted(workload));
        long[] dims = new long[3];
        for (int i = 0; i < 3; i++) {
            try {
                dims[i] = Long.parseLong(m.group(i + 1));
            } catch (NumberFormatException e) {
                dims[i] = 0;
            }
            if (dims[i] < 1 || dims[i] > Integer.MAX_VALUE)
                throw new UserInputException("--workload: \"%s\": M, N and K must each be in [1, %d]"
                        .formatted(workload, Integer.MAX_VALUE));
        }
        return new Workload(spec, Phase.INFERENCE, 1, 1, List.of(new Layer("gemm", new GemmShape(dims[0], dims[1],
                dims[2]))));
    }

    private static void positive(String option, long value) {
        if (value < 1)
            throw new UserInputException("%s: must be >= 1, got %d".formatted(option, value));
    }

    private static double finitePositive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value))
            throw new UserInputException("%s: must be a finite number > 0, got %s".formatted(option, value));
        return value;
    }

    private Map<String, Object> report(Accelerator acc, Trace trace, SimResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", trace.workload().name());
        m.put("pe", acc.pe().id());
        m.put("array", acc.array().toString());
        m.put("dataflow", acc.dataflow().id());
        m.put("weights", weights);
        m.put("activations", activations);
        m.put("buffer_kib", bufferKib);
        m.put("dram_gbps", acc.dram().gbps());
        m.put("clock_mhz", acc.clockMhz());
        m.put("node", acc.cost().node());
        m.put("timing", acc.timing().id());
        m.put("objective", acc.objective().id());
        m.put("cycles", r.cycles());
        m.put("compute_cycles", r.computeCycles());
        m.put("memory_cycles", r.memoryCycles());
        m.put("stall_cycles", r.cycles() - r.computeCycles());
        m.put("seconds", r.seconds());
        m.put("energy_pj", r.energy().totalPj());
        m.put("breakdown", r.energy().entries());
        m.put("area_um2", r.areaUm2());
        m.put("area_breakdown", r.area().entries());
        m.put("area_not_priced", r.area().notPriced());
        m.put("utilization", r.utilization());
        m.put("bound", r.bound().id());
        m.put("macs", r.macs());
        m.put("dram_bytes", r.dramBytes());
        m.put("sources", r.sources());
        List<Map<String, Object>> layers = new ArrayList<>(r.layers().size());
        for (LayerResult l : r.layers())
            layers.add(layer(acc, r, l));
        m.put("layers", layers);
        return m;
    }

    private static Map<String, Object> layer(Accelerator acc, SimResult r, LayerResult l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("gemm", l.shape().toString());
        m.put("count", l.count());
        m.put("cycles", l.cycles());
        m.put("compute_cycles", l.computeCycles());
        m.put("memory_cycles", l.memoryCycles());
        m.put("stall_cycles", l.cycles() - l.computeCycles());
        m.put("seconds", l.cycles() / (acc.clockMhz() * 1e6));
        m.put("energy_pj", l.energy().totalPj());
        m.put("breakdown", l.energy().entries());
        m.put("area_um2", r.areaUm2());
        m.put("utilization", l.utilization());
        m.put("bound", l.bound().id());
        m.put("macs", l.macs());
        m.put("dram_bytes", l.dramBytes());
        Mapping p = l.mapping();
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("loop_order", p.order().toString());
        mapping.put("tile_m", p.tileM());
        mapping.put("tile_n", p.tileN());
        mapping.put("tile_k", p.tileK());
        mapping.put("steps", p.steps());
        mapping.put("fold_visits", p.visits());
        m.put("mapping", mapping);
        return m;
    }

    private static void printTable(PrintWriter w, Accelerator acc, Trace trace, SimResult r) {
        w.printf(Locale.ROOT, "%s on %s %s, %s, %s timing, %.0f MHz, %s%n", trace.workload().name(), acc.array(),
                acc.dataflow().id(), acc.pe().id(), acc.timing().id(), acc.clockMhz(), acc.cost().node());
        w.printf(Locale.ROOT, "cycles %,d (compute %,d, DRAM alone %,d): %s-bound, %.6g s, utilization %.3f%n",
                r.cycles(), r.computeCycles(), r.memoryCycles(), r.bound().id(), r.seconds(), r.utilization());
        w.printf(Locale.ROOT, "energy %.6g pJ, DRAM traffic %,d B, PE array area %.6g um2 (buffers not priced)%n",
                r.energy().totalPj(), r.dramBytes(), r.areaUm2());
        r.energy().entries().forEach((k, v) -> w.printf(Locale.ROOT, "  %-26s %14.6g%n", k, v));
        w.printf("%-28s %-18s %6s %16s %8s  %s%n", "layer", "gemm (m×n×k)", "count", "cycles", "bound", "mapping");
        for (LayerResult l : r.layers())
            w.printf(Locale.ROOT, "%-28s %-18s %6d %,16d %8s  %s%n", l.name(), l.shape(), l.count(), l.cycles(),
                    l.bound().id(), l.mapping());
    }
}
