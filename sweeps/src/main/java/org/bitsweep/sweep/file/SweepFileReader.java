package org.bitsweep.sweep.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Reads a sweep file and checks all of it before any work starts, as a user would want: every error is collected
 * and reported together, each as {@code file:line: field: what is wrong; what is valid}. The keys are documented in
 * docs/sweep-files.md.
 */
public final class SweepFileReader {
    static final Set<String> TOP = Set.of("name", "seed", "workload", "accuracy", "quantization", "hardware");
    static final Set<String> ACCURACY = Set.of("metric", "tensor");
    static final Set<String> TENSOR = Set.of("rows", "cols", "std");
    static final Set<String> QUANTIZATION = Set.of("weights", "activations", "granularity");
    static final Set<String> HARDWARE = Set.of("pe", "array", "accumulator_bits", "overflow", "buffer_kib",
            "clock_mhz", "node");

    public static final long DEFAULT_SEED = 1;
    public static final AccuracySpec DEFAULT_ACCURACY = new AccuracySpec(AccuracySpec.WEIGHT_SQNR_DB, 256, 4096, 0.02);
    public static final Granularity DEFAULT_GRANULARITY = Granularity.group(128);
    public static final int DEFAULT_ACCUMULATOR_BITS = 32;
    public static final int DEFAULT_BUFFER_KIB = 256;
    public static final double DEFAULT_CLOCK_MHZ = 1000;
    public static final String DEFAULT_NODE = "45nm";
    private static final Pattern ARRAY = Pattern.compile("(\\d+)\\s*[xX×]\\s*(\\d+)");

    private final LocatedYaml yaml;
    private final List<String> errors = new ArrayList<>();
    /** Missing sections are reported once; the required keys inside them are not reported again. */
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
            error("", "a sweep file is a mapping of keys (name, workload, quantization, hardware, ...), got "
                    + kind(root));
            throw failure();
        }
        keys("", root, TOP);
        String name = scalar("/name", root.get("name"), this::text, defaultName);
        long seed = scalar("/seed", root.get("seed"), this::integer, DEFAULT_SEED);
        String workloadSpec = required("/workload", root.get("workload"), this::text);
        Workload workload = workloadSpec == null ? null
                : parse("/workload", root.get("workload"), n -> ModelZoo.bundled().workload(n.asText()));

        AccuracySpec accuracy = accuracy(root.get("accuracy"));

        JsonNode q = section("/quantization", root.get("quantization"), QUANTIZATION, true);
        List<NumberFormat> weights = axis("/quantization/weights", q.get("weights"), this::format, null);
        List<NumberFormat> activations = axis("/quantization/activations", q.get("activations"), this::format, null);
        List<Granularity> granularity = axis("/quantization/granularity", q.get("granularity"),
                n -> Granularity.parse(text(n)), List.of(DEFAULT_GRANULARITY));

        JsonNode h = section("/hardware", root.get("hardware"), HARDWARE, true);
        List<String> pe = axis("/hardware/pe", h.get("pe"), this::peId, List.of(PeCatalog.ids().get(0)));
        List<OutputStationaryArray> array = axis("/hardware/array", h.get("array"), this::array, null);
        List<Integer> accBits = axis("/hardware/accumulator_bits", h.get("accumulator_bits"),
                n -> (int) ranged(n, PeParams.MIN_ACC_BITS, PeParams.MAX_ACC_BITS), List.of(DEFAULT_ACCUMULATOR_BITS));
        List<Overflow> overflow = axis("/hardware/overflow", h.get("overflow"), this::overflow, List.of(Overflow.WRAP));
        List<Integer> bufferKib = axis("/hardware/buffer_kib", h.get("buffer_kib"),
                n -> (int) ranged(n, 1, 1 << 20), List.of(DEFAULT_BUFFER_KIB));
        List<Double> clockMhz = axis("/hardware/clock_mhz", h.get("clock_mhz"), this::positiveNumber,
                List.of(DEFAULT_CLOCK_MHZ));
        List<String> node = axis("/hardware/node", h.get("node"), this::node, List.of(DEFAULT_NODE));

        if (errors.isEmpty())
            crossChecks(workload, accuracy, weights, activations, granularity, pe, accBits);
        if (!errors.isEmpty())
            throw failure();
        return new SweepFile(name, yaml.file(), seed, workloadSpec, workload, accuracy, weights, activations,
                granularity, pe, array, accBits, overflow, bufferKib, clockMhz, node);
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
        JsonNode t = section("/accuracy/tensor", a.get("tensor"), TENSOR, false);
        int rows = scalar("/accuracy/tensor/rows", t.get("rows"), n -> (int) ranged(n, 1, 1 << 16),
                DEFAULT_ACCURACY.rows());
        int cols = scalar("/accuracy/tensor/cols", t.get("cols"), n -> (int) ranged(n, 1, 1 << 16),
                DEFAULT_ACCURACY.cols());
        double std = scalar("/accuracy/tensor/std", t.get("std"), this::positiveNumber, DEFAULT_ACCURACY.std());
        return new AccuracySpec(metric, rows, cols, std);
    }

    /** Checks that need several fields at once; each error points at the field a user would change. */
    private void crossChecks(Workload workload, AccuracySpec accuracy, List<NumberFormat> weights,
                             List<NumberFormat> activations, List<Granularity> granularity, List<String> pes,
                             List<Integer> accBits) {
        for (NumberFormat w : weights)
            if (w instanceof IntFormat i && !i.signed())
                error("/quantization/weights", "%s is unsigned but the synthetic weights are signed; use int%d"
                        .formatted(w.name(), w.bits()));
        for (Granularity g : granularity) {
            for (NumberFormat w : weights)
                try {
                    QuantConfig.of(w, g);
                } catch (UserInputException e) {
                    error("/quantization/granularity", e.getMessage());
                }
            if (!(g instanceof Granularity.PerGroup group))
                continue;
            if (accuracy.cols() % group.size() != 0)
                error("/quantization/granularity", "group size %d does not divide accuracy.tensor.cols = %d"
                        .formatted(group.size(), accuracy.cols()));
            for (Layer layer : workload.layers())
                if (layer.shape().k() % group.size() != 0) {
                    error("/quantization/granularity", "group size %d does not divide k = %d of layer \"%s\""
                            .formatted(group.size(), layer.shape().k(), layer.name()));
                    break;
                }
        }
        for (String id : pes)
            for (int acc : accBits) {
                PeModel pe = PeCatalog.create(id, new PeParams(acc, Overflow.WRAP));
                for (NumberFormat w : weights)
                    for (NumberFormat a : activations) {
                        OperandFormats f = OperandFormats.of(w, a);
                        if (pe.supports(f))
                            continue;
                        if (f.bothIntegers())
                            error("/hardware/accumulator_bits", "%d with pe %s: %s"
                                    .formatted(acc, id, pe.unsupportedReason(f)));
                        else
                            error("/hardware/pe", pe.unsupportedReason(f));
                    }
            }
    }

    // ---- field parsers: each throws UserInputException with a message that does not yet say where ----

    private String text(JsonNode n) {
        if (!n.isTextual())
            throw new UserInputException("expected a string, got " + kind(n));
        return n.asText();
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

    /** A single value or a list of values to sweep; an empty list is an error. */
    private <T> List<T> axis(String pointer, JsonNode node, Function<JsonNode, T> parse, List<T> fallback) {
        if (node == null) {
            if (fallback == null)
                error(pointer, "missing; it is required (one value, or a list of values to sweep)");
            return fallback == null ? List.of() : fallback;
        }
        if (!node.isArray()) {
            T v = parse(pointer, node, parse);
            return v == null ? List.of() : List.of(v);
        }
        if (node.isEmpty())
            error(pointer, "empty list; give at least one value");
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
            return parse.apply(node);
        } catch (UserInputException | IllegalArgumentException e) {
            error(pointer, e.getMessage());
            return null;
        }
    }

    private void error(String pointer, String message) {
        if (missingSections.stream().anyMatch(section -> pointer.startsWith(section + "/")))
            return;
        String line = "%s:%d: %s: %s".formatted(yaml.file(), yaml.line(pointer), field(pointer), message);
        if (!errors.contains(line))
            errors.add(line);
    }

    private UserInputException failure() {
        return new UserInputException(String.join("\n", errors));
    }

    /** {@code /hardware/array/1} → {@code hardware.array[1]}. */
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
