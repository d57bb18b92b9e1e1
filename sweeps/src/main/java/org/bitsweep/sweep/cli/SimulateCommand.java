package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.LayerResult;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.fpga.FpgaSimResult;
import org.bitsweep.sim.gpu.GpuRunResult;
import org.bitsweep.sim.mapping.Mapping;
import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.KnobValues;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sim.spec.Raw;
import org.bitsweep.sim.spec.ScaleSimConfig;
import org.bitsweep.sim.spec.TargetKinds;
import org.bitsweep.sim.spec.TargetSpec;
import org.bitsweep.sim.target.TargetResult;
import org.bitsweep.sweep.eval.Evaluator;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.model.GranularityChoice;
import org.bitsweep.sweep.model.PointResult;
import org.bitsweep.sweep.model.LayerWeights;
import org.bitsweep.sweep.model.Quantization;
import org.bitsweep.sweep.model.ResultColumn;
import org.bitsweep.sweep.model.ResultColumns;
import org.bitsweep.sweep.model.SweepKnobs;
import org.bitsweep.sweep.model.WorkloadChoice;
import org.bitsweep.sweep.model.WorkloadRun;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One design point: the options are the knobs a sweep file's {@code workload}, {@code quantization} and
 * {@code target} sections take, one option per key (the same words in kebab-case), added from the knobs' own
 * declarations; the JSON is a results row (the same columns, from {@link ResultColumns}) plus the breakdowns and
 * every layer.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = SimulateCommand.Options.class,
        description = {"Simulate one design point: a workload, quantized, on one target (a PE array with a dataflow, "
                + "buffers and DRAM; a GPU with a kernel; or an FPGA accelerator sized to its device); its results row, "
                + "per layer and in total. Every option but --target and --json is also a sweep-file key "
                + "(docs/sweep-files.md).",
                "Example: bitsweep simulate --pe int-mac --array 32x32 --dataflow os --workload llama-2-7b:decode "
                        + "--weights int4:group:128 --activations int8 --json",
                "Example: bitsweep simulate --target gpu:h100-sxm --kernel qserve-w4a8 --workload llama-2-7b:decode "
                        + "--weights int4 --activations int8",
                "Example: bitsweep simulate --target fpga:xcvc1902 --workload fmnist-cnn --weights e2m1fin "
                        + "--activations e2m1fin --granularity channel:0"})
final class SimulateCommand implements Callable<Integer> {
    /** The workload and quantization knobs, as sweep files' {@code workload} and {@code quantization.*}. */
    static final List<Knob<?>> POINT_KNOBS = List.of(SweepKnobs.WORKLOAD, SweepKnobs.BATCH, SweepKnobs.LAYERS,
            SweepKnobs.WEIGHTS, SweepKnobs.ACTIVATIONS, SweepKnobs.GRANULARITY, SweepKnobs.KV_CACHE,
            SweepKnobs.ACTIVATION_STATISTICS);

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print one JSON object: the results row's columns, the breakdowns and "
            + "every layer")
    boolean json;

    /** The one option that is not a sweep-file key: the kind and the knob that names a target of it, in one word. */
    @Option(names = "--target", paramLabel = "KIND[:NAME]", description = "shorthand for --kind KIND with the knob "
            + "that names one of the kind: pe-array[:PE] (--pe), gpu:GPU (--gpu, e.g. gpu:h100-sxm), fpga:DEVICE "
            + "(--device, e.g. fpga:xcvc1902)")
    String target;

    /** Adds an option for every knob of every target kind and of the workload and quantization. */
    static final class Options implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            KnobOptions.add(spec, POINT_KNOBS);
            KnobOptions.add(spec, List.of(TargetKinds.KIND));
            addShared(spec);
            for (TargetKinds.Kind k : TargetKinds.all())
                KnobOptions.add(spec, k.knobs());
            return spec;
        }

        /**
         * A knob name several kinds share ({@code --clock-mhz}, {@code --dram-gbps}) is one option, each kind
         * reading it with its own knob; its help gives each kind's meaning, values and default, one line each.
         */
        private static void addShared(CommandSpec spec) {
            Map<String, List<String>> lines = new LinkedHashMap<>();
            Map<String, Knob<?>> first = new LinkedHashMap<>();
            for (TargetKinds.Kind kind : TargetKinds.all())
                for (Knob<?> k : kind.knobs()) {
                    first.putIfAbsent(k.name(), k);
                    String help = k.help().startsWith(kind.id() + ": ") ? k.help() : kind.id() + ": " + k.help();
                    lines.computeIfAbsent(k.name(), n -> new ArrayList<>()).add("%s; valid: %s (default: %s)"
                            .formatted(help, k.valid(), k.defaultText()));
                }
            lines.forEach((name, text) -> {
                if (text.size() > 1)
                    spec.addOption(OptionSpec.builder(first.get(name).option()).paramLabel(first.get(name).label())
                            .type(String.class).description(text.toArray(String[]::new)).build());
            });
        }
    }

    /** Every knob this command takes an option for. */
    static List<Knob<?>> knobs() {
        List<Knob<?>> all = new ArrayList<>(POINT_KNOBS);
        all.add(TargetKinds.KIND);
        for (TargetKinds.Kind k : TargetKinds.all())
            all.addAll(k.knobs());
        return all;
    }

    @Override
    public Integer call() {
        DesignPoint point = point();
        // As a sweep checks before it runs: a pair the target refuses names the option to change.
        point.target().unsupported(point.quantization().formats()).ifPresent(u -> {
            throw KnobOptions.inOptionTerms(new UserInputException(u.knob().option() + ": " + u.message()), knobs());
        });
        // And attention, as a sweep checks it (SpaceChecks): where the target puts it, something must run it.
        if (point.workload().workload().layers().stream().anyMatch(l -> l.layerClass().isAttention()))
            point.target().unsupportedAttention(point.quantization().formats(), point.quantization().attentionFormats())
                    .ifPresent(u -> {
                        throw KnobOptions.inOptionTerms(new UserInputException(u.knob().option() + ": "
                                + u.message()), knobs());
                    });
        Trace trace = point.quantization().trace(point.workload().workload());
        TargetResult r;
        try {
            r = point.target().run(trace.layers());
        } catch (UserInputException e) {
            throw KnobOptions.inOptionTerms(e, knobs());
        }
        PointResult result = new PointResult(point, Double.NaN, "", trace.layers().get(0).weightBitsPerElement(),
                Evaluator.meanWeightBits(trace), Optional.empty(), Optional.of(r), Optional.empty(), Map.of(), true,
                "");
        PrintWriter w = spec.commandLine().getOut();
        Map<String, Object> columns = columns(result);
        String workload = point.workload().spec();
        if (json) {
            if (r instanceof SimResult sim)
                details(columns, (PeArraySpec) point.target(), sim);
            else if (r instanceof GpuRunResult gpu)
                GpuRunReport.addJson(columns, gpu);
            else if (r instanceof FpgaSimResult fpga)
                FpgaRunReport.addJson(columns, fpga);
            w.println(Json.write(columns));
        } else if (r instanceof SimResult sim) {
            PeArraySpec pe = (PeArraySpec) point.target();
            printTable(w, pe, pe.accelerator(trace.layers()), trace, sim);
        } else if (r instanceof GpuRunResult gpu) {
            GpuRunReport.print(w, workload, gpu);
        } else if (r instanceof FpgaSimResult fpga) {
            FpgaRunReport.print(w, workload, fpga);
        } else {
            columns.forEach((k, v) -> w.printf(Locale.ROOT, "%-26s %s%n", k, v));
        }
        return 0;
    }

    /** The point the options describe; a mistake names its option. */
    DesignPoint point() {
        String weightsText = required(SweepKnobs.WEIGHTS);
        String granularityText = KnobOptions.given(spec, SweepKnobs.GRANULARITY);
        int colon = weightsText.indexOf(':');
        if (colon >= 0) {
            if (granularityText != null)
                throw new UserInputException("--weights %s already gives a granularity; drop it or --granularity"
                        .formatted(weightsText));
            granularityText = weightsText.substring(colon + 1);
            weightsText = weightsText.substring(0, colon);
        }
        NumberFormat weights = SweepKnobs.WEIGHTS.parseOption(weightsText);
        GranularityChoice g = granularityText == null ? SweepKnobs.GRANULARITY.defaultValue()
                : SweepKnobs.GRANULARITY.parseOption(granularityText);
        NumberFormat activations = SweepKnobs.ACTIVATIONS.parseOption(required(SweepKnobs.ACTIVATIONS));
        WorkloadChoice workload = SweepKnobs.workload(Path.of("")).parseOption(required(SweepKnobs.WORKLOAD));
        WorkloadRun run = WorkloadRun.of(workload, KnobOptions.value(spec, SweepKnobs.BATCH),
                KnobOptions.value(spec, SweepKnobs.LAYERS));
        NumberFormat kv = KnobOptions.value(spec, SweepKnobs.KV_CACHE).resolve(activations);
        return new DesignPoint(0, 0, run, new Quantization(weights, activations, g.resolve(weights), kv,
                LayerWeights.NONE, Optional.empty(), KnobOptions.value(spec, SweepKnobs.ACTIVATION_STATISTICS)), target());
    }

    private String required(Knob<?> k) {
        String text = KnobOptions.given(spec, k);
        if (text == null)
            throw new UserInputException("%s: missing; it is required (%s)".formatted(k.option(), k.valid()));
        return text;
    }

    /**
     * The target: its kind from {@code --target} or {@code --kind}; a SCALE-Sim configuration's settings first, then
     * {@code --target}'s name, then every option given over them.
     */
    private TargetSpec target() {
        TargetKinds.Kind kind = kind();
        for (TargetKinds.Kind other : TargetKinds.all())
            for (Knob<?> k : other.knobs())
                if (kind.knob(k.name()) == null && KnobOptions.given(spec, k) != null)
                    throw new UserInputException("%s is an option of kind %s, not of %s; %s takes: %s".formatted(
                            k.option(), other.id(), kind.id(), kind.id(), String.join(", ",
                                    kind.knobs().stream().map(Knob::option).toList())));
        KnobValues values = new KnobValues();
        String config = KnobOptions.given(spec, PeArraySpec.SCALESIM_CONFIG);
        if (config != null)
            values = ScaleSimConfig.read(Path.of(config));
        String named = targetName();
        if (named != null)
            try {
                values.putParsed(kind.named(), kind.named().parse(Raw.fromOption(named)));
            } catch (UserInputException e) {
                throw new UserInputException("--target: " + e.getMessage(), e);
            }
        for (Knob<?> k : kind.knobs()) {
            String text = KnobOptions.given(spec, k);
            if (text == null || k == PeArraySpec.SCALESIM_CONFIG)
                continue;
            if (named != null && k == kind.named())
                throw new UserInputException("--target %s and %s %s both name the %s; give one".formatted(target,
                        k.option(), text, k.name()));
            values.putParsed(k, k.parseOption(text));
        }
        for (Knob<?> k : kind.knobs())
            if (k.required() && !values.has(k) && !kind.id().equals(PeArraySpec.KIND))
                throw new UserInputException("%s: missing; it is required (%s; or --target %s:%s)".formatted(
                        k.option(), k.valid(), kind.id(), k.label()));
        try {
            return kind.factory().apply(values);
        } catch (UserInputException e) {
            throw KnobOptions.inOptionTerms(e, knobs());
        }
    }

    /** The kind {@code --target} or {@code --kind} names; both may be given if they agree. */
    private TargetKinds.Kind kind() {
        String kindText = KnobOptions.given(spec, TargetKinds.KIND);
        if (target == null)
            return TargetKinds.of(KnobOptions.value(spec, TargetKinds.KIND));
        int colon = target.indexOf(':');
        String id;
        try {
            id = TargetKinds.KIND.parse(colon < 0 ? target : target.substring(0, colon));
        } catch (UserInputException e) {
            throw new UserInputException("--target: %s (KIND or KIND:NAME, e.g. gpu:h100-sxm)".formatted(
                    e.getMessage()), e);
        }
        if (kindText != null && !TargetKinds.KIND.parseOption(kindText).equals(id))
            throw new UserInputException("--target %s and --kind %s disagree; give one".formatted(target, kindText));
        return TargetKinds.of(id);
    }

    /** What follows {@code KIND:} in {@code --target}, or null. */
    private String targetName() {
        int colon = target == null ? -1 : target.indexOf(':');
        if (colon < 0)
            return null;
        String name = target.substring(colon + 1).trim();
        if (name.isEmpty())
            throw new UserInputException("--target %s: nothing after the colon; give KIND or KIND:NAME".formatted(
                    target));
        return name;
    }

    /** The results row's columns for this point, as a sweep would write them (no accuracy: simulate measures none). */
    private static Map<String, Object> columns(PointResult result) {
        ResultColumns columns = ResultColumns.of("weight_sqnr_db", List.of(result.point().target().kind()), List.of());
        Map<String, Object> m = new LinkedHashMap<>();
        for (ResultColumn c : columns.all())
            if (c.kind() != ResultColumn.Kind.ACCURACY && c.kind() != ResultColumn.Kind.ID
                    && !c.name().equals("accuracy_source") && !c.name().equals("feasible") && !c.name().equals("reason"))
                m.put(c.name(), c.value().apply(result));
        return m;
    }

    /** A PE array's breakdowns, sources and layers, after the row's columns. */
    private static void details(Map<String, Object> m, PeArraySpec spec, SimResult r) {
        m.put("breakdown", r.energy().entries());
        m.put("area_breakdown", r.area().entries());
        m.put("area_not_priced", r.area().notPriced());
        m.put("sources", r.sources());
        List<Map<String, Object>> layers = new ArrayList<>(r.layers().size());
        for (LayerResult l : r.layers())
            layers.add(layer(spec.clockMhz(), r, l));
        m.put("layers", layers);
    }

    private static Map<String, Object> layer(double clockMhz, SimResult r, LayerResult l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("gemm", l.shape().toString());
        m.put("count", l.count());
        m.put("cycles", l.cycles());
        m.put("compute_cycles", l.computeCycles());
        m.put("memory_cycles", l.memoryCycles());
        m.put("stall_cycles", l.cycles() - l.computeCycles());
        m.put("seconds", l.cycles() / (clockMhz * 1e6));
        m.put("energy_pj", l.energy().totalPj());
        m.put("breakdown", l.energy().entries());
        m.put("area_um2", r.areaUm2());
        m.put("utilization", l.utilization());
        m.put("bound", l.bound().id());
        m.put("macs", l.macs());
        m.put("dram_bytes", l.dramBytes());
        // What ran the layer: with several dataflows allowed, or an attention unit, the JSON must say which.
        m.put("unit", l.unit());
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

    private static void printTable(PrintWriter w, PeArraySpec spec, Accelerator acc, Trace trace, SimResult r) {
        w.printf(Locale.ROOT, "%s on %s %s (%d-bit accumulator), dataflow %s, objective %s, %s timing, %.0f MHz, %s%n",
                trace.workload().name(), acc.array(), acc.pe().id(), spec.accumulatorBitsOn(trace.layers()),
                spec.dataflow().id(), acc.objective().id(), acc.timing().id(), acc.clockMhz(), acc.cost().node());
        boolean attention = trace.layers().stream().anyMatch(t -> t.layer().layerClass().isAttention());
        w.printf(Locale.ROOT, "attention %s; DRAM %s, %.4g GB/s, %.4g pJ/bit; buffers priced by %s%n",
                !attention ? "(none in this workload)" : acc.attentionUnit().map(u -> "on an " + u.format().id()
                        + " unit of " + u.lanes() + " lanes").orElse("on the PE array"),
                spec.dram(), acc.dram().gbps(), acc.dram().pjPerBit(), acc.sram().id());
        w.printf(Locale.ROOT, "cycles %,d (compute %,d, DRAM alone %,d): %s-bound, %.6g s, utilization %.3f%n",
                r.cycles(), r.computeCycles(), r.memoryCycles(), r.bound().id(), r.seconds(), r.utilization());
        w.printf(Locale.ROOT, "energy %.6g pJ, DRAM traffic %,d B%n", r.energy().totalPj(), r.dramBytes());
        r.energy().entries().forEach((k, v) -> w.printf(Locale.ROOT, "  %-26s %14.6g%n", k, v));
        w.printf(Locale.ROOT, "area %.6g um2%s%n", r.areaUm2(), r.area().buffersPriced() ? ""
                : " (buffers not priced: sram %s has no area; sram: cacti-hp prices them)".formatted(acc.sram().id()));
        r.area().entries().forEach((k, v) -> w.printf(Locale.ROOT, "  %-26s %14.6g%n", k, v));
        w.printf("%-28s %-18s %6s %16s %8s  %-14s %s%n", "layer", "gemm (m×n×k)", "count", "cycles", "bound", "unit",
                "mapping");
        for (LayerResult l : r.layers())
            w.printf(Locale.ROOT, "%-28s %-18s %6d %,16d %8s  %-14s %s%n", l.name(), l.shape(), l.count(), l.cycles(),
                    l.bound().id(), l.unit(), l.mapping());
    }
}
