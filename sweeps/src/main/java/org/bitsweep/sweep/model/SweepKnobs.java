package org.bitsweep.sweep.model;

import java.nio.file.Path;
import java.util.List;

import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.Knob.Range;
import org.bitsweep.sim.spec.Parsers;
import org.bitsweep.sim.spec.Raw;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.ScaleSimTopology;
import org.bitsweep.workloads.model.WorkloadSpecs;
import org.bitsweep.workloads.nn.FashionModels;

/**
 * The settings of a sweep beyond its target: the workload, the quantization and the accuracy axis, each declared
 * once with its default, check and help. The target's knobs are declared with their target kind
 * ({@link org.bitsweep.sim.spec.TargetKinds}); {@code simulate} reads the workload and quantization through these
 * same knobs.
 */
public final class SweepKnobs {
    private SweepKnobs() {
    }

    /**
     * The workload, read relative to a sweep file's folder: topology CSVs are paths, written back absolute so that
     * sweep.resolved.yaml runs from its own folder too.
     */
    public static Knob<WorkloadChoice> workload(Path baseDir) {
        return new Knob<>("workload", WorkloadChoice.class, null, "W",
                "what runs: MODEL:decode[:CONTEXT] or MODEL:prefill:SEQ (language models), MODEL (image models), "
                        + "gemm:MxNxK, or a SCALE-Sim topology CSV", WorkloadSpecs.FORMS,
                raw -> {
                    String spec = Raw.text(raw);
                    return new WorkloadChoice(spec, WorkloadSpecs.resolve(spec, baseDir));
                }, w -> ScaleSimTopology.isTopologyFile(w.spec())
                        ? baseDir.resolve(w.spec()).toAbsolutePath().normalize().toString() : w.spec(), Range.NONE);
    }

    /** The workload knob as the docs show it. */
    public static final Knob<WorkloadChoice> WORKLOAD = workload(Path.of("."));

    public static final Knob<NumberFormat> WEIGHTS = format("weights", "weight format; the PE must run it",
            "any format of bitsweep formats except unsigned integers");
    public static final Knob<NumberFormat> ACTIVATIONS = format("activations",
            "activation format, also the KV cache's in attention; the PE must run it", "any format of bitsweep formats");
    public static final Knob<GranularityChoice> GRANULARITY = new Knob<>("granularity", GranularityChoice.class,
            GranularityChoice.AUTO, "G",
            "which weights share a scale; auto: a block format's block (32 for MX), else group:128",
            "auto, none, tensor, channel:0, channel:1, group:G", raw -> GranularityChoice.parse(Raw.text(raw)),
            GranularityChoice::toString, Range.NONE);

    public static final Knob<Long> VERSION = Knob.of("version", Long.class, 1L, "N", "the schema; 1 is the only one",
            "1", raw -> {
                long v = Raw.integer(raw);
                if (v != 1)
                    throw new UserInputException("unsupported version %d; valid: 1".formatted(v));
                return v;
            }, Range.NONE);
    public static final Knob<String> NAME = Knob.of("name", String.class, "", "NAME",
            "names the run; the default output directory is runs/NAME",
            "a string", Raw::text, Range.NONE);
    public static final Knob<Long> SEED = Knob.of("seed", Long.class, 1L, "N",
            "seeds every random draw (the synthetic accuracy tensor); same seed, same rows", "an integer",
            Raw::integer, Range.NONE);

    public static final Knob<String> METRIC = Knob.of("metric", String.class, AccuracySpec.WEIGHT_SQNR_DB, "M",
            "the accuracy axis: weight_sqnr_db, weight_mse, weight_cosine or weight_kl of a synthetic weight tensor; "
                    + "top1, a trained model's top-1 accuracy; or output_sqnr_db, output_mse or output_cosine, the "
                    + "error of a layer's output Y = X·Wᵀ with weights and activations quantized (accuracy.gemm)",
            String.join(", ", AccuracySpec.METRICS),
            Parsers.choice("metric", AccuracySpec.METRICS, m -> m), Range.NONE);
    public static final Knob<String> MODEL = Knob.of("model", String.class, null, "M",
            "with top1: the shipped Fashion-MNIST model (docs/workloads.md)", String.join(", ", FashionModels.names()),
            Parsers.choice("model", FashionModels.names(), m -> m), Range.NONE);
    public static final Knob<Integer> IMAGES = Knob.of("images", Integer.class, AccuracySpec.TEST_IMAGES, "N",
            "with top1: the first this many test images", "1 to " + AccuracySpec.TEST_IMAGES,
            Parsers.integer(1, AccuracySpec.TEST_IMAGES), Range.NONE);
    public static final Knob<Boolean> THROUGH_PE = Knob.of("through_pe", Boolean.class, true, "B",
            "with top1 or an output metric: every dot product through the point's PE's own arithmetic "
                    + "(accumulator_bits and overflow included); false: exact integer sums, or FP32 over dequantized "
                    + "values (top1), exact sums of the dequantized values (output metrics)", "true, false",
            Raw::bool, Range.NONE);
    public static final Knob<String> DISTRIBUTION = Knob.of("distribution", String.class, "gaussian", "D",
            "the synthetic tensor: gaussian, student-t:NU (heavy-tailed) or llm-like (Student-t with a few 20× "
                    + "outlier channels; docs/workloads.md)", "gaussian, student-t:NU (NU > 0), llm-like",
            SweepKnobs::distribution, Range.NONE);
    public static final Knob<Integer> TENSOR_ROWS = Knob.of("rows", Integer.class, 256, "N",
            "the synthetic tensor's rows", "1 to 65536", Parsers.integer(1, 1 << 16), Range.NONE);
    public static final Knob<Integer> TENSOR_COLS = Knob.of("cols", Integer.class, 4096, "N",
            "the synthetic tensor's columns", "1 to 65536", Parsers.integer(1, 1 << 16), Range.NONE);
    public static final Knob<Double> TENSOR_STD = Knob.of("std", Double.class, 0.02, "X",
            "its standard deviation (Gaussian) or scale (Student-t)", "a number > 0", Parsers.positive(), Range.NONE);

    public static final Knob<KvCacheChoice> KV_CACHE = new Knob<>("kv_cache", KvCacheChoice.class, KvCacheChoice.AUTO,
            "F", "the KV cache's format, for its DRAM traffic and as attention's B operand; auto: the activations'",
            "auto, or any format of bitsweep formats", raw -> KvCacheChoice.parse(Raw.text(raw)),
            KvCacheChoice::toString, Range.NONE);
    /** What {@code activation_statistics} takes besides a model: no statistics. */
    public static final String NO_STATISTICS = "none";
    public static final Knob<String> ACTIVATION_STATISTICS = Knob.of("activation_statistics", String.class,
            NO_STATISTICS, "S", "the activations' code statistics in the trace, for PEs whose timing and energy depend "
                    + "on the values (bit-pragmatic): none (each PE assumes the format's worst value), or measured on a "
                    + "shipped Fashion-MNIST model's first 1,000 test images in the point's formats (each layer its "
                    + "own when the workload is that model; any other workload takes its layers pooled)",
            "none, " + String.join(", ", FashionModels.names()),
            Parsers.choice("activation statistics", activationStatistics(), m -> m), Range.NONE);
    public static final Knob<Integer> BATCH = Knob.of("batch", Integer.class, 1, "N",
            "sequences (or images) per run: a decode step makes one token for each", "1 to 65536",
            Parsers.integer(1, 1 << 16), Range.INTEGER);
    public static final Knob<LayerSelection> LAYERS = new Knob<>("layers", LayerSelection.class, LayerSelection.ALL,
            "L", "which layers run: all, or linear (projections, LM head and convolutions, without attention)",
            "all, linear", Parsers.choice("layer selection", List.of(LayerSelection.values()), LayerSelection::id),
            LayerSelection::id, Range.NONE);

    public static final Knob<LayerFormats> LAYER_WEIGHTS = new Knob<>("layers", LayerFormats.class, LayerFormats.NONE,
            "P", "weight formats per layer or layer class by name pattern, e.g. `{\"lm_head\": int8, \"blocks.*.mlp.*\": "
            + "int4}` (`*` within a dot-separated part, `**` across parts; the most specific pattern wins); the other "
            + "layers take weights; for top1 (the model's layers) and the simulator's trace (the workload's layers)",
            "a mapping PATTERN: FORMAT[:GRANULARITY], or a list of such mappings (an axis); every pattern must match "
                    + "a weight layer", LayerFormats::parse, LayerFormats::plain, Range.NONE);
    public static final Knob<Double> BUDGET_BITS = Knob.of("budget_bits", Double.class, null, "B",
            "with quantization.allocate: weight storage per weight over the network, scales included; each value a "
                    + "point", "a number > 0; a list or a range", Parsers.positive(), Range.REAL);
    public static final Knob<WeightChoice> CANDIDATES = new Knob<>("candidates", WeightChoice.class, null, "F",
            "with quantization.allocate: the weight formats a layer may get (granularity: quantization.granularity "
                    + "unless given)", "a list of two or more FORMAT[:GRANULARITY]",
            raw -> WeightChoice.parse(Raw.text(raw)), WeightChoice::written, Range.NONE);
    public static final Knob<String> ALLOCATE_METRIC = Knob.of("metric", String.class, AllocateChoice.TOP1, "M",
            "with quantization.allocate: each layer's sensitivity, measured alone at each candidate with the others at "
                    + "weights: its top-1 drop on accuracy.images of accuracy.model (the output metrics have no "
                    + "per-layer sensitivity yet)", AllocateChoice.TOP1,
            Parsers.choice("sensitivity metric", List.of(AllocateChoice.TOP1), m -> m), Range.NONE);
    /** The keys of {@code quantization.allocate}. */
    public static final List<Knob<?>> ALLOCATE = List.of(BUDGET_BITS, CANDIDATES, ALLOCATE_METRIC);
    /**
     * The key of {@code quantization.allocate}'s axis, as zip names it: the budget is what varies, and results write it
     * as the {@code budget_bits} column.
     */
    public static final String ALLOCATE_KEY = "quantization.allocate.budget_bits";
    /**
     * {@code quantization.allocate} as one axis, a value per budget (its candidates and metric the same in each): the
     * reader builds its values from the section's keys, so its own parser only says so.
     */
    public static final Knob<AllocateChoice> ALLOCATE_AXIS = new Knob<>("allocate", AllocateChoice.class, null, "A",
            "HAWQ-V3's per-layer bit allocation: {budget_bits: [...], candidates: [...], metric: top1}",
            "a mapping of budget_bits, candidates and metric", raw -> {
                throw new UserInputException("expected a mapping {budget_bits: [...], candidates: [int2, int4, int8], "
                        + "metric: top1}, got " + Raw.describe(raw));
            }, AllocateChoice::budgetBits, Range.NONE);

    /** The quantization knobs, in file order. */
    public static final List<Knob<?>> QUANTIZATION = List.of(WEIGHTS, ACTIVATIONS, GRANULARITY, KV_CACHE,
            ACTIVATION_STATISTICS);

    /** The workload's knobs beside its name, in file order: {@code workload: {name: ..., batch: ..., layers: ...}}. */
    public static final List<Knob<?>> WORKLOAD_OPTIONS = List.of(BATCH, LAYERS);

    private static List<String> activationStatistics() {
        List<String> values = new java.util.ArrayList<>(List.of(NO_STATISTICS));
        values.addAll(FashionModels.names());
        return values;
    }

    private static Knob<NumberFormat> format(String name, String help, String valid) {
        return new Knob<>(name, NumberFormat.class, null, "F", help, valid, raw -> Formats.parse(Raw.text(raw)),
                NumberFormat::name, Range.NONE);
    }

    private static String distribution(Object raw) {
        String d = Raw.text(raw);
        if (d.equals("gaussian") || d.equals("llm-like"))
            return d;
        if (d.startsWith("student-t:")) {
            try {
                double v = Double.parseDouble(d.substring("student-t:".length()));
                if (v > 0 && Double.isFinite(v))
                    return d;
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw new UserInputException("unknown distribution \"%s\"; valid: gaussian, student-t:NU (NU > 0), llm-like"
                .formatted(d));
    }

    /** The {@code nu} of {@link AccuracySpec} for a distribution knob's value. */
    public static double nu(String distribution) {
        if (distribution.equals("gaussian"))
            return 0;
        if (distribution.equals("llm-like"))
            return AccuracySpec.LLM_LIKE;
        return Double.parseDouble(distribution.substring("student-t:".length()));
    }
}
