package org.bitsweep.sweep.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.KnobValues;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sim.spec.Raw;
import org.bitsweep.sim.spec.ScaleSimConfig;
import org.bitsweep.sim.spec.Suggest;
import org.bitsweep.sim.spec.TargetKinds;
import org.bitsweep.sweep.expr.Expression;
import org.bitsweep.sweep.expr.ExpressionException;
import org.bitsweep.sweep.expr.ExpressionParser;
import org.bitsweep.sweep.model.AccuracySpec;
import org.bitsweep.sweep.model.AllocateChoice;
import org.bitsweep.sweep.model.Axis;
import org.bitsweep.sweep.model.ChartSpec;
import org.bitsweep.sweep.model.Constraint;
import org.bitsweep.sweep.model.Derived;
import org.bitsweep.sweep.model.GemmKnobs;
import org.bitsweep.sweep.model.GemmSpec;
import org.bitsweep.sweep.model.GranularityChoice;
import org.bitsweep.sweep.model.JsonLines;
import org.bitsweep.sweep.model.Objective;
import org.bitsweep.sweep.model.ResultColumns;
import org.bitsweep.sweep.model.SweepCase;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.model.SweepKnobs;
import org.bitsweep.sweep.model.WeightChoice;
import org.bitsweep.sweep.model.WorkloadChoice;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.quant.Calibration;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.tensor.ActivationOutliers;

/**
 * Reads a sweep file (schema v1, {@link SweepSchema}, docs/sweep-files.md) into a {@link SweepFile}: every key, type
 * and value checked, every default filled in, every problem collected and reported together as
 * {@code file:line: field: what is wrong; what is valid}. Checks that need several settings at once, made on the
 * points that exist, come after, in {@code space.SpaceChecks}; {@code space.SweepLoader} does both.
 *
 * <p>A file with {@code cases:} is read case by case: each case's settings come from the case where it gives them,
 * else from the top level, key by key (a case's {@code target: {pe: ant}} keeps the top level's array).
 */
public final class SweepFileReader {
    public static final long DEFAULT_SEED = 1;
    public static final AccuracySpec DEFAULT_ACCURACY = new AccuracySpec(AccuracySpec.WEIGHT_SQNR_DB, 256, 4096, 0.02, 0);
    /** Axes whose count of values decides the charts' default colours, in order of preference. */
    private static final List<String> COLOUR_PREFERENCE = List.of("target.pe", "quantization.activations",
            "target.array", "target.dataflow", "quantization.weights", "target.node", "workload",
            "quantization.granularity");

    private final LocatedYaml yaml;
    private final YamlLocations locations;
    private final Path baseDir;
    private final Problems problems;

    private SweepFileReader(LocatedYaml yaml, Path baseDir) {
        this.yaml = yaml;
        this.locations = new YamlLocations(yaml);
        this.baseDir = baseDir;
        this.problems = new Problems(locations);
    }

    /**
     * Reads and checks one file's keys and values; the checks over combinations of settings are
     * {@code SweepLoader}'s.
     *
     * @throws UserInputException listing every problem in the file, one per line
     */
    public static SweepFile read(Path path) {
        return new SweepFileReader(LocatedYaml.read(path), folder(path)).sweep(defaultName(path.getFileName().toString()));
    }

    public static SweepFile read(String file, Reader in) throws IOException {
        Path path = Path.of(file);
        return new SweepFileReader(LocatedYaml.parse(file, in), folder(path))
                .sweep(defaultName(path.getFileName().toString()));
    }

    private static Path folder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static String defaultName(String fileName) {
        return fileName.replaceFirst("\\.(ya?ml|json)$", "");
    }

    private SweepFile sweep(String defaultName) {
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            problems.add("", "a sweep file is a mapping of keys (name, workload, quantization, target, ...), got "
                    + Raw.describe(raw(root)));
            problems.throwIfAny();
        }
        keys("", root, SweepSchema.TOP);
        scalar(SweepKnobs.VERSION, "/version", root.get("version"));
        String name = scalar(SweepKnobs.NAME, "/name", root.get("name"));
        if (name.isEmpty())
            name = defaultName;
        long seed = scalar(SweepKnobs.SEED, "/seed", root.get("seed"));
        AccuracySpec accuracy = accuracy(root.get("accuracy"));

        List<SweepCase> cases = cases(root);
        List<String> kinds = cases.stream().map(SweepCase::targetKind).distinct().toList();
        ResultColumns base = ResultColumns.of(accuracy.metric(), kinds, List.of());
        List<Derived> derived = derived(root.get("derived"), base);
        ResultColumns columns = ResultColumns.of(accuracy.metric(), kinds, derived);
        List<Constraint> constraints = constraints(root.get("constraints"), columns, derived);
        List<Objective> objectives = objectives(root.get("objectives"), accuracy, columns);
        JsonNode p = section("/pareto", root.get("pareto"), SweepSchema.PARETO, false);
        Set<String> allColumns = new LinkedHashSet<>(columns.names());
        Optional<String> groupBy = Optional.ofNullable(scalar("/pareto/group_by", p.get("group_by"),
                n -> column(n, allColumns), null));
        String colorBy = scalar("/pareto/color_by", p.get("color_by"), n -> column(n, allColumns),
                defaultColour(cases));
        JsonNode o = section("/outputs", root.get("outputs"), SweepSchema.OUTPUTS, false);
        List<String> imageTypes = list("/outputs/charts", o.get("charts"), n -> {
            String c = Raw.text(raw(n));
            if (!c.equals("png") && !c.equals("svg"))
                throw new UserInputException("unknown chart type \"%s\"; valid: png, svg".formatted(c));
            return c;
        }, List.of("png", "svg"));
        boolean report = scalar("/outputs/report", o.get("report"), n -> Raw.bool(raw(n)), true);
        JsonLines jsonl = scalar("/outputs/jsonl", o.get("jsonl"), n -> JsonLines.of(raw(n)), JsonLines.PLAIN);
        List<ChartSpec> charts = charts(root.get("charts"), accuracy, objectives, columns, allColumns);

        if (problems.isEmpty())
            singleAxisChecks(accuracy, cases);
        problems.throwIfAny();
        return new SweepFile(name, yaml.file(), seed, accuracy, cases, derived, constraints, objectives, groupBy,
                colorBy, charts, imageTypes, report, jsonl, locations);
    }

    // ---- cases, and the axes of one case ----

    private List<SweepCase> cases(JsonNode root) {
        JsonNode node = root.get("cases");
        if (node == null)
            return List.of(readCase(0, "", List.of(new Layer(root, ""))));
        if (!node.isArray() || node.isEmpty()) {
            problems.add("/cases", "expected a list of cases, each a mapping of workload, quantization, target or zip "
                    + "merged over the top level, e.g. [{target: {pe: ant}, quantization: {weights: ant4}}]");
            problems.throwIfAny();
        }
        List<SweepCase> cases = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String ptr = "/cases/" + i;
            JsonNode c = node.get(i);
            if (!c.isObject()) {
                problems.add(ptr, "expected a mapping of workload, quantization, target or zip, got "
                        + Raw.describe(raw(c)));
                continue;
            }
            keys(ptr, c, SweepSchema.CASE);
            cases.add(readCase(i, ptr, List.of(new Layer(c, ptr), new Layer(root, ""))));
        }
        problems.throwIfAny();
        return cases;
    }

    /** A place settings are looked up in: a case's node, or the top level. */
    private record Layer(JsonNode root, String pointer) {
    }

    /** A node found in the first layer that has it, with its pointer. */
    private record Found(JsonNode node, String pointer) {
    }

    private static Found find(List<Layer> layers, String... path) {
        for (Layer l : layers) {
            JsonNode n = l.root();
            StringBuilder ptr = new StringBuilder(l.pointer());
            for (String key : path) {
                n = n == null || !n.isObject() ? null : n.get(key);
                ptr.append('/').append(key);
            }
            if (n != null)
                return new Found(n, ptr.toString());
        }
        return null;
    }

    /**
     * Checks that a section is a mapping in every layer that has it, and its keys against {@code valid} (none when
     * null); says whether any layer has it as a mapping.
     */
    private boolean sections(List<Layer> layers, String section, Set<String> valid, boolean required) {
        boolean any = false;
        for (Layer l : layers) {
            JsonNode s = l.root().get(section);
            if (s == null)
                continue;
            String ptr = l.pointer() + "/" + section;
            if (!s.isObject()) {
                problems.add(ptr, "expected a mapping with the keys %s, got %s".formatted(sorted(valid == null
                        ? SweepSchema.targetKeys() : valid), Raw.describe(raw(s))));
                problems.sectionMissing(ptr);
                continue;
            }
            if (valid != null)
                keys(ptr, s, valid);
            any = true;
        }
        if (!any && required && layers.stream().noneMatch(l -> l.root().has(section))) {
            String ptr = "/" + section;
            problems.add(ptr, "missing; it is required (keys: " + sorted(valid == null ? SweepSchema.targetKeys()
                    : valid) + ")");
            problems.sectionMissing(ptr);
        }
        return any;
    }

    private SweepCase readCase(int index, String pointer, List<Layer> layers) {
        List<Axis<?>> axes = new ArrayList<>();
        workload(axes, layers);

        sections(layers, "quantization", SweepSchema.QUANTIZATION, true);
        for (Knob<?> k : SweepKnobs.QUANTIZATION)
            axis(axes, k, "quantization." + k.name(), find(layers, "quantization", k.name()),
                    "/quantization/" + k.name(), k.defaultValue());
        Found layerFormats = find(layers, "quantization", SweepKnobs.LAYER_WEIGHTS.name());
        if (layerFormats != null)
            axis(axes, SweepKnobs.LAYER_WEIGHTS, "quantization.layers", layerFormats, "/quantization/layers", null);
        Found allocate = find(layers, "quantization", "allocate");
        if (allocate != null)
            allocate(axes, allocate);
        if (layerFormats != null && allocate != null)
            problems.add(allocate.pointer(), "quantization.layers (line %d) sets per-layer formats already; give "
                    .formatted(yaml.line(layerFormats.pointer())) + "either layers or allocate");

        sections(layers, "target", null, true);
        Found kindNode = find(layers, "target", "kind");
        String kind = kindNode == null ? TargetKinds.KIND.defaultValue()
                : parse(kindNode.pointer(), kindNode.node(), n -> TargetKinds.KIND.parse(raw(n)));
        TargetKinds.Kind targetKind = TargetKinds.of(kind == null ? TargetKinds.KIND.defaultValue() : kind);
        Set<String> valid = new LinkedHashSet<>();
        targetKind.allKnobs().forEach(k -> valid.add(k.name()));
        for (Layer l : layers) {
            JsonNode t = l.root().get("target");
            if (t != null && t.isObject())
                keys(l.pointer() + "/target", t, valid);
        }
        KnobValues imported = scalesim(find(layers, "target", PeArraySpec.SCALESIM_CONFIG.name()));
        for (Knob<?> k : targetKind.knobs())
            target(axes, k, layers, imported);

        List<List<String>> zip = zip(find(layers, "zip"), axes);
        return new SweepCase(index, pointer, targetKind.id(), axes, zip);
    }

    /**
     * The workload: a name or a list of names ({@code workload: llama-2-7b:decode}), or a mapping of the name and
     * its options ({@code workload: {name: llama-2-7b:decode, batch: [1, 16], layers: linear}}); a case's mapping
     * overrides the top level's key by key.
     */
    private void workload(List<Axis<?>> axes, List<Layer> layers) {
        Found name = null;
        for (Layer l : layers) {
            JsonNode w = l.root().get("workload");
            if (w == null)
                continue;
            String ptr = l.pointer() + "/workload";
            if (w.isObject()) {
                keys(ptr, w, SweepSchema.WORKLOAD);
                if (name == null && w.has("name"))
                    name = new Found(w.get("name"), ptr + "/name");
            } else if (name == null) {
                name = new Found(w, ptr);
            }
        }
        axis(axes, SweepKnobs.workload(baseDir), "workload", name, "/workload", null);
        for (Knob<?> k : SweepKnobs.WORKLOAD_OPTIONS) {
            Found found = null;
            for (Layer l : layers) {
                JsonNode w = l.root().get("workload");
                if (w != null && w.isObject() && w.has(k.name())) {
                    found = new Found(w.get(k.name()), l.pointer() + "/workload/" + k.name());
                    break;
                }
            }
            axis(axes, k, "workload." + k.name(), found, "/workload/" + k.name(), k.defaultValue());
        }
    }

    /** A SCALE-Sim .cfg's settings, the defaults of the knobs it sets; none without {@code scalesim_config}. */
    private KnobValues scalesim(Found config) {
        if (config == null)
            return new KnobValues();
        String path = parse(config.pointer(), config.node(), n -> PeArraySpec.SCALESIM_CONFIG.parse(raw(n)));
        if (path == null || path.equals("none"))
            return new KnobValues();
        try {
            return ScaleSimConfig.read(baseDir.resolve(path));
        } catch (UserInputException e) {
            problems.add(config.pointer(), e.getMessage());
            return new KnobValues();
        }
    }

    /** One target knob as an axis: given in the file, else the SCALE-Sim config's value, else its default. */
    private void target(List<Axis<?>> axes, Knob<?> k, List<Layer> layers, KnobValues imported) {
        if (k == PeArraySpec.SCALESIM_CONFIG || k == PeArraySpec.ROWS || k == PeArraySpec.COLS)
            return;
        Found found = find(layers, "target", k.name());
        String ptr = "/target/" + k.name();
        if (k == PeArraySpec.ARRAY_KNOB) {
            Found rows = find(layers, "target", "rows");
            Found cols = find(layers, "target", "cols");
            if (rows != null || cols != null) {
                if (found != null)
                    problems.add(found.pointer(), "give either array (ROWSxCOLS) or rows and cols, not both");
                axis(axes, PeArraySpec.ROWS, "target.rows", rows, "/target/rows", null);
                axis(axes, PeArraySpec.COLS, "target.cols", cols, "/target/cols", null);
                return;
            }
        }
        Object fallback = imported.has(k) ? imported.get(k) : k.defaultValue();
        axis(axes, k, "target." + k.name(), found, ptr, fallback);
    }

    // ---- axes ----

    /**
     * An axis: one value, a list, or for numeric knobs a range: {@code {range: [FROM, TO], step: S}} (linear, both
     * ends included when on the grid), {@code {log: [FROM, TO], factor: F}} (FROM, FROM·F, … up to TO) or
     * {@code {log: [FROM, TO], count: N}} (N values evenly spaced in log, rounded for integer knobs). An empty list
     * is an error; a knob not given takes {@code fallback} (null: required).
     */
    private <T> void axis(List<Axis<?>> axes, Knob<T> knob, String key, Found found, String missingPointer,
                          Object fallback) {
        List<T> values = new ArrayList<>();
        String pointer = found == null ? missingPointer : found.pointer();
        if (found == null) {
            if (fallback == null)
                problems.add(missingPointer, "missing; it is required (one value, or a list of values to sweep)");
            else
                values.add(knob.type().cast(fallback));
        } else if (found.node().isArray()) {
            if (found.node().isEmpty())
                problems.add(pointer, "empty list; give at least one value");
            for (int i = 0; i < found.node().size(); i++) {
                T v = parse(pointer + "/" + i, found.node().get(i), n -> knob.parse(raw(n)));
                if (v != null)
                    values.add(v);
            }
        } else if (found.node().isObject() && knob.range() != Knob.Range.NONE) {
            Set<T> seen = new HashSet<>();                     // a range of 10^6 values: no list scan per value
            for (JsonNode v : rangeValues(pointer, found.node(), knob.range() == Knob.Range.INTEGER)) {
                T parsed = parse(pointer, v, n -> knob.parse(raw(n)));
                if (parsed != null && seen.add(parsed))
                    values.add(parsed);
            }
        } else {
            T v = parse(pointer, found.node(), n -> knob.parse(raw(n)));
            if (v != null)
                values.add(v);
        }
        if (!values.isEmpty())
            axes.add(new Axis<>(knob, key, pointer, values));
    }

    private List<JsonNode> rangeValues(String pointer, JsonNode node, boolean integral) {
        keys(pointer, node, SweepSchema.RANGE);
        List<JsonNode> out = new ArrayList<>();
        boolean linear = node.has("range");
        JsonNode bounds = linear ? node.get("range") : node.get("log");
        if (bounds == null || !bounds.isArray() || bounds.size() != 2 || !bounds.get(0).isNumber()
                || !bounds.get(1).isNumber()) {
            problems.add(pointer, "a range is {range: [FROM, TO], step: S} or {log: [FROM, TO], factor: F} or "
                    + "{log: [FROM, TO], count: N}");
            return out;
        }
        double from = bounds.get(0).asDouble();
        double to = bounds.get(1).asDouble();
        if (!(from <= to)) {
            problems.add(pointer, "range from %s to %s is empty; FROM must not exceed TO".formatted(from, to));
            return out;
        }
        if (linear) {
            JsonNode step = node.get("step");
            if (step == null || !step.isNumber() || !(step.asDouble() > 0)) {
                problems.add(pointer, "a linear range needs step: S with S > 0");
                return out;
            }
            double s = step.asDouble();
            long count = (long) Math.floor((to - from) / s + 1e-9) + 1;
            if (count > 1_000_000) {
                problems.add(pointer, "range gives %d values; at most 1,000,000 per axis".formatted(count));
                return out;
            }
            for (long i = 0; i < count; i++)
                out.add(number(from + i * s, integral));
            return out;
        }
        if (!(from > 0)) {
            problems.add(pointer, "a log range needs FROM > 0, got " + from);
            return out;
        }
        if (node.has("factor") == node.has("count")) {
            problems.add(pointer, "a log range needs exactly one of factor: F (F > 1) or count: N (N >= 2)");
            return out;
        }
        if (node.has("factor")) {
            double f = node.get("factor").asDouble();
            if (!(f > 1)) {
                problems.add(pointer, "factor must be > 1, got " + node.get("factor").asText());
                return out;
            }
            for (double v = from; v <= to * (1 + 1e-12) && out.size() <= 1_000_000; v *= f)
                out.add(number(v, integral));
            return out;
        }
        int n = node.get("count").asInt();
        if (n < 2 || n > 1_000_000) {
            problems.add(pointer, "count must be between 2 and 1,000,000, got " + node.get("count").asText());
            return out;
        }
        for (int i = 0; i < n; i++)
            out.add(number(from * Math.pow(to / from, i / (double) (n - 1)), integral));
        return out;
    }

    private static JsonNode number(double v, boolean integral) {
        return integral ? JsonNodeFactory.instance.numberNode(Math.round(v)) : JsonNodeFactory.instance.numberNode(v);
    }

    private List<List<String>> zip(Found node, List<Axis<?>> axes) {
        List<List<String>> groups = new ArrayList<>();
        if (node == null)
            return groups;
        if (!node.node().isArray()) {
            problems.add(node.pointer(), "expected a list of lists of axis keys, e.g. [[quantization.weights, "
                    + "target.array]]");
            return groups;
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < node.node().size(); i++) {
            String ptr = node.pointer() + "/" + i;
            JsonNode g = node.node().get(i);
            if (!g.isArray() || g.size() < 2) {
                problems.add(ptr, "expected a list of two or more axis keys");
                continue;
            }
            List<String> keys = new ArrayList<>();
            int size = -1;
            for (int j = 0; j < g.size(); j++) {
                String key = g.get(j).asText();
                Optional<Axis<?>> axis = axes.stream().filter(a -> a.key().equals(key)).findFirst();
                if (axis.isEmpty()) {
                    problems.add(ptr + "/" + j, "\"%s\" is not an axis of this sweep; valid: %s".formatted(key,
                            String.join(", ", axes.stream().map(Axis::key).toList())));
                    continue;
                }
                if (!used.add(key))
                    problems.add(ptr + "/" + j, "\"%s\" is already in a zip group; an axis can vary with one group "
                            + "only".formatted(key));
                if (size >= 0 && axis.get().size() != size)
                    problems.add(ptr + "/" + j, ("\"%s\" has %d values but %s has %d; zipped axes vary together, so "
                            + "they need the same number").formatted(key, axis.get().size(), keys.get(0), size));
                size = axis.get().size();
                keys.add(key);
            }
            if (keys.size() >= 2)
                groups.add(keys);
        }
        return groups;
    }

    /**
     * {@code quantization.allocate: {budget_bits: AXIS, candidates: [F, F, …], metric: top1}} as one axis, a value per
     * budget.
     */
    private void allocate(List<Axis<?>> axes, Found found) {
        String ptr = found.pointer();
        JsonNode node = found.node();
        if (!node.isObject()) {
            problems.add(ptr, "expected a mapping {budget_bits: [3, 4, 5], candidates: [int2, int4, int8], metric: "
                    + "top1}, got " + Raw.describe(raw(node)));
            return;
        }
        keys(ptr, node, SweepSchema.ALLOCATE);
        List<Axis<?>> budget = new ArrayList<>();
        JsonNode bits = node.get(SweepKnobs.BUDGET_BITS.name());
        axis(budget, SweepKnobs.BUDGET_BITS, "budget_bits", bits == null ? null : new Found(bits,
                ptr + "/budget_bits"), ptr + "/budget_bits", null);
        List<WeightChoice> candidates = new ArrayList<>();
        JsonNode c = node.get(SweepKnobs.CANDIDATES.name());
        String cPtr = ptr + "/candidates";
        if (c == null || !c.isArray() || c.size() < 2) {
            problems.add(cPtr, (c == null ? "missing; it is required: " : "expected ")
                    + "a list of two or more weight formats a layer may get, e.g. [int2, int4, int8]");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < c.size(); i++) {
                WeightChoice w = parse(cPtr + "/" + i, c.get(i), n -> SweepKnobs.CANDIDATES.parse(raw(n)));
                if (w == null)
                    continue;
                if (!seen.add(w.written()))
                    problems.add(cPtr + "/" + i, "%s is listed twice".formatted(w.written()));
                else
                    candidates.add(w);
            }
        }
        String metric = scalar(SweepKnobs.ALLOCATE_METRIC, ptr + "/metric", node.get("metric"));
        if (budget.isEmpty() || candidates.size() < 2 || metric == null)
            return;
        List<AllocateChoice> values = new ArrayList<>();
        for (Object b : budget.get(0).values())
            values.add(new AllocateChoice((Double) b, candidates, metric));
        axes.add(new Axis<>(SweepKnobs.ALLOCATE_AXIS, SweepKnobs.ALLOCATE_KEY, ptr, values));
    }

    // ---- the accuracy axis ----

    private AccuracySpec accuracy(JsonNode node) {
        if (node == null)
            return DEFAULT_ACCURACY;
        JsonNode a = section("/accuracy", node, SweepSchema.ACCURACY, false);
        String metric = scalar(SweepKnobs.METRIC, "/accuracy/metric", a.get("metric"));
        if (metric.equals(AccuracySpec.TOP1))
            return top1(a);
        if (AccuracySpec.OUTPUT_METRICS.contains(metric))
            return output(a, metric);
        for (String key : new String[] {"model", "images", "through_pe"})
            if (a.get(key) != null)
                problems.add("/accuracy/" + key, "applies to metric top1 only; metric %s measures a synthetic weight "
                        .formatted(metric) + "tensor (accuracy.tensor)");
        if (a.get("gemm") != null)
            problems.add("/accuracy/gemm", "applies to the output metrics (%s) only; metric %s measures a synthetic "
                    .formatted(String.join(", ", AccuracySpec.OUTPUT_METRICS), metric) + "weight tensor "
                    + "(accuracy.tensor)");
        JsonNode t = section("/accuracy/tensor", a.get("tensor"), SweepSchema.TENSOR, false);
        String distribution = scalar(SweepKnobs.DISTRIBUTION, "/accuracy/tensor/distribution", t.get("distribution"));
        int rows = scalar(SweepKnobs.TENSOR_ROWS, "/accuracy/tensor/rows", t.get("rows"));
        int cols = scalar(SweepKnobs.TENSOR_COLS, "/accuracy/tensor/cols", t.get("cols"));
        double std = scalar(SweepKnobs.TENSOR_STD, "/accuracy/tensor/std", t.get("std"));
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {       // one float[] holds the tensor
            problems.add("/accuracy/tensor/rows", "%d×%d is %,d values, more than the %,d one tensor holds; give "
                    .formatted(rows, cols, (long) rows * cols, Integer.MAX_VALUE - 8) + "fewer rows or cols");
            return DEFAULT_ACCURACY;
        }
        return new AccuracySpec(metric, rows, cols, std, SweepKnobs.nu(distribution));
    }

    /** accuracy.metric top1: a Fashion-MNIST model's top-1, optionally through each point's PE. */
    private AccuracySpec top1(JsonNode a) {
        if (a.get("tensor") != null)
            problems.add("/accuracy/tensor", "applies to the weight_* metrics; top1 measures accuracy.model on test "
                    + "images");
        if (a.get("gemm") != null)
            problems.add("/accuracy/gemm", "applies to the output metrics; top1 measures accuracy.model on test "
                    + "images");
        String model = a.get("model") == null ? null : parse("/accuracy/model", a.get("model"),
                n -> SweepKnobs.MODEL.parse(raw(n)));
        if (model == null) {
            if (a.get("model") == null)
                problems.add("/accuracy/metric", "top1 needs accuracy.model: one of " + SweepKnobs.MODEL.valid());
            model = FashionModels.names().get(0);       // only to go on collecting errors
        }
        int images = scalar(SweepKnobs.IMAGES, "/accuracy/images", a.get("images"));
        boolean throughPe = scalar(SweepKnobs.THROUGH_PE, "/accuracy/through_pe", a.get("through_pe"));
        return AccuracySpec.top1(model, images, throughPe, DEFAULT_ACCURACY);
    }

    /**
     * An output metric: the layer-output error of the GEMMs {@code accuracy.gemm} describes, each setting checked
     * against the others as {@code bitsweep output-error} checks its options.
     */
    private AccuracySpec output(JsonNode a, String metric) {
        for (String key : new String[] {"model", "images", "tensor"})
            if (a.get(key) != null)
                problems.add("/accuracy/" + key, ("applies to %s; metric %s measures the output of the GEMMs "
                        + "accuracy.gemm describes").formatted(key.equals("tensor") ? "the weight_* metrics"
                        : "metric top1 only", metric));
        boolean throughPe = scalar(SweepKnobs.THROUGH_PE, "/accuracy/through_pe", a.get("through_pe"));
        JsonNode g = section("/accuracy/gemm", a.get("gemm"), SweepSchema.GEMM, false);
        boolean attention = gemm(g, GemmKnobs.ATTENTION);
        String weightFile = file(g, GemmKnobs.WEIGHT_FILE);
        String activationFile = file(g, GemmKnobs.ACTIVATION_FILE);
        String keyFile = file(g, GemmKnobs.KEY_FILE);
        String outliers = gemm(g, GemmKnobs.OUTLIERS);
        boolean syntheticKeys = attention && keyFile == null;
        boolean fileB = attention ? keyFile != null : weightFile != null;
        if (attention) {
            for (Knob<?> k : List.of(GemmKnobs.K, GemmKnobs.N, GemmKnobs.LAYERS, GemmKnobs.WEIGHT_DISTRIBUTION,
                    GemmKnobs.WEIGHT_STD, GemmKnobs.WEIGHT_FILE))
                notWith(g, k, "describes the weights of X·Wᵀ; attention: true measures Q·Kᵀ against the KV cache "
                        + "(quantization.kv_cache), with context, head_dim and key_file");
        } else {
            for (Knob<?> k : List.of(GemmKnobs.CONTEXT, GemmKnobs.HEAD_DIM, GemmKnobs.KEY_FILE,
                    GemmKnobs.KV_GRANULARITY))
                notWith(g, k, "applies to attention: true only (Q·Kᵀ against the KV cache)");
        }
        if (activationFile != null) {
            notWith(g, GemmKnobs.TOKENS, "shapes the synthetic activations; activation_file brings its own");
            if (!syntheticKeys)
                for (Knob<?> k : concat(List.of(GemmKnobs.OUTLIERS), GemmKnobs.OUTLIER_SHAPE))
                    notWith(g, k, "shapes the synthetic activations; activation_file brings its own");
        }
        if (fileB)
            for (Knob<?> k : List.of(GemmKnobs.WEIGHT_DISTRIBUTION, GemmKnobs.WEIGHT_STD, GemmKnobs.N, GemmKnobs.K,
                    GemmKnobs.LAYERS, GemmKnobs.CONTEXT, GemmKnobs.HEAD_DIM))
                notWith(g, k, "shapes synthetic %s; %s brings its own".formatted(attention ? "keys" : "weights",
                        attention ? "key_file" : "weight_file"));
        if (activationFile == null && !fileB)
            notWith(g, GemmKnobs.NAN, "applies to tensors read from files; synthetic tensors are finite");
        if (GemmKnobs.NONE.equals(outliers))
            for (Knob<?> k : GemmKnobs.OUTLIER_SHAPE)
                notWith(g, k, "shapes outlier channels, but outliers: none has none; drop it or use outliers: "
                        + "default");
        ActivationOutliers o = null;
        if (activationFile == null || syntheticKeys) {
            o = "default".equals(outliers) ? ActivationOutliers.defaults() : ActivationOutliers.none();
            if (!GemmKnobs.NONE.equals(outliers))
                o = o.withChannelFraction(gemm(g, GemmKnobs.OUTLIER_FRACTION))
                        .withMagnitude(gemm(g, GemmKnobs.OUTLIER_MAGNITUDE))
                        .withTokenFraction(gemm(g, GemmKnobs.OUTLIER_TOKENS))
                        .withTokenSpread(gemm(g, GemmKnobs.OUTLIER_SPREAD));
        }
        int k = activationFile != null && !g.has(GemmKnobs.K.name()) ? 0 : gemm(g, GemmKnobs.K);
        int headDim = activationFile != null && !g.has(GemmKnobs.HEAD_DIM.name()) ? 0 : gemm(g, GemmKnobs.HEAD_DIM);
        GemmSpec spec = new GemmSpec(attention, gemm(g, GemmKnobs.TOKENS), k, gemm(g, GemmKnobs.N),
                gemm(g, GemmKnobs.LAYERS), gemm(g, GemmKnobs.CONTEXT), headDim, o,
                gemm(g, GemmKnobs.WEIGHT_DISTRIBUTION), gemm(g, GemmKnobs.WEIGHT_STD), weightFile, activationFile,
                keyFile, gemm(g, GemmKnobs.NAN).equals("zero"), gemm(g, GemmKnobs.ACTIVATION_GRANULARITY),
                gemm(g, GemmKnobs.KV_GRANULARITY), Calibration.parse(gemm(g, GemmKnobs.WEIGHT_CLIP)),
                Calibration.parse(gemm(g, GemmKnobs.ACTIVATION_CLIP)),
                GemmKnobs.decomposition(gemm(g, GemmKnobs.DECOMPOSE)));
        return AccuracySpec.output(metric, spec, throughPe, DEFAULT_ACCURACY);
    }

    /** A key of accuracy.gemm: its value, or its default when it is not given or not valid (then a problem). */
    private <T> T gemm(JsonNode g, Knob<T> knob) {
        return scalar(knob, "/accuracy/gemm/" + knob.name(), g.get(knob.name()));
    }

    /**
     * A file key of accuracy.gemm: the path resolved against the sweep file's folder (a missing file is a problem, but
     * still counts as given for the checks of the other keys), or null for none.
     */
    private String file(JsonNode g, Knob<String> knob) {
        String v = gemm(g, knob);
        if (v.equals(GemmKnobs.NONE))
            return null;
        String lower = v.toLowerCase(Locale.ROOT);
        int marker = lower.indexOf(".safetensors:");
        String file = marker < 0 ? v : v.substring(0, marker + ".safetensors".length());
        Path path = baseDir.resolve(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path))
            problems.add("/accuracy/gemm/" + knob.name(), "no such file %s (paths are relative to the sweep file's "
                    .formatted(path) + "folder)");
        return path + (marker < 0 ? "" : v.substring(marker + ".safetensors".length()));
    }

    private void notWith(JsonNode g, Knob<?> knob, String why) {
        if (g.has(knob.name()))
            problems.add("/accuracy/gemm/" + knob.name(), why);
    }

    private static List<Knob<?>> concat(List<Knob<?>> a, List<Knob<?>> b) {
        List<Knob<?>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- derived columns, constraints, objectives, charts ----

    private List<Derived> derived(JsonNode node, ResultColumns columns) {
        List<Derived> derived = new ArrayList<>();
        if (node == null)
            return derived;
        if (!node.isObject()) {
            problems.add("/derived", "expected a mapping of NAME: EXPRESSION, e.g. {area_mm2: area_um2 / 1e6}");
            return derived;
        }
        Set<String> params = new LinkedHashSet<>(columns.numericParameters());
        params.addAll(columns.textParameters());
        Set<String> known = new LinkedHashSet<>(columns.numeric());
        Set<String> fromMetrics = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ptr = "/derived/" + e.getKey();
            if (columns.column(e.getKey()).isPresent() || known.contains(e.getKey())) {
                problems.add(ptr, "\"%s\" is already a column; choose another name".formatted(e.getKey()));
                continue;
            }
            Expression x = expression(ptr, e.getValue(), known, columns);
            if (x == null)
                continue;
            boolean metric = x.variables().stream().anyMatch(v -> !params.contains(v) || fromMetrics.contains(v));
            if (metric)
                fromMetrics.add(e.getKey());
            else
                params.add(e.getKey());
            known.add(e.getKey());
            derived.add(new Derived(e.getKey(), x, metric));
        }
        return derived;
    }

    private List<Constraint> constraints(JsonNode node, ResultColumns columns, List<Derived> derived) {
        List<Constraint> constraints = new ArrayList<>();
        if (node == null)
            return constraints;
        if (!node.isArray()) {
            problems.add("/constraints", "expected a list of expressions, e.g. [\"area_um2 / 1e6 < 2\", "
                    + "\"rows <= cols\", \"pe == 'bitmod'\"]");
            return constraints;
        }
        Set<String> known = new LinkedHashSet<>(columns.numeric());
        Set<String> params = new HashSet<>(columns.numericParameters());
        params.addAll(columns.textParameters());
        for (Derived d : derived)
            if (!d.fromMetrics())
                params.add(d.name());
        for (int i = 0; i < node.size(); i++) {
            String ptr = "/constraints/" + i;
            Expression x = expression(ptr, node.get(i), known, columns);
            if (x != null)
                constraints.add(new Constraint(x, !params.containsAll(x.variables()), yaml.line(ptr)));
        }
        return constraints;
    }

    /**
     * The costs a sweep's front weighs when its file names none, and their charts' names: the first two of these the
     * sweep's target kinds measure (a PE array: energy and area; a GPU, which has no area: energy and time; an FPGA
     * accelerator: time and LUTs).
     */
    private static final Map<String, String> DEFAULT_COSTS = orderedMap("energy_pj", "pareto-energy", "area_um2",
            "pareto-area", "seconds", "pareto-latency", "lut", "pareto-lut");

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2)
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private List<Objective> objectives(JsonNode node, AccuracySpec accuracy, ResultColumns columns) {
        Set<String> numeric = new LinkedHashSet<>(columns.numeric());
        List<Objective> defaults = new ArrayList<>(List.of(new Objective(accuracy.metric(), accuracy.higherIsBetter())));
        DEFAULT_COSTS.keySet().stream().filter(numeric::contains).limit(2)
                .forEach(c -> defaults.add(new Objective(c, false)));
        if (node == null)
            return defaults;
        if (!node.isArray() || node.isEmpty()) {
            problems.add("/objectives", "expected a list of {column: NAME, direction: max|min}");
            return defaults;
        }
        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String ptr = "/objectives/" + i;
            JsonNode o = section(ptr, node.get(i), SweepSchema.OBJECTIVE, true);
            String column = required(ptr + "/column", o.get("column"), n -> {
                String c = Raw.text(raw(n));
                if (!numeric.contains(c))
                    throw new UserInputException("unknown numeric column \"%s\"; valid: %s%s".formatted(c,
                            String.join(", ", numeric), Suggest.didYouMean(c, numeric)));
                return c;
            });
            String direction = required(ptr + "/direction", o.get("direction"), n -> {
                String d = Raw.text(raw(n));
                if (!d.equals("max") && !d.equals("min"))
                    throw new UserInputException("\"%s\"; valid: max, min".formatted(d));
                return d;
            });
            if (column != null && direction != null)
                objectives.add(new Objective(column, direction.equals("max")));
        }
        if (objectives.size() < 2 && problems.isEmpty())
            problems.add("/objectives", "a Pareto front needs at least two objectives, got " + objectives.size());
        return objectives;
    }

    /**
     * The charts: as listed under {@code charts:}, else accuracy against energy and against area, and latency
     * against energy when {@code seconds} is an objective.
     */
    private List<ChartSpec> charts(JsonNode node, AccuracySpec accuracy, List<Objective> objectives,
                                   ResultColumns columns, Set<String> allColumns) {
        if (node == null) {
            List<ChartSpec> defaults = new ArrayList<>();
            Set<String> numericColumns = new HashSet<>(columns.numeric());
            DEFAULT_COSTS.keySet().stream().filter(numericColumns::contains).limit(2).forEach(c -> defaults.add(
                    new ChartSpec(DEFAULT_COSTS.get(c), c, accuracy.metric(), Optional.empty(), Optional.empty(),
                            Optional.empty())));
            if (objectives.stream().anyMatch(o -> o.column().equals("seconds")) && numericColumns.contains("energy_pj")
                    && defaults.stream().noneMatch(c -> c.x().equals("seconds")))
                defaults.add(new ChartSpec("latency-energy", "energy_pj", "seconds", Optional.empty(),
                        Optional.empty(), Optional.empty()));
            return defaults;
        }
        List<ChartSpec> charts = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add("/charts", "expected a list of {x: COLUMN, y: COLUMN, color_by: COLUMN, log_x: true|false, "
                    + "log_y: true|false, name: NAME}");
            return charts;
        }
        Set<String> numeric = new LinkedHashSet<>(columns.numeric());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String ptr = "/charts/" + i;
            JsonNode c = section(ptr, node.get(i), SweepSchema.CHART, true);
            Function<JsonNode, String> numericColumn = n -> column(n, numeric);
            String x = required(ptr + "/x", c.get("x"), numericColumn);
            String y = required(ptr + "/y", c.get("y"), numericColumn);
            Optional<String> colour = Optional.ofNullable(scalar(ptr + "/color_by", c.get("color_by"),
                    n -> column(n, allColumns), null));
            Optional<Boolean> logX = Optional.ofNullable(scalar(ptr + "/log_x", c.get("log_x"), n -> Raw.bool(raw(n)),
                    null));
            Optional<Boolean> logY = Optional.ofNullable(scalar(ptr + "/log_y", c.get("log_y"), n -> Raw.bool(raw(n)),
                    null));
            String name = scalar(ptr + "/name", c.get("name"), n -> {
                String t = Raw.text(raw(n));
                if (!t.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}"))
                    throw new UserInputException("\"%s\" is not a chart file name; use letters, digits, - and _ "
                            .formatted(t) + "(at most 64)");
                return t;
            }, x != null && y != null ? y + "-vs-" + x : "chart-" + i);
            if (!names.add(name))
                problems.add(ptr + "/name", "two charts are named \"%s\"; give each its own name".formatted(name));
            if (x != null && y != null)
                charts.add(new ChartSpec(name, x, y, colour, logX, logY));
        }
        return charts;
    }

    private String column(JsonNode n, Set<String> valid) {
        String c = Raw.text(raw(n));
        if (!valid.contains(c))
            throw new UserInputException("unknown column \"%s\"; valid: %s%s".formatted(c, String.join(", ", valid),
                    Suggest.didYouMean(c, valid)));
        return c;
    }

    private Expression expression(String ptr, JsonNode n, Set<String> known, ResultColumns columns) {
        if (n == null || !(n.isTextual() || n.isNumber())) {
            problems.add(ptr, "expected an expression in quotes, got " + (n == null ? "nothing" : Raw.describe(raw(n))));
            return null;
        }
        Set<String> texts = new LinkedHashSet<>(columns.textParameters());
        texts.add("bound");
        try {
            Expression x = ExpressionParser.parse(n.asText());
            for (String v : x.variables()) {
                boolean asText = x.textVariables().contains(v);
                if (asText && !texts.contains(v))
                    throw new ExpressionException("%s is compared with text but is not a text column; valid: %s%s"
                            .formatted(v, String.join(", ", texts), Suggest.didYouMean(v, texts)), 1);
                if (!asText && !known.contains(v))
                    throw new ExpressionException(("unknown name %s; valid: %s%s" + (texts.contains(v)
                            ? " (%s is text: compare it with a quoted string, e.g. %s == \"...\")".formatted(v, v)
                            : "")).formatted(v, String.join(", ", known), Suggest.didYouMean(v, known)), 1);
            }
            return x;
        } catch (ExpressionException e) {
            problems.add(ptr, "\"%s\": %s (column %d)".formatted(n.asText(), e.getMessage(), e.column()));
            return null;
        }
    }

    /** The first axis with 2 to 10 distinct values over all cases colours the charts; else the weight format. */
    private static String defaultColour(List<SweepCase> cases) {
        for (String key : COLOUR_PREFERENCE) {
            Set<Object> values = new LinkedHashSet<>();
            for (SweepCase c : cases)
                c.axis(key).ifPresent(a -> values.addAll(a.values()));
            if (values.size() >= 2 && values.size() <= 10)
                return key.substring(key.lastIndexOf('.') + 1);
        }
        return "weights";
    }

    /**
     * Checks of one setting that need no other: unsigned weight formats (the weights are signed), and group sizes
     * that do not divide the synthetic tensor's columns.
     */
    private void singleAxisChecks(AccuracySpec accuracy, List<SweepCase> cases) {
        for (SweepCase c : cases) {
            c.axis(SweepKnobs.ALLOCATE_KEY).ifPresent(a -> {
                if (!accuracy.isTop1())
                    problems.add(a.pointer(), ("allocates per-layer formats by each layer's top-1 drop, measured on "
                            + "accuracy.model; set accuracy.metric: top1 and accuracy.model (%s), not %s").formatted(
                            SweepKnobs.MODEL.valid(), accuracy.metric()));
            });
            c.axis("quantization.weights").ifPresent(a -> {
                for (Object w : a.values())
                    if (w instanceof IntFormat i && !i.signed())
                        problems.add(a.pointer(), "%s is unsigned but the %s weights are signed; use int%d"
                                .formatted(i.name(), accuracy.isTop1() ? accuracy.model() : "synthetic", i.bits()));
            });
            c.axis("quantization.granularity").ifPresent(a -> {
                for (Object g : a.values())
                    if (((GranularityChoice) g).explicit() instanceof Granularity.PerGroup group && !accuracy.isTop1()
                            && !accuracy.isOutput() && accuracy.cols() % group.size() != 0)
                        problems.add(a.pointer(), "group size %d does not divide accuracy.tensor.cols = %d"
                                .formatted(group.size(), accuracy.cols()));
                    else if (((GranularityChoice) g).explicit() instanceof Granularity.PerGroup group
                            && accuracy.isOutput() && !accuracy.gemm().attention() && accuracy.gemm().k() > 0
                            && accuracy.gemm().k() % group.size() != 0)
                        problems.add(a.pointer(), "group size %d does not divide accuracy.gemm.k = %d"
                                .formatted(group.size(), accuracy.gemm().k()));
            });
        }
    }

    // ---- structure ----

    private <T> T scalar(Knob<T> knob, String pointer, JsonNode node) {
        return scalar(pointer, node, n -> knob.parse(raw(n)), knob.defaultValue());
    }

    /** A mapping under the root; a missing optional one reads as empty, so its fields take their defaults. */
    private JsonNode section(String pointer, JsonNode node, Set<String> keys, boolean required) {
        if (node == null) {
            if (required) {
                problems.add(pointer, "missing; it is required (keys: " + sorted(keys) + ")");
                problems.sectionMissing(pointer);
            }
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            problems.add(pointer, "expected a mapping with the keys %s, got %s".formatted(sorted(keys),
                    Raw.describe(raw(node))));
            problems.sectionMissing(pointer);
            return JsonNodeFactory.instance.objectNode();
        }
        keys(pointer, node, keys);
        return node;
    }

    private void keys(String pointer, JsonNode node, Set<String> valid) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!valid.contains(key))
                problems.add(pointer + "/" + key, "unknown key; valid: %s%s".formatted(sorted(valid),
                        Suggest.didYouMean(key, valid)));
        }
    }

    private <T> T required(String pointer, JsonNode node, Function<JsonNode, T> parse) {
        if (node == null) {
            problems.add(pointer, "missing; it is required");
            return null;
        }
        return parse(pointer, node, parse);
    }

    private <T> T scalar(String pointer, JsonNode node, Function<JsonNode, T> parse, T fallback) {
        if (node == null)
            return fallback;
        T v = parse(pointer, node, parse);
        return v == null ? fallback : v;
    }

    private <T> List<T> list(String pointer, JsonNode node, Function<JsonNode, T> parse, List<T> fallback) {
        if (node == null)
            return fallback;
        if (!node.isArray()) {
            T v = parse(pointer, node, parse);
            return v == null ? fallback : List.of(v);
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            T v = parse(pointer + "/" + i, node.get(i), parse);
            if (v != null)
                values.add(v);
        }
        return values;
    }

    private <T> T parse(String pointer, JsonNode node, Function<JsonNode, T> parse) {
        try {
            return Objects.requireNonNull(parse.apply(node));
        } catch (UserInputException | IllegalArgumentException e) {
            problems.add(pointer, e.getMessage());
            return null;
        }
    }

    /** A YAML node as a {@link Raw} value: scalars, and mappings with their keys and values; lists only say so. */
    static Object raw(JsonNode n) {
        if (n.isTextual())
            return n.asText();
        if (n.isBigInteger())
            return n.bigIntegerValue();
        if (n.isIntegralNumber())
            return n.asLong();
        if (n.isNumber())
            return n.asDouble();
        if (n.isBoolean())
            return n.asBoolean();
        if (n.isNull())
            return null;
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), raw(e.getValue())));
            return m;
        }
        return List.of();
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
