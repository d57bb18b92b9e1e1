package org.bitsweep.sweep.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeCatalog;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.Accelerator;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sweep.expr.Expression;
import org.bitsweep.sweep.expr.ExpressionException;
import org.bitsweep.sweep.expr.ExpressionParser;
import org.bitsweep.sweep.store.ResultColumns;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MixtureFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Reads a sweep file (schema v1, docs/sweep-files.md) and checks all of it before any work starts: every error is
 * collected and reported together, each as {@code file:line: field: what is wrong; what is valid}.
 */
public final class SweepFileReader {
    static final Set<String> TOP = Set.of("version", "name", "seed", "workload", "accuracy", "quantization", "target",
            "zip", "derived", "constraints", "objectives", "pareto", "outputs");
    static final Set<String> ACCURACY = Set.of("metric", "tensor", "model", "images", "through_pe");
    static final Set<String> TENSOR = Set.of("distribution", "rows", "cols", "std");
    static final Set<String> QUANTIZATION = Set.of("weights", "activations", "granularity");
    static final Set<String> TARGET = Set.of("kind", "pe", "array", "rows", "cols", "dataflow", "accumulator_bits",
            "overflow", "buffer_kib", "clock_mhz", "dram_gbps", "timing", "node");
    static final Set<String> PARETO = Set.of("group_by", "color_by");
    static final Set<String> OUTPUTS = Set.of("charts", "report");
    static final Set<String> OBJECTIVE = Set.of("column", "direction");
    static final Set<String> RANGE = Set.of("range", "step", "log", "factor", "count");

    public static final long DEFAULT_SEED = 1;
    public static final AccuracySpec DEFAULT_ACCURACY = new AccuracySpec(AccuracySpec.WEIGHT_SQNR_DB, 256, 4096, 0.02, 0);
    public static final String DEFAULT_GRANULARITY = "group:128";
    public static final int DEFAULT_ACCUMULATOR_BITS = 32;
    public static final int DEFAULT_BUFFER_KIB = 256;
    public static final double DEFAULT_CLOCK_MHZ = 1000;
    public static final String DEFAULT_NODE = "45nm";
    /** Parameter-only constraints are checked against at most this many points for a contradiction. */
    static final long CONTRADICTION_SCAN_LIMIT = 10_000_000;
    private static final Pattern ARRAY = Pattern.compile("(\\d+)\\s*[xX×]\\s*(\\d+)");

    private final LocatedYaml yaml;
    private final List<String> errors = new ArrayList<>();
    private final Set<String> missingSections = new HashSet<>();

    private SweepFileReader(LocatedYaml yaml) {
        this.yaml = yaml;
    }

    /** @throws UserInputException listing every problem in the file, one per line */
    public static SweepFile read(Path path) {
        return new SweepFileReader(LocatedYaml.read(path)).sweep(defaultName(path.getFileName().toString()));
    }

    public static SweepFile read(String file, Reader in) throws IOException {
        return new SweepFileReader(LocatedYaml.parse(file, in)).sweep(defaultName(Path.of(file).getFileName().toString()));
    }

    private static String defaultName(String fileName) {
        return fileName.replaceFirst("\\.(ya?ml|json)$", "");
    }

    private SweepFile sweep(String defaultName) {
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            error("", "a sweep file is a mapping of keys (name, workload, quantization, target, ...), got " + kind(root));
            throw failure();
        }
        keys("", root, TOP);
        scalar("/version", root.get("version"), n -> {
            if (!n.isIntegralNumber() || n.asInt() != 1)
                throw new UserInputException("unsupported version %s; valid: 1".formatted(n.asText()));
            return 1;
        }, 1);
        String name = scalar("/name", root.get("name"), this::text, defaultName);
        long seed = scalar("/seed", root.get("seed"), this::integer, DEFAULT_SEED);
        AccuracySpec accuracy = accuracy(root.get("accuracy"));

        List<Axis> axes = new ArrayList<>();
        axis(axes, "workload", "/workload", root.get("workload"),
                n -> new WorkloadChoice(text(n), ModelZoo.bundled().workload(text(n))), null, Numbers.NONE);
        JsonNode q = section("/quantization", root.get("quantization"), QUANTIZATION, true);
        axis(axes, "quantization.weights", "/quantization/weights", q.get("weights"), this::format, null, Numbers.NONE);
        axis(axes, "quantization.activations", "/quantization/activations", q.get("activations"), this::format, null, Numbers.NONE);
        axis(axes, "quantization.granularity", "/quantization/granularity", q.get("granularity"),
                n -> Granularity.parse(text(n)), List.of(Granularity.parse(DEFAULT_GRANULARITY)), Numbers.NONE);
        JsonNode t = section("/target", root.get("target"), TARGET, true);
        scalar("/target/kind", t.get("kind"), n -> {
            if (!text(n).equals("pe-array"))
                throw new UserInputException(("unknown target kind \"%s\"; valid: pe-array (FPGA and GPU targets "
                        + "come later)").formatted(n.asText()));
            return "pe-array";
        }, "pe-array");
        axis(axes, "target.pe", "/target/pe", t.get("pe"), this::peId, List.of(PeCatalog.ids().get(0)), Numbers.NONE);
        boolean byDims = t.has("rows") || t.has("cols");
        if (byDims && t.has("array"))
            error("/target/array", "give either array (ROWSxCOLS) or rows and cols, not both");
        if (byDims) {
            axis(axes, "target.rows", "/target/rows", t.get("rows"),
                    n -> (int) ranged(n, 1, OutputStationaryArray.MAX_DIM), null, Numbers.INTEGER);
            axis(axes, "target.cols", "/target/cols", t.get("cols"),
                    n -> (int) ranged(n, 1, OutputStationaryArray.MAX_DIM), null, Numbers.INTEGER);
        } else {
            axis(axes, "target.array", "/target/array", t.get("array"), this::array, null, Numbers.NONE);
        }
        axis(axes, "target.dataflow", "/target/dataflow", t.get("dataflow"), this::dataflow, List.of(Dataflow.OS),
                Numbers.NONE);
        axis(axes, "target.accumulator_bits", "/target/accumulator_bits", t.get("accumulator_bits"),
                n -> (int) ranged(n, PeParams.MIN_ACC_BITS, PeParams.MAX_ACC_BITS), List.of(DEFAULT_ACCUMULATOR_BITS), Numbers.INTEGER);
        axis(axes, "target.overflow", "/target/overflow", t.get("overflow"), this::overflow, List.of(Overflow.WRAP), Numbers.NONE);
        axis(axes, "target.buffer_kib", "/target/buffer_kib", t.get("buffer_kib"), n -> (int) ranged(n, 1, 1 << 20),
                List.of(DEFAULT_BUFFER_KIB), Numbers.INTEGER);
        axis(axes, "target.clock_mhz", "/target/clock_mhz", t.get("clock_mhz"), this::positiveNumber,
                List.of(DEFAULT_CLOCK_MHZ), Numbers.REAL);
        axis(axes, "target.dram_gbps", "/target/dram_gbps", t.get("dram_gbps"), this::positiveNumber,
                List.of(Accelerator.DEFAULT_DRAM_GBPS), Numbers.REAL);
        axis(axes, "target.timing", "/target/timing", t.get("timing"), this::timing, List.of(Timing.BITSWEEP),
                Numbers.NONE);
        axis(axes, "target.node", "/target/node", t.get("node"), this::node, List.of(DEFAULT_NODE), Numbers.NONE);

        List<List<String>> zip = zip(root.get("zip"), axes);
        List<Derived> derived = derived(root.get("derived"), accuracy);
        List<Constraint> constraints = constraints(root.get("constraints"), accuracy, derived);
        List<Objective> objectives = objectives(root.get("objectives"), accuracy, derived);
        JsonNode p = section("/pareto", root.get("pareto"), PARETO, false);
        Set<String> allColumns = allColumns(accuracy, derived);
        Optional<String> groupBy = Optional.ofNullable(scalar("/pareto/group_by", p.get("group_by"),
                n -> column(n, allColumns), null));
        String colorBy = scalar("/pareto/color_by", p.get("color_by"), n -> column(n, allColumns), defaultColour(axes));
        JsonNode o = section("/outputs", root.get("outputs"), OUTPUTS, false);
        List<String> charts = list("/outputs/charts", o.get("charts"), n -> {
            String c = text(n);
            if (!c.equals("png") && !c.equals("svg"))
                throw new UserInputException("unknown chart type \"%s\"; valid: png, svg".formatted(c));
            return c;
        }, List.of("png", "svg"));
        boolean report = scalar("/outputs/report", o.get("report"), this::bool, true);

        if (errors.isEmpty())
            crossChecks(accuracy, axes, constraints, zip);
        if (!errors.isEmpty())
            throw failure();
        SweepFile sweep = new SweepFile(name, yaml.file(), seed, accuracy, axes, zip, derived, constraints, objectives,
                groupBy, colorBy, charts, report);
        checkSatisfiable(sweep);
        if (!errors.isEmpty())
            throw failure();
        return sweep;
    }

    /** The first of these axes that has 2 to 10 values colours the charts; else the weight format. */
    private static String defaultColour(List<Axis> axes) {
        for (String key : List.of("target.pe", "quantization.activations", "target.array", "target.dataflow",
                "quantization.weights", "target.node", "workload", "quantization.granularity"))
            for (Axis a : axes)
                if (a.key().equals(key) && a.values().size() >= 2 && a.values().size() <= 10)
                    return a.column();
        return "weights";
    }

    /** A workload as written and as built. */
    public record WorkloadChoice(String spec, org.bitsweep.workloads.model.Workload workload) {
        @Override
        public String toString() {
            return spec;
        }
    }

    private AccuracySpec accuracy(JsonNode node) {
        if (node == null)
            return DEFAULT_ACCURACY;
        JsonNode a = section("/accuracy", node, ACCURACY, false);
        String metric = scalar("/accuracy/metric", a.get("metric"), n -> {
            String m = text(n);
            if (!AccuracySpec.METRICS.contains(m))
                throw new UserInputException("unknown metric \"%s\"; valid: %s%s".formatted(m,
                        String.join(", ", AccuracySpec.METRICS), Suggest.didYouMean(m, AccuracySpec.METRICS)));
            return m;
        }, DEFAULT_ACCURACY.metric());
        if (metric.equals(AccuracySpec.TOP1))
            return top1(a);
        for (String key : new String[] {"model", "images", "through_pe"})
            if (a.get(key) != null)
                error("/accuracy/" + key, "applies to metric top1 only; metric %s measures a synthetic weight tensor "
                        .formatted(metric) + "(accuracy.tensor)");
        JsonNode t = section("/accuracy/tensor", a.get("tensor"), TENSOR, false);
        double nu = scalar("/accuracy/tensor/distribution", t.get("distribution"), n -> {
            String d = text(n);
            if (d.equals("gaussian"))
                return 0.0;
            if (d.equals("llm-like"))
                return AccuracySpec.LLM_LIKE;
            if (d.startsWith("student-t:")) {
                try {
                    double v = Double.parseDouble(d.substring("student-t:".length()));
                    if (v > 0 && Double.isFinite(v))
                        return v;
                } catch (NumberFormatException e) {
                    // falls through
                }
            }
            throw new UserInputException("unknown distribution \"%s\"; valid: gaussian, student-t:NU (NU > 0), llm-like".formatted(d));
        }, 0.0);
        int rows = scalar("/accuracy/tensor/rows", t.get("rows"), n -> (int) ranged(n, 1, 1 << 16), DEFAULT_ACCURACY.rows());
        int cols = scalar("/accuracy/tensor/cols", t.get("cols"), n -> (int) ranged(n, 1, 1 << 16), DEFAULT_ACCURACY.cols());
        double std = scalar("/accuracy/tensor/std", t.get("std"), this::positiveNumber, DEFAULT_ACCURACY.std());
        return new AccuracySpec(metric, rows, cols, std, nu);
    }

    /** accuracy.metric top1: a Fashion-MNIST model's top-1, optionally through each point's PE. */
    private AccuracySpec top1(JsonNode a) {
        if (a.get("tensor") != null)
            error("/accuracy/tensor", "applies to the weight_* metrics; top1 measures accuracy.model on test images");
        String model = scalar("/accuracy/model", a.get("model"), n -> {
            String m = text(n);
            if (!FashionModels.names().contains(m))
                throw new UserInputException("unknown model \"%s\"; valid: %s%s".formatted(m,
                        String.join(", ", FashionModels.names()), Suggest.didYouMean(m, FashionModels.names())));
            return m;
        }, null);
        if (model == null) {
            if (a.get("model") == null)
                error("/accuracy/metric", "top1 needs accuracy.model: one of " + String.join(", ", FashionModels.names()));
            model = FashionModels.names().get(0);       // only to go on collecting errors
        }
        int images = scalar("/accuracy/images", a.get("images"), n -> (int) ranged(n, 1, AccuracySpec.TEST_IMAGES),
                AccuracySpec.TEST_IMAGES);
        boolean throughPe = scalar("/accuracy/through_pe", a.get("through_pe"), this::bool, true);
        return AccuracySpec.top1(model, images, throughPe, DEFAULT_ACCURACY);
    }

    private List<List<String>> zip(JsonNode node, List<Axis> axes) {
        List<List<String>> groups = new ArrayList<>();
        if (node == null)
            return groups;
        if (!node.isArray()) {
            error("/zip", "expected a list of lists of axis keys, e.g. [[quantization.weights, target.array]]");
            return groups;
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String ptr = "/zip/" + i;
            JsonNode g = node.get(i);
            if (!g.isArray() || g.size() < 2) {
                error(ptr, "expected a list of two or more axis keys");
                continue;
            }
            List<String> keys = new ArrayList<>();
            int size = -1;
            for (int j = 0; j < g.size(); j++) {
                String key = g.get(j).asText();
                Optional<Axis> axis = axes.stream().filter(a -> a.key().equals(key)).findFirst();
                if (axis.isEmpty()) {
                    error(ptr + "/" + j, "\"%s\" is not an axis of this sweep; valid: %s".formatted(key,
                            String.join(", ", axes.stream().map(Axis::key).toList())));
                    continue;
                }
                if (!used.add(key))
                    error(ptr + "/" + j, "\"%s\" is already in a zip group; an axis can vary with one group only".formatted(key));
                if (size >= 0 && axis.get().values().size() != size)
                    error(ptr + "/" + j, ("\"%s\" has %d values but %s has %d; zipped axes vary together, so they "
                            + "need the same number").formatted(key, axis.get().values().size(), keys.get(0), size));
                size = axis.get().values().size();
                keys.add(key);
            }
            groups.add(keys);
        }
        return groups;
    }

    private List<Derived> derived(JsonNode node, AccuracySpec accuracy) {
        List<Derived> derived = new ArrayList<>();
        if (node == null)
            return derived;
        if (!node.isObject()) {
            error("/derived", "expected a mapping of NAME: EXPRESSION, e.g. {area_mm2: area_um2 / 1e6}");
            return derived;
        }
        Set<String> params = new LinkedHashSet<>(ResultColumns.NUMERIC_PARAMETERS);
        Set<String> known = new LinkedHashSet<>(ResultColumns.numericColumns(accuracy.metric()));
        Set<String> fromMetrics = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ptr = "/derived/" + e.getKey();
            if (known.contains(e.getKey()) || ResultColumns.TEXT_PARAMETERS.contains(e.getKey())) {
                error(ptr, "\"%s\" is already a column; choose another name".formatted(e.getKey()));
                continue;
            }
            Expression x = expression(ptr, e.getValue(), known);
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

    private List<Constraint> constraints(JsonNode node, AccuracySpec accuracy, List<Derived> derived) {
        List<Constraint> constraints = new ArrayList<>();
        if (node == null)
            return constraints;
        if (!node.isArray()) {
            error("/constraints", "expected a list of expressions, e.g. [\"area_um2 / 1e6 < 2\", \"rows <= cols\"]");
            return constraints;
        }
        Set<String> known = new LinkedHashSet<>(ResultColumns.numericColumns(accuracy.metric()));
        Set<String> params = new HashSet<>(ResultColumns.NUMERIC_PARAMETERS);
        for (Derived d : derived) {
            known.add(d.name());
            if (!d.fromMetrics())
                params.add(d.name());
        }
        for (int i = 0; i < node.size(); i++) {
            String ptr = "/constraints/" + i;
            Expression x = expression(ptr, node.get(i), known);
            if (x != null)
                constraints.add(new Constraint(x, !params.containsAll(x.variables()), yaml.line(ptr)));
        }
        return constraints;
    }

    private List<Objective> objectives(JsonNode node, AccuracySpec accuracy, List<Derived> derived) {
        Set<String> numeric = new LinkedHashSet<>(ResultColumns.numericColumns(accuracy.metric()));
        derived.forEach(d -> numeric.add(d.name()));
        List<Objective> defaults = List.of(new Objective(accuracy.metric(), accuracy.higherIsBetter()),
                new Objective("energy_pj", false), new Objective("area_um2", false));
        if (node == null)
            return defaults;
        if (!node.isArray() || node.isEmpty()) {
            error("/objectives", "expected a list of {column: NAME, direction: max|min}");
            return defaults;
        }
        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String ptr = "/objectives/" + i;
            JsonNode o = section(ptr, node.get(i), OBJECTIVE, true);
            String column = required(ptr + "/column", o.get("column"), n -> {
                String c = text(n);
                if (!numeric.contains(c))
                    throw new UserInputException("unknown numeric column \"%s\"; valid: %s%s".formatted(c,
                            String.join(", ", numeric), Suggest.didYouMean(c, numeric)));
                return c;
            });
            String direction = required(ptr + "/direction", o.get("direction"), n -> {
                String d = text(n);
                if (!d.equals("max") && !d.equals("min"))
                    throw new UserInputException("\"%s\"; valid: max, min".formatted(d));
                return d;
            });
            if (column != null && direction != null)
                objectives.add(new Objective(column, direction.equals("max")));
        }
        if (objectives.size() < 2 && errors.isEmpty())
            error("/objectives", "a Pareto front needs at least two objectives, got " + objectives.size());
        return objectives;
    }

    private Set<String> allColumns(AccuracySpec accuracy, List<Derived> derived) {
        Set<String> all = new LinkedHashSet<>(ResultColumns.TEXT_PARAMETERS);
        all.addAll(ResultColumns.numericColumns(accuracy.metric()));
        derived.forEach(d -> all.add(d.name()));
        return all;
    }

    private String column(JsonNode n, Set<String> valid) {
        String c = text(n);
        if (!valid.contains(c))
            throw new UserInputException("unknown column \"%s\"; valid: %s%s".formatted(c, String.join(", ", valid),
                    Suggest.didYouMean(c, valid)));
        return c;
    }

    private Expression expression(String ptr, JsonNode n, Set<String> known) {
        if (n == null || !(n.isTextual() || n.isNumber())) {
            error(ptr, "expected an expression in quotes, got " + (n == null ? "nothing" : kind(n)));
            return null;
        }
        try {
            Expression x = ExpressionParser.parse(n.asText());
            for (String v : x.variables())
                if (!known.contains(v))
                    throw new ExpressionException("unknown name %s; valid: %s%s".formatted(v, String.join(", ", known),
                            Suggest.didYouMean(v, known)), 1);
            return x;
        } catch (ExpressionException e) {
            error(ptr, "\"%s\": %s (column %d)".formatted(n.asText(), e.getMessage(), e.column()));
            return null;
        }
    }

    /** Checks that need several fields at once; each error points at the field a user would change. */
    private void crossChecks(AccuracySpec accuracy, List<Axis> axes, List<Constraint> constraints, List<List<String>> zip) {
        List<Object> weights = values(axes, "quantization.weights");
        List<Object> activations = values(axes, "quantization.activations");
        for (Object w : weights)
            if (w instanceof IntFormat i && !i.signed())
                error("/quantization/weights", "%s is unsigned but the %s weights are signed; use int%d"
                        .formatted(i.name(), accuracy.isTop1() ? accuracy.model() : "synthetic", i.bits()));
        if (accuracy.isTop1())
            top1Checks(accuracy, axes, weights, activations);
        for (Object g : values(axes, "quantization.granularity")) {
            Granularity granularity = (Granularity) g;
            for (Object w : weights)
                try {
                    QuantConfig.of((NumberFormat) w, granularity);
                } catch (UserInputException e) {
                    error("/quantization/granularity", e.getMessage());
                }
            if (!(granularity instanceof Granularity.PerGroup group))
                continue;
            if (!accuracy.isTop1() && accuracy.cols() % group.size() != 0)
                error("/quantization/granularity", "group size %d does not divide accuracy.tensor.cols = %d"
                        .formatted(group.size(), accuracy.cols()));
            for (Object wl : values(axes, "workload"))
                for (Layer layer : ((WorkloadChoice) wl).workload().layers())
                    if (layer.kind() == LayerKind.WEIGHT && layer.shape().k() % group.size() != 0) {
                        error("/quantization/granularity", "group size %d does not divide k = %d of layer \"%s\" of %s"
                                .formatted(group.size(), layer.shape().k(), layer.name(), wl));
                        break;
                    }
        }
        for (Object id : values(axes, "target.pe"))
            for (Object acc : values(axes, "target.accumulator_bits")) {
                PeModel pe = PeCatalog.create((String) id, new PeParams((Integer) acc, Overflow.WRAP));
                for (Object w : weights)
                    for (Object a : activations) {
                        OperandFormats f = OperandFormats.of((NumberFormat) w, (NumberFormat) a);
                        if (pe.supports(f))
                            continue;
                        if (f.bothIntegers())
                            error("/target/accumulator_bits", "%d with pe %s: %s".formatted(acc, id, pe.unsupportedReason(f)));
                        else
                            error("/target/pe", pe.unsupportedReason(f));
                    }
            }
    }

    /**
     * What reference inference must be able to run for top1: every weight quantization with every activation format
     * (one scale per tensor), and, through the PE, every PE and accumulator width of the sweep with them.
     */
    private void top1Checks(AccuracySpec accuracy, List<Axis> axes, List<Object> weights, List<Object> activations) {
        for (Object g : values(axes, "quantization.granularity"))
            for (Object w : weights)
                for (Object a : activations) {
                    if (a instanceof MxFormat || a instanceof MixtureFormat || a instanceof OliveFormat) {
                        error("/quantization/activations", ("%s shares scales or types within blocks; top1 quantizes "
                                + "activations with one calibrated scale per tensor, in an element format such as "
                                + "int8, uint8, fp8-e4m3 or nf4").formatted(((NumberFormat) a).name()));
                        continue;
                    }
                    QuantConfig wq;
                    try {
                        wq = QuantConfig.of((NumberFormat) w, (Granularity) g);
                    } catch (UserInputException e) {
                        continue;                   // reported at quantization.granularity
                    }
                    InferenceConfig config;
                    try {
                        config = InferenceConfig.of(wq, QuantConfig.of((NumberFormat) a, Granularity.TENSOR));
                    } catch (UserInputException e) {
                        error("/quantization/activations", e.getMessage());
                        continue;
                    }
                    if (!accuracy.throughPe())
                        continue;
                    for (Object id : values(axes, "target.pe"))
                        for (Object acc : values(axes, "target.accumulator_bits")) {
                            PeModel pe = PeCatalog.create((String) id, new PeParams((Integer) acc, Overflow.WRAP));
                            if (!pe.supports(OperandFormats.of((NumberFormat) w, (NumberFormat) a)))
                                continue;           // reported below, as for the simulator
                            try {
                                config.withArithmetic(pe.macSupplier());
                            } catch (UserInputException e) {
                                error("/accuracy/through_pe", "true, but " + e.getMessage()
                                        + " (through_pe: false measures top1 with reference dot products)");
                            }
                        }
                }
    }

    /**
     * Parameter-only constraints that no point of the space meets contradict each other or the axes: stop before
     * any work. Spaces larger than {@link #CONTRADICTION_SCAN_LIMIT} are scanned that far only.
     */
    private void checkSatisfiable(SweepFile sweep) {
        List<Constraint> paramOnly = sweep.constraints().stream().filter(c -> !c.fromMetrics()).toList();
        if (paramOnly.isEmpty())
            return;
        org.bitsweep.sweep.space.DesignSpace space = new org.bitsweep.sweep.space.DesignSpace(sweep);
        long scan = Math.min(space.size(), CONTRADICTION_SCAN_LIMIT);
        for (long id = 0; id < scan; id++)
            if (space.meetsParameterConstraints(space.point(id)))
                return;
        if (scan < space.size())
            return;
        error("/constraints", "no point of the %d in the design space meets all of: %s; the constraints contradict "
                .formatted(space.size(), String.join("; ", paramOnly.stream().map(c -> c.expression().text()).toList()))
                + "each other or the axes' values");
    }

    private static List<Object> values(List<Axis> axes, String key) {
        return axes.stream().filter(a -> a.key().equals(key)).findFirst().map(Axis::values).orElse(List.of());
    }

    // ---- field parsers: each throws UserInputException with a message that does not yet say where ----

    private String text(JsonNode n) {
        if (!n.isTextual())
            throw new UserInputException("expected a string, got " + kind(n));
        return n.asText();
    }

    private boolean bool(JsonNode n) {
        if (!n.isBoolean())
            throw new UserInputException("expected true or false, got " + kind(n));
        return n.asBoolean();
    }

    private long integer(JsonNode n) {
        if (!n.isIntegralNumber())
            throw new UserInputException("expected an integer, got " + kind(n));
        return n.asLong();
    }

    private long ranged(JsonNode n, long min, long max) {
        long v = integer(n);
        if (v < min || v > max)
            throw new UserInputException("%d is out of range; valid: %d to %d".formatted(v, min, max));
        return v;
    }

    private double positiveNumber(JsonNode n) {
        if (!n.isNumber())
            throw new UserInputException("expected a number, got " + kind(n));
        double v = n.asDouble();
        if (!(v > 0) || Double.isInfinite(v))
            throw new UserInputException("%s must be a finite number > 0".formatted(n.asText()));
        return v;
    }

    private NumberFormat format(JsonNode n) {
        return Formats.parse(text(n));
    }

    private String peId(JsonNode n) {
        String id = text(n);
        if (!PeCatalog.ids().contains(id))
            throw new UserInputException("unknown PE \"%s\"; valid: %s%s".formatted(id,
                    String.join(", ", PeCatalog.ids()), Suggest.didYouMean(id, PeCatalog.ids())));
        return id;
    }

    private OutputStationaryArray array(JsonNode n) {
        String usage = "valid: ROWSxCOLS (e.g. 16x16) or one integer for a square array, each 1 to "
                + OutputStationaryArray.MAX_DIM;
        long rows;
        long cols;
        if (n.isIntegralNumber()) {
            rows = cols = n.asLong();
        } else if (n.isTextual()) {
            Matcher m = ARRAY.matcher(n.asText().trim());
            if (!m.matches())
                throw new UserInputException("\"%s\" is not an array size; %s".formatted(n.asText(), usage));
            rows = parseDim(m.group(1));
            cols = parseDim(m.group(2));
        } else {
            throw new UserInputException("expected an array size, got %s; %s".formatted(kind(n), usage));
        }
        if (rows < 1 || cols < 1 || rows > OutputStationaryArray.MAX_DIM || cols > OutputStationaryArray.MAX_DIM)
            throw new UserInputException("%d×%d is not a possible array; %s".formatted(rows, cols, usage));
        return new OutputStationaryArray((int) rows, (int) cols);
    }

    private static long parseDim(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private Overflow overflow(JsonNode n) {
        String v = text(n);
        for (Overflow o : Overflow.values())
            if (o.id().equals(v))
                return o;
        throw new UserInputException("unknown overflow \"%s\"; valid: %s".formatted(v, Overflow.validIds()));
    }

    private Dataflow dataflow(JsonNode n) {
        String v = text(n);
        return Dataflow.all().stream().filter(d -> d.id().equals(v)).findFirst().orElseThrow(() ->
                new UserInputException("unknown dataflow \"%s\"; valid: os, ws, is".formatted(v)));
    }

    private Timing timing(JsonNode n) {
        String v = text(n);
        for (Timing t : Timing.values())
            if (t.id().equals(v))
                return t;
        throw new UserInputException("unknown timing \"%s\"; valid: bitsweep, scalesim".formatted(v));
    }

    private String node(JsonNode n) {
        String v = text(n).toLowerCase(Locale.ROOT);
        if (!AsicCostModel.nodes().contains(v))
            throw new UserInputException("no cost tables for node \"%s\"; valid: %s"
                    .formatted(n.asText(), String.join(", ", AsicCostModel.nodes())));
        return v;
    }

    // ---- structure ----

    /** A mapping under the root; a missing optional one reads as empty, so its fields take their defaults. */
    private JsonNode section(String pointer, JsonNode node, Set<String> keys, boolean required) {
        if (node == null) {
            if (required) {
                error(pointer, "missing; it is required (keys: " + sorted(keys) + ")");
                missingSections.add(pointer);
            }
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            error(pointer, "expected a mapping with the keys %s, got %s".formatted(sorted(keys), kind(node)));
            missingSections.add(pointer);
            return JsonNodeFactory.instance.objectNode();
        }
        keys(pointer, node, keys);
        return node;
    }

    private void keys(String pointer, JsonNode node, Set<String> valid) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!valid.contains(key))
                error(pointer + "/" + key, "unknown key; valid: %s%s".formatted(sorted(valid),
                        Suggest.didYouMean(key, valid)));
        }
    }

    private <T> T required(String pointer, JsonNode node, Function<JsonNode, T> parse) {
        if (node == null) {
            error(pointer, "missing; it is required");
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

    /**
     * An axis: one value, a list, or for numbers a range: {@code {range: [FROM, TO], step: S}} (linear, both ends
     * included when on the grid), {@code {log: [FROM, TO], factor: F}} (FROM, FROM·F, … up to TO) or
     * {@code {log: [FROM, TO], count: N}} (N values evenly spaced in log, rounded for integer fields). An empty
     * list is an error.
     */
    private void axis(List<Axis> axes, String key, String pointer, JsonNode node, Function<JsonNode, Object> parse,
                      List<?> fallback, Numbers numbers) {
        List<Object> values = new ArrayList<>();
        if (node == null) {
            if (fallback == null)
                error(pointer, "missing; it is required (one value, or a list of values to sweep)");
            else
                values.addAll(fallback);
        } else if (node.isArray()) {
            if (node.isEmpty())
                error(pointer, "empty list; give at least one value");
            for (int i = 0; i < node.size(); i++) {
                Object v = parse(pointer + "/" + i, node.get(i), parse);
                if (v != null)
                    values.add(v);
            }
        } else if (node.isObject() && numbers != Numbers.NONE) {
            for (JsonNode v : rangeValues(pointer, node, numbers == Numbers.INTEGER))
                values.add(parse(pointer, v, parse));
            values.removeIf(java.util.Objects::isNull);
            List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(values));
            values = distinct;
        } else {
            Object v = parse(pointer, node, parse);
            if (v != null)
                values.add(v);
        }
        if (!values.isEmpty())
            axes.add(new Axis(key, pointer, values));
    }

    /** Which axes take ranges, and whether their values are rounded to integers. */
    private enum Numbers {
        NONE, INTEGER, REAL
    }

    private List<JsonNode> rangeValues(String pointer, JsonNode node, boolean integral) {
        keys(pointer, node, RANGE);
        List<JsonNode> out = new ArrayList<>();
        boolean linear = node.has("range");
        JsonNode bounds = linear ? node.get("range") : node.get("log");
        if (bounds == null || !bounds.isArray() || bounds.size() != 2 || !bounds.get(0).isNumber()
                || !bounds.get(1).isNumber()) {
            error(pointer, "a range is {range: [FROM, TO], step: S} or {log: [FROM, TO], factor: F} or "
                    + "{log: [FROM, TO], count: N}");
            return out;
        }
        double from = bounds.get(0).asDouble();
        double to = bounds.get(1).asDouble();
        if (!(from <= to)) {
            error(pointer, "range from %s to %s is empty; FROM must not exceed TO".formatted(from, to));
            return out;
        }
        if (linear) {
            JsonNode step = node.get("step");
            if (step == null || !step.isNumber() || !(step.asDouble() > 0)) {
                error(pointer, "a linear range needs step: S with S > 0");
                return out;
            }
            double s = step.asDouble();
            long count = (long) Math.floor((to - from) / s + 1e-9) + 1;
            if (count > 1_000_000) {
                error(pointer, "range gives %d values; at most 1,000,000 per axis".formatted(count));
                return out;
            }
            for (long i = 0; i < count; i++)
                out.add(number(from + i * s, integral));
            return out;
        }
        if (!(from > 0)) {
            error(pointer, "a log range needs FROM > 0, got " + from);
            return out;
        }
        if (node.has("factor") == node.has("count")) {
            error(pointer, "a log range needs exactly one of factor: F (F > 1) or count: N (N >= 2)");
            return out;
        }
        if (node.has("factor")) {
            double f = node.get("factor").asDouble();
            if (!(f > 1)) {
                error(pointer, "factor must be > 1, got " + node.get("factor").asText());
                return out;
            }
            for (double v = from; v <= to * (1 + 1e-12) && out.size() <= 1_000_000; v *= f)
                out.add(number(v, integral));
            return out;
        }
        int n = node.get("count").asInt();
        if (n < 2 || n > 1_000_000) {
            error(pointer, "count must be between 2 and 1,000,000, got " + node.get("count").asText());
            return out;
        }
        for (int i = 0; i < n; i++)
            out.add(number(from * Math.pow(to / from, i / (double) (n - 1)), integral));
        return out;
    }

    private static JsonNode number(double v, boolean integral) {
        return integral ? JsonNodeFactory.instance.numberNode(Math.round(v)) : JsonNodeFactory.instance.numberNode(v);
    }

    private <T> T parse(String pointer, JsonNode node, Function<JsonNode, T> parse) {
        try {
            return parse.apply(node);
        } catch (UserInputException | IllegalArgumentException e) {
            error(pointer, e.getMessage());
            return null;
        }
    }

    void error(String pointer, String message) {
        if (missingSections.stream().anyMatch(section -> pointer.startsWith(section + "/")))
            return;
        String line = "%s:%d: %s: %s".formatted(yaml.file(), yaml.line(pointer), field(pointer), message);
        if (!errors.contains(line))
            errors.add(line);
    }

    private UserInputException failure() {
        return new UserInputException(String.join("\n", errors));
    }

    /** {@code /target/array/1} → {@code target.array[1]}. */
    static String field(String pointer) {
        if (pointer.isEmpty())
            return "top level";
        StringBuilder b = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && b.length() > 0)
                b.append('[').append(name).append(']');
            else
                b.append(b.length() > 0 ? "." : "").append(name);
        }
        return b.toString();
    }

    private static String kind(JsonNode n) {
        if (n.isTextual())
            return "the string \"" + n.asText() + "\"";
        if (n.isNumber())
            return "the number " + n.asText();
        if (n.isBoolean())
            return n.asText();
        if (n.isNull())
            return "nothing (null)";
        return n.isArray() ? "a list" : "a mapping";
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
