package org.bitsweep.sweep.file;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sim.spec.TargetKinds;
import org.bitsweep.sweep.model.GemmKnobs;
import org.bitsweep.sweep.model.SweepKnobs;

/**
 * The sweep-file schema (v1) as data: every key with its type, default, what is valid and what it means, declared
 * once. Keys that set a value are {@link Knob}s (the target's come from {@link TargetKinds}, accuracy.gemm's from
 * {@link GemmKnobs}, the rest from {@link SweepKnobs}); the keys that shape the sweep (zip, cases, derived,
 * constraints, objectives, pareto, outputs, charts) are declared here. The reader checks files against these sets,
 * and docs/sweep-files.md's key table is {@link #markdownTable()} (a test keeps the two equal).
 */
public final class SweepSchema {
    public static final Set<String> TOP = Set.of("version", "name", "seed", "workload", "accuracy", "quantization",
            "target", "zip", "cases", "derived", "constraints", "objectives", "pareto", "outputs", "charts");
    /** What a case may set over the top level. */
    public static final Set<String> CASE = Set.of("workload", "quantization", "target", "zip");
    public static final Set<String> ACCURACY = Set.of("metric", "tensor", "model", "images", "through_pe", "gemm");
    public static final Set<String> TENSOR = Set.of("distribution", "rows", "cols", "std");
    /** The keys of {@code accuracy.gemm}, what the output metrics multiply. */
    public static final Set<String> GEMM = names(GemmKnobs.ALL);
    public static final Set<String> QUANTIZATION = quantizationKeys();
    /** The keys of {@code quantization.allocate}. */
    public static final Set<String> ALLOCATE = names(SweepKnobs.ALLOCATE);
    /**
     * Quantization keys that are not {@code simulate} options: per-layer formats are a mapping, and an allocation
     * measures the accuracy model's layers, which one simulated point has no accuracy model for.
     */
    public static final Set<String> SWEEP_ONLY = Set.of("quantization.layers", "quantization.allocate.budget_bits",
            "quantization.allocate.candidates", "quantization.allocate.metric");
    /** The keys of the workload's mapping form. */
    public static final Set<String> WORKLOAD = workloadKeys();
    public static final Set<String> PARETO = Set.of("group_by", "color_by");
    public static final Set<String> OUTPUTS = Set.of("charts", "report", "jsonl");
    public static final Set<String> OBJECTIVE = Set.of("column", "direction");
    public static final Set<String> CHART = Set.of("name", "x", "y", "color_by", "log_x", "log_y");
    public static final Set<String> RANGE = Set.of("range", "step", "log", "factor", "count");

    /** One documented key: its path in the file, type, default, what is valid, and what it means. */
    public record Key(String key, String type, String defaultText, String valid, String meaning) {
    }

    private SweepSchema() {
    }

    /** The keys of every target kind's section. */
    public static Set<String> targetKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (TargetKinds.Kind k : TargetKinds.all())
            k.allKnobs().forEach(knob -> keys.add(knob.name()));
        return keys;
    }

    private static Set<String> quantizationKeys() {
        Set<String> s = names(SweepKnobs.QUANTIZATION);
        s.add(SweepKnobs.LAYER_WEIGHTS.name());
        s.add("allocate");
        return s;
    }

    private static Set<String> workloadKeys() {
        Set<String> s = new LinkedHashSet<>(List.of("name"));
        s.addAll(names(SweepKnobs.WORKLOAD_OPTIONS));
        return s;
    }

    private static Set<String> names(List<Knob<?>> knobs) {
        Set<String> s = new LinkedHashSet<>();
        knobs.forEach(k -> s.add(k.name()));
        return s;
    }

    /** Every key, in file order. */
    public static List<Key> keys() {
        List<Key> k = new ArrayList<>();
        k.add(knob("", SweepKnobs.VERSION, "integer"));
        k.add(new Key("name", "string", "the file name without .yaml", "a string", SweepKnobs.NAME.help()));
        k.add(knob("", SweepKnobs.SEED, "integer"));
        k.add(new Key("workload", "axis, or a mapping", "required", SweepKnobs.WORKLOAD.valid(), SweepKnobs.WORKLOAD.help()
                + "; as a mapping, {name: ..., batch: ..., layers: ...}"));
        for (Knob<?> w : SweepKnobs.WORKLOAD_OPTIONS)
            k.add(knob("workload.", w, axisType(w)));
        k.add(knob("accuracy.", SweepKnobs.METRIC, "string"));
        k.add(knob("accuracy.", SweepKnobs.MODEL, "string"));
        k.add(knob("accuracy.", SweepKnobs.IMAGES, "integer"));
        k.add(knob("accuracy.", SweepKnobs.THROUGH_PE, "boolean"));
        k.add(knob("accuracy.tensor.", SweepKnobs.DISTRIBUTION, "string"));
        k.add(knob("accuracy.tensor.", SweepKnobs.TENSOR_ROWS, "integer"));
        k.add(knob("accuracy.tensor.", SweepKnobs.TENSOR_COLS, "integer"));
        k.add(knob("accuracy.tensor.", SweepKnobs.TENSOR_STD, "number"));
        for (Knob<?> g : GemmKnobs.ALL)
            k.add(knob("accuracy.gemm.", g, g.type() == Boolean.class ? "boolean" : g.type() == Integer.class
                    ? "integer" : g.type() == Double.class ? "number" : "string"));
        for (Knob<?> q : SweepKnobs.QUANTIZATION)
            k.add(knob("quantization.", q, "axis"));
        k.add(new Key("quantization.layers", "mapping, or a list of mappings (an axis)", "none",
                SweepKnobs.LAYER_WEIGHTS.valid(), SweepKnobs.LAYER_WEIGHTS.help()));
        k.add(knob("quantization.allocate.", SweepKnobs.BUDGET_BITS, "number axis"));
        k.add(knob("quantization.allocate.", SweepKnobs.CANDIDATES, "list"));
        k.add(knob("quantization.allocate.", SweepKnobs.ALLOCATE_METRIC, "string"));
        k.add(knob("target.", TargetKinds.KIND, "string"));
        for (TargetKinds.Kind kind : TargetKinds.all())
            for (Knob<?> t : kind.knobs()) {
                Key key = knob("target.", t, t.name().equals("scalesim_config") ? "string" : axisType(t));
                if (t == PeArraySpec.ROWS || t == PeArraySpec.COLS)
                    key = new Key(key.key(), key.type(), "none (give array, or rows and cols)", key.valid(),
                            key.meaning());
                k.add(key);
            }
        k.add(new Key("zip", "list of lists of axis keys", "none", "axis keys of this file, e.g. "
                + "[[target.pe, quantization.weights]]", "axes in one list vary together (equal lengths) instead of as a "
                + "product; keys may come from different sections"));
        k.add(new Key("cases", "list of mappings", "none", "each may set workload, quantization, target and zip",
                "the sweep is the union of the cases, each merged over the top level key by key; e.g. bitmod with "
                        + "bitmod3/bitmod4 beside ant with ant4 in one file"));
        k.add(new Key("derived", "mapping NAME: EXPRESSION", "none", "expressions over the columns",
                "extra columns; from parameters, or from metrics"));
        k.add(new Key("constraints", "list of expressions", "none", "expressions over the columns",
                "a point must make each true; over parameters it removes points before they run, over metrics it marks "
                        + "rows infeasible"));
        k.add(new Key("objectives", "list of {column, direction}", "accuracy max, energy_pj min, area_um2 min",
                "two or more numeric columns; direction max or min", "the Pareto front's objectives"));
        k.add(new Key("pareto.group_by", "column", "none", "any column", "a separate front per value (e.g. pe)"));
        k.add(new Key("pareto.color_by", "column", "the first of pe, activations, array, dataflow, weights … with 2 "
                + "to 10 values", "any column", "colours the charts' points (at most 10 colours; the rest share "
                + "\"other\")"));
        k.add(new Key("charts", "list of {x, y, color_by, log_x, log_y, name}", "accuracy against energy_pj and "
                + "against area_um2; with seconds an objective, seconds against energy_pj too",
                "x and y numeric columns; color_by any column; log_x, log_y true or false (default: log when a range "
                        + "spans two decades); name letters, digits, - and _ (default Y-vs-X)",
                "the charts to draw, each with the front of its two columns over all points"));
        k.add(new Key("outputs.charts", "list", "[png, svg]", "png, svg", "chart files to write"));
        k.add(new Key("outputs.report", "boolean", "true", "true, false", "write report.html"));
        k.add(new Key("outputs.jsonl", "boolean or gzip", "true", "true, false, gzip", "write results.jsonl beside "
                + "results.csv: true, false (CSV only), or gzip (results.jsonl.gz)"));
        return k;
    }

    private static String axisType(Knob<?> k) {
        return switch (k.range()) {
            case INTEGER -> "integer axis";
            case REAL -> "number axis";
            case NONE -> "axis";
        };
    }

    private static Key knob(String prefix, Knob<?> k, String type) {
        return new Key(prefix + k.name(), type, k.defaultText(), k.valid(), k.help());
    }

    /** The key table of docs/sweep-files.md. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| key | type | default | valid | meaning |\n|---|---|---|---|---|\n");
        for (Key k : keys())
            b.append("| `").append(k.key()).append("` | ").append(k.type()).append(" | ").append(code(k.defaultText()))
                    .append(" | ").append(k.valid()).append(" | ").append(k.meaning()).append(" |\n");
        return b.toString();
    }

    private static String code(String defaultText) {
        return defaultText.equals("required") || defaultText.equals("none") || defaultText.contains(" ")
                ? defaultText : "`" + defaultText + "`";
    }
}
