package org.bitsweep.sweep.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sim.spec.TargetKinds;
import org.bitsweep.sim.target.MetricColumn;
import org.bitsweep.sim.target.TargetResult;
import org.bitsweep.sweep.model.ResultColumn.Kind;
import org.bitsweep.workloads.precision.Allocation;

/**
 * The one registry of result columns: every column's name, unit, meaning and how it is read from a point's result,
 * in order. results.csv and results.jsonl, {@code simulate --json}, the report's table, the docs' column table and
 * the names expressions may read all come from here. A target knob is a column by being a knob: the columns of a
 * target kind are its knobs' names.
 *
 * <p>Order: point; workload and quantization; the targets' knobs; the accuracy metric; the metrics; derived
 * columns; bound, feasible, reason, accuracy_source. Energy and time are for one run of the workload (for a decode
 * workload, one decode step).
 */
public final class ResultColumns {
    /** The energy breakdown columns, which sum to {@code energy_pj}, in the order charts stack them. */
    public static final List<String> ENERGY_BREAKDOWN = List.of("energy_mac_pj", "energy_register_pj",
            "energy_weight_sram_pj", "energy_activation_sram_pj", "energy_output_sram_pj", "energy_dram_pj",
            "energy_leakage_pj", "energy_attention_unit_pj");
    /** Knobs that steer how a file is read, not what a point is; they are not columns. */
    private static final List<String> NOT_COLUMNS = List.of(PeArraySpec.SCALESIM_CONFIG.name());

    private final List<ResultColumn> columns;
    private final Map<String, ResultColumn> byName;

    private ResultColumns(List<ResultColumn> columns) {
        this.columns = List.copyOf(columns);
        Map<String, ResultColumn> m = new LinkedHashMap<>();
        for (ResultColumn c : columns)
            if (m.put(c.name(), c) != null)
                throw new IllegalStateException("two result columns named " + c.name());
        this.byName = Collections.unmodifiableMap(m);
    }

    /** The columns of a sweep's results: its accuracy metric, the target kinds its cases use, its derived columns. */
    public static ResultColumns of(String accuracyMetric, List<String> targetKinds, List<Derived> derived) {
        List<ResultColumn> c = new ArrayList<>(parameters(targetKinds));
        c.add(new ResultColumn(accuracyMetric, Kind.ACCURACY, Units.of(accuracyMetric),
                "the accuracy axis (accuracy_source says on what it was measured)", PointResult::accuracy));
        c.addAll(metrics(targetKinds));
        for (Derived d : derived)
            c.add(new ResultColumn(d.name(), Kind.DERIVED, Units.of(d.name()), "derived: " + d.expression().text(),
                    r -> r.derived().getOrDefault(d.name(), Double.NaN)));
        c.addAll(outcome());
        return new ResultColumns(c);
    }

    /** The columns of one sweep. */
    public static ResultColumns of(SweepFile sweep) {
        return of(sweep.accuracy().metric(), sweep.targetKinds(), sweep.derived());
    }

    private static List<ResultColumn> parameters(List<String> targetKinds) {
        List<ResultColumn> c = new ArrayList<>();
        c.add(new ResultColumn("point", Kind.ID, "", "index in the design space", r -> r.point().id()));
        c.add(text("workload", "the workload: zoo name, gemm:MxNxK or topology file"));
        c.add(number("batch", "sequences (or images) per run", true));
        c.add(text("layers", "which layers ran: all, or linear (no attention)"));
        c.add(number("tokens", "tokens one run processes: one per sequence in decode, every prompt token in prefill, "
                + "one per image", true));
        c.add(text("weights", "weight format"));
        c.add(text("activations", "activation format (also the KV cache's in attention)"));
        c.add(text("granularity", "weights' scaling granularity, resolved (auto becomes group:128, or a block "
                + "format's block)"));
        c.add(number("weight_bits", "bits per weight code", true));
        c.add(number("activation_bits", "bits per activation code", true));
        c.add(number("group_size", "weights per scale group; 0 when not grouped", true));
        c.add(text("kv_cache", "the KV cache's format"));
        c.add(text("layer_weights", "quantization.layers: weight formats by layer pattern, PATTERN=FORMAT joined by "
                + "\";\"; empty when none"));
        c.add(number("budget_bits", "quantization.allocate's budget: weight storage per weight over the network, "
                + "scales included; NaN when none", false));
        c.add(text("activation_statistics", "where the activations' code statistics came from: none, or the "
                + "Fashion-MNIST model they were measured on"));
        c.add(text("kind", "the target kind"));
        List<String> seen = new ArrayList<>(List.of("kind"));
        for (String kindId : targetKinds)
            for (Knob<?> k : TargetKinds.of(kindId).knobs()) {
                if (seen.contains(k.name()) || NOT_COLUMNS.contains(k.name()))
                    continue;
                seen.add(k.name());
                c.add(isNumber(k) ? number(k.name(), k.help(), isInteger(k)) : text(k.name(), k.help()));
                if (k == PeArraySpec.COLS) {
                    c.add(number("pes", "PEs in the array, rows × cols", true));
                    seen.add("pes");
                }
            }
        return c;
    }

    private static boolean isNumber(Knob<?> k) {
        Class<?> t = k.type();
        return Number.class.isAssignableFrom(t) || t == OptionalInt.class || t == OptionalDouble.class;
    }

    private static boolean isInteger(Knob<?> k) {
        return k.type() == Integer.class || k.type() == Long.class || k.type() == OptionalInt.class;
    }

    private static ResultColumn text(String name, String meaning) {
        return new ResultColumn(name, Kind.TEXT_PARAMETER, "", meaning, r -> r.point().text(name));
    }

    /**
     * Integral parameters are written as integers (8, not 8.0), as results always wrote them; one a target leaves to
     * the trace (an FPGA's {@code reduction_length: auto}) is NaN.
     */
    private static ResultColumn number(String name, String meaning, boolean integral) {
        Function<PointResult, Object> value = integral ? r -> {
            double v = r.point().number(name);
            return Double.isNaN(v) ? (Object) v : (Object) (long) v;
        } : r -> r.point().number(name);
        return new ResultColumn(name, Kind.NUMBER_PARAMETER, Units.of(name), meaning, value);
    }

    /**
     * The weight storage, then the metric columns of each target kind in use, in kind order, each name once: a
     * column's value is read by the kind of the row's own target, and is NaN for a kind that has no such column.
     */
    private static List<ResultColumn> metrics(List<String> targetKinds) {
        List<ResultColumn> c = new ArrayList<>();
        c.add(new ResultColumn("weight_bits_per_element", Kind.METRIC, "bits", "storage per weight, counting each "
                + "group's FP16 scale and any selector (int4 in groups of 128: 4.125); the trace's first weight layer's",
                PointResult::weightBitsPerElement));
        c.add(new ResultColumn("mean_weight_bits", Kind.METRIC, "bits", "storage per weight over all weight layers "
                + "(each weighted by its weights), scales included: with per-layer formats, what they store on average",
                PointResult::bitsPerWeight));
        c.add(new ResultColumn("allocation", Kind.TEXT_METRIC, "", "the weight format quantization.allocate chose "
                + "for each layer, LAYER=FORMAT joined by \";\"; empty when none",
                r -> r.allocation().map(ResultColumns::assignment).orElse("")));
        c.add(new ResultColumn("predicted_drop", Kind.METRIC, "", "quantization.allocate: the chosen formats' summed "
                + "top-1 drops, each layer measured alone (the allocator's objective); NaN when none",
                r -> r.allocation().map(Allocation::predictedDrop).orElse(Double.NaN)));
        Map<String, MetricColumn> seen = new LinkedHashMap<>();
        for (String kindId : targetKinds)
            for (MetricColumn m : TargetKinds.of(kindId).metrics()) {
                MetricColumn first = seen.putIfAbsent(m.name(), m);
                if (first == null)
                    c.add(metric(m));
                else if (first.isText() != m.isText() || first.integral() != m.integral())
                    throw new IllegalStateException("target kinds disagree on the type of column " + m.name());
            }
        c.add(new ResultColumn("seconds_per_token", Kind.METRIC, "s", "seconds over tokens: a decode step's latency per "
                + "generated token (for a batch, the step's time over its tokens)", r -> perToken(r, r.result()
                .map(TargetResult::seconds).orElse(Double.NaN))));
        c.add(new ResultColumn("energy_pj_per_token", Kind.METRIC, "pJ", "energy of the run over its tokens",
                r -> perToken(r, r.result().map(TargetResult::energyPj).orElse(Double.NaN))));
        c.add(new ResultColumn("tokens_per_second", Kind.METRIC, "", "tokens over seconds: throughput",
                r -> r.point().workload().workload().tokens() / r.result().map(TargetResult::seconds)
                        .orElse(Double.NaN)));
        return c;
    }

    /** An allocation as results write it: {@code LAYER=FORMAT} joined by {@code ;}, in the network's order. */
    public static String assignment(Allocation a) {
        StringBuilder b = new StringBuilder();
        a.formats().forEach((layer, format) -> b.append(b.isEmpty() ? "" : ";").append(layer).append('=')
                .append(format));
        return b.toString();
    }

    private static double perToken(PointResult r, double total) {
        return total / r.point().workload().workload().tokens();
    }

    /** A text column is empty, and a numeric one NaN, for a point that did not run or whose kind lacks it. */
    private static ResultColumn metric(MetricColumn m) {
        Object missing = m.isText() ? "" : Double.NaN;
        Function<PointResult, Object> value = r -> {
            if (r.result().isEmpty())
                return missing;
            MetricColumn own = TargetKinds.of(r.point().target().kind()).metric(m.name());
            return own == null ? missing : own.value(r.result().get());
        };
        return m.isText() ? new ResultColumn(m.name(), Kind.TEXT_METRIC, "", m.meaning(), value)
                : new ResultColumn(m.name(), Kind.METRIC, Units.of(m.name()), m.meaning(), value);
    }

    private static List<ResultColumn> outcome() {
        return List.of(
                new ResultColumn("bound", Kind.OUTCOME, "", "what set the run's time: compute or memory (PE array, "
                        + "FPGA), or the GPU resource with the largest share (dram, tensor-core, cuda-core, "
                        + "shared-memory, launch)",
                        r -> r.result().map(TargetResult::boundId).orElse("")),
                new ResultColumn("feasible", Kind.OUTCOME, "", "whether the point ran and met the metric constraints",
                        PointResult::feasible),
                new ResultColumn("reason", Kind.OUTCOME, "", "why not feasible: what refused the point, or the "
                        + "constraint it failed; empty when feasible", PointResult::reason),
                new ResultColumn("accuracy_source", Kind.OUTCOME, "", "what the accuracy was measured on",
                        PointResult::accuracySource));
    }

    public List<ResultColumn> all() {
        return columns;
    }

    public List<String> header() {
        return columns.stream().map(ResultColumn::name).toList();
    }

    public Optional<ResultColumn> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** A row's values, in header order. */
    public List<Object> values(PointResult r) {
        List<Object> v = new ArrayList<>(columns.size());
        for (ResultColumn c : columns)
            v.add(c.value().apply(r));
        return v;
    }

    /** Names expressions read as numbers: numeric parameters, the accuracy, metrics and derived columns. */
    public List<String> numeric() {
        return columns.stream().filter(c -> c.numeric() && c.kind() != Kind.ID).map(ResultColumn::name).toList();
    }

    /** Names known before a point runs: parameters, and derived columns computed from them. */
    public List<String> numericParameters() {
        return columns.stream().filter(c -> c.kind() == Kind.NUMBER_PARAMETER).map(ResultColumn::name).toList();
    }

    public List<String> textParameters() {
        return columns.stream().filter(c -> c.kind() == Kind.TEXT_PARAMETER).map(ResultColumn::name).toList();
    }

    /**
     * The column table of docs/sweep-files.md: the columns of a sweep over every target kind (a column's meaning is
     * the first kind's that has it), its accuracy metric standing for whichever a file chooses and derived columns
     * for those it defines.
     */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| column | unit | meaning |\n|---|---|---|\n");
        boolean derived = false;
        for (ResultColumn c : of("ACCURACY", TargetKinds.ids(), List.of()).all()) {
            if (c.kind() == Kind.OUTCOME && !derived) {
                b.append("| derived columns | | in the order defined |\n");
                derived = true;
            }
            String name = c.kind() == Kind.ACCURACY ? "the accuracy metric (`weight_sqnr_db`, `top1`, …)"
                    : "`" + c.name() + "`";
            b.append("| ").append(name).append(" | ").append(c.unit()).append(" | ").append(c.meaning()).append(" |\n");
        }
        return b.toString();
    }

    /** Every column a chart or group may name. */
    public List<String> names() {
        return header();
    }
}
