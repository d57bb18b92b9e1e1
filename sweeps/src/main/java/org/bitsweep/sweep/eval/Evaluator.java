package org.bitsweep.sweep.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.accelerator.Infeasible;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sim.target.TargetResult;
import org.bitsweep.sweep.expr.Variables;
import org.bitsweep.sweep.file.GemmInputs;
import org.bitsweep.sweep.model.AccuracySpec;
import org.bitsweep.sweep.model.BitBudget;
import org.bitsweep.sweep.model.Constraint;
import org.bitsweep.sweep.model.Derived;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.model.GemmSpec;
import org.bitsweep.sweep.model.LayerSelection;
import org.bitsweep.sweep.model.PointResult;
import org.bitsweep.sweep.model.Quantization;
import org.bitsweep.sweep.model.Refusal;
import org.bitsweep.sweep.model.ResultColumn;
import org.bitsweep.sweep.model.ResultColumns;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.model.WeightQuantization;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.eval.GemmOutputError;
import org.bitsweep.workloads.eval.GemmQuantization;
import org.bitsweep.workloads.eval.OutputError;
import org.bitsweep.workloads.eval.OutputMetric;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.precision.Allocation;
import org.bitsweep.workloads.precision.Budget;
import org.bitsweep.workloads.precision.LayerSensitivity;
import org.bitsweep.workloads.precision.PrecisionAllocator;
import org.bitsweep.workloads.precision.SensitivityTable;
import org.bitsweep.workloads.quant.LayerPatterns;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.tensor.TensorMetrics;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;

/**
 * Evaluates design points; safe to call from many threads. Work is done once per distinct input it depends on:
 * accuracy once per quantization (and, for top-1 and the output metrics through the PE, per PE and accumulator),
 * shared by every other hardware variant; traces once per (workload, operand formats, granularity), a point with
 * per-layer formats taking each layer from the trace of its own; the synthetic tensor and the output metrics' GEMMs
 * once per sweep, from the sweep's seed; a bit allocation's layer sensitivities once per reference, candidates,
 * activation format and PE.
 *
 * <p>A point that cannot run (a PE refuses a layer's formats, no tile fits the buffers, a knob combination the target
 * rejects) is not an error: its row says why, {@code feasible = false}, and the sweep goes on.
 */
public final class Evaluator {
    /** The category of a target whose knobs contradict each other (e.g. more buffer banks than bytes). */
    public static final String INVALID_TARGET = "invalid target";
    /** The category of a point whose accuracy could not be measured as asked. */
    public static final String ACCURACY_REFUSED = "accuracy refused";
    /** The category of a point whose activation statistics could not be measured (the model refused its formats). */
    public static final String STATISTICS_REFUSED = "activation statistics refused";

    private final SweepFile sweep;
    private final DesignSpace space;
    private final ResultColumns columns;
    private final Map<AccuracyKey, Double> accuracy = new ConcurrentHashMap<>();
    private final Map<TraceKey, Trace> traces = new ConcurrentHashMap<>();
    private final Map<SensitivityKey, SensitivityTable> sensitivities = new ConcurrentHashMap<>();
    private volatile Tensor tensor;
    private volatile List<GemmInputs.Gemm> gemms;

    public Evaluator(DesignSpace space) {
        this.space = space;
        this.sweep = space.sweep();
        this.columns = sweep.columns();
    }

    public ResultColumns columns() {
        return columns;
    }

    /** The point's row, in the order of {@link ResultColumns#header()}. */
    public ResultRow evaluate(DesignPoint p) {
        return new ResultRow(p.id(), columns.values(result(p)));
    }

    public PointResult result(DesignPoint p) {
        Refusal refusal = null;
        Optional<Allocation> allocation = Optional.empty();
        Quantization q = p.quantization();
        Trace trace;
        try {
            trace = uniformTrace(p, q.weights(), q.granularity());
        } catch (UserInputException e) {
            // The formats run, but the model the statistics come from refused them: the row says so and runs nothing.
            trace = Trace.of(p.workload().workload(), q.formats(), q.kvCache(), q.granularity());
            refusal = new Refusal(STATISTICS_REFUSED, e.getMessage());
        }
        Map<String, WeightQuantization> byLayer = Map.of();
        if (refusal == null)
            try {
                allocation = allocation(p);
            } catch (UserInputException e) {
                refusal = new Refusal(ACCURACY_REFUSED, e.getMessage());
            }
        if (refusal == null)
            try {
                byLayer = weightsByLayer(p, allocation);
                trace = perLayerTrace(p, trace, byLayer);
            } catch (UserInputException e) {
                refusal = new Refusal(INVALID_TARGET, e.getMessage());
            }
        // Without the point's per-layer formats there is nothing to measure or run: the row says why.
        boolean formatsKnown = refusal == null;
        double acc = Double.NaN;
        if (formatsKnown)
            try {
                acc = accuracy.computeIfAbsent(AccuracyKey.of(p, sweep.accuracy(), allocation.isPresent() ? byLayer
                        : p.quantization().layers().byPattern(), linearFormats(trace)), this::measureAccuracy);
            } catch (UserInputException e) {
                refusal = new Refusal(ACCURACY_REFUSED, e.getMessage());
            }
        Optional<TargetResult> result = Optional.empty();
        if (formatsKnown)
            try {
                result = Optional.of(p.target().run(trace.layers()));
            } catch (Infeasible e) {
                refusal = new Refusal(e.category(), e.getMessage());
            } catch (UserInputException e) {
                refusal = new Refusal(INVALID_TARGET, e.getMessage());
            }

        double firstLayerBits = trace.layers().get(0).weightBitsPerElement();
        double meanBits = meanWeightBits(trace);
        PointResult partial = new PointResult(p, acc, sweep.accuracy().describe(), firstLayerBits, meanBits,
                allocation, result, Optional.ofNullable(refusal), Map.of(), false, "");
        Map<String, Double> derived = new HashMap<>();
        Variables v = variables(partial, derived);
        for (Derived d : sweep.derived())
            derived.put(d.name(), d.expression().eval(v));
        String reason = refusal == null ? "" : refusal.text();
        boolean feasible = refusal == null;
        if (feasible)
            for (Constraint c : sweep.constraints())
                if (c.fromMetrics() && !c.expression().test(v)) {
                    feasible = false;
                    reason = "constraint: " + c.expression().text();
                    break;
                }
        return new PointResult(p, acc, sweep.accuracy().describe(), firstLayerBits, meanBits, allocation, result,
                Optional.ofNullable(refusal), derived, feasible, reason);
    }

    /**
     * The trace with every weight layer in these weights, with the point's measured activation statistics where it
     * asks for them.
     *
     * @throws UserInputException when the statistics' model cannot run the point's quantization
     */
    private Trace uniformTrace(DesignPoint p, NumberFormat weights, Granularity granularity) {
        Quantization q = p.quantization();
        return traces.computeIfAbsent(new TraceKey(p.workload().spec(), p.workload().batch(), p.workload().layers(),
                OperandFormats.of(weights, q.activations()), q.kvCache(), granularity, q.activationStatistics()),
                k -> q.trace(p.workload().workload(), weights, granularity));
    }

    /**
     * Each weight layer's own weights, by its name in the workload: the allocation's, or quantization.layers'
     * patterns resolved against the workload's weight layers; empty when the point sets none.
     *
     * @throws UserInputException for a pattern that matches no weight layer, or an allocated layer the workload lacks
     */
    private static Map<String, WeightQuantization> weightsByLayer(DesignPoint p, Optional<Allocation> allocation) {
        List<String> weightLayers = p.workload().workload().layers().stream()
                .filter(l -> l.kind() == LayerKind.WEIGHT).map(Layer::name).toList();
        if (allocation.isPresent()) {
            Map<String, WeightQuantization> candidates = p.quantization().allocate().orElseThrow().candidates();
            Map<String, WeightQuantization> byLayer = new LinkedHashMap<>();
            allocation.get().formats().forEach((layer, format) -> {
                if (!weightLayers.contains(layer))
                    throw new UserInputException(("quantization.allocate chose %s for layer %s of the accuracy model, "
                            + "which workload %s lacks; its weight layers are: %s").formatted(format, layer,
                            p.workload().spec(), String.join(", ", weightLayers)));
                byLayer.put(layer, candidates.get(format));
            });
            return byLayer;
        }
        if (p.quantization().layers().isEmpty())
            return Map.of();
        return LayerPatterns.resolve(p.quantization().layers().byPattern(), weightLayers, InferenceConfig.LAYERS_KEY);
    }

    /** The uniform trace with each named layer taken from the trace of its own weights. */
    private Trace perLayerTrace(DesignPoint p, Trace uniform, Map<String, WeightQuantization> byLayer) {
        if (byLayer.isEmpty())
            return uniform;
        List<LayerTrace> layers = new ArrayList<>(uniform.layers());
        for (int i = 0; i < layers.size(); i++) {
            WeightQuantization w = byLayer.get(layers.get(i).layer().name());
            if (w != null && layers.get(i).layer().kind() == LayerKind.WEIGHT)
                layers.set(i, uniformTrace(p, w.format(), w.granularity()).layers().get(i));
        }
        return new Trace(uniform.workload(), layers);
    }

    /** The pairs of formats the trace's weight layers multiply, the first layer's first. */
    private static List<OperandFormats> linearFormats(Trace trace) {
        List<OperandFormats> out = new ArrayList<>();
        for (LayerTrace t : trace.layers())
            if (t.layer().kind() == LayerKind.WEIGHT && !out.contains(t.formats()))
                out.add(t.formats());
        return out;
    }

    /** Σ weights · bits per weight over the weight layers, over Σ weights; NaN without weight layers. */
    public static double meanWeightBits(Trace trace) {
        double bits = 0;
        double weights = 0;
        for (LayerTrace t : trace.layers())
            if (t.layer().kind() == LayerKind.WEIGHT) {
                bits += (double) t.layer().weights() * t.weightBitsPerElement();
                weights += t.layer().weights();
            }
        return weights == 0 ? Double.NaN : bits / weights;
    }

    /**
     * HAWQ-V3's allocation under the point's bit budget: each layer of the accuracy model measured alone at each
     * candidate (once per sweep for each reference, activation format and PE), then PrecisionAllocator.
     *
     * @throws UserInputException when the budget is below the cheapest allocation
     */
    private Optional<Allocation> allocation(DesignPoint p) {
        Optional<BitBudget> budget = p.quantization().allocate();
        if (budget.isEmpty())
            return Optional.empty();
        SensitivityTable table = sensitivities.computeIfAbsent(SensitivityKey.of(p, sweep.accuracy()),
                this::measureSensitivity);
        return Optional.of(PrecisionAllocator.allocate(table, new Budget.BitsPerWeight(budget.get().budgetBits())));
    }

    private SensitivityTable measureSensitivity(SensitivityKey key) {
        AccuracySpec spec = sweep.accuracy();
        Map<String, QuantConfig> candidates = new LinkedHashMap<>();
        key.candidates().forEach((name, w) -> candidates.put(name, w.config()));
        return LayerSensitivity.measure(FashionModels.shipped(spec.model()).network(), key.reference().toString(),
                inferenceConfig(key.reference(), key.activations(), Map.of(), key.pe(), key.accumulatorBits(),
                        key.overflow()), candidates, testImages(), FashionMnist.calibration());
    }

    /** What metric expressions read: derived columns so far, the accuracy, the metrics, then the parameters. */
    private Variables variables(PointResult partial, Map<String, Double> derived) {
        Variables params = space.variables(partial.point());
        String accuracyColumn = sweep.accuracy().metric();
        return new Variables() {
            @Override
            public double number(String name) {
                Double d = derived.get(name);
                if (d != null)
                    return d;
                if (name.equals(accuracyColumn))
                    return partial.accuracy();
                Optional<ResultColumn> c = columns.column(name);
                if (c.isPresent() && c.get().kind() == ResultColumn.Kind.METRIC)
                    return ((Number) c.get().value().apply(partial)).doubleValue();
                return params.number(name);
            }

            @Override
            public String text(String name) {
                if (name.equals("bound"))
                    return partial.result().map(TargetResult::boundId).orElse(null);
                return params.text(name);
            }
        };
    }

    /** How many distinct quantizations were measured so far; the cache's size, for tests and logs. */
    public int accuracyEvaluations() {
        return accuracy.size();
    }

    public int traceEvaluations() {
        return traces.size();
    }

    private double measureAccuracy(AccuracyKey key) {
        if (sweep.accuracy().isTop1())
            return top1(key);
        if (sweep.accuracy().isOutput())
            return outputError(key);
        Quantizer q = new Quantizer(QuantConfig.of(key.weights(), key.granularity()));
        Tensor w = tensor();
        float[] approx = q.quantize(w).values();
        return switch (sweep.accuracy().metric()) {
            case "weight_mse" -> TensorMetrics.mse(w, approx);
            case "weight_cosine" -> TensorMetrics.cosine(w, approx);
            case "weight_kl" -> TensorMetrics.klDivergence(w, approx);
            default -> TensorMetrics.sqnrDb(w, approx);
        };
    }

    /** As {@code bitsweep accuracy} measures it: activation scales calibrated per tensor on the shipped images. */
    private double top1(AccuracyKey key) {
        InferenceConfig config = inferenceConfig(new WeightQuantization(key.weights(), key.granularity()),
                key.activations(), key.layers(), key.pe(), key.accumulatorBits(), key.overflow());
        return ReferenceInference.prepare(FashionModels.shipped(sweep.accuracy().model()).network(), config,
                FashionMnist.calibration()).evaluate(testImages()).top1();
    }

    /**
     * Reference inference's configuration: the weights (per layer where {@code layers} says, by pattern or name), the
     * activations with one calibrated scale per tensor, and the PE's arithmetic when {@code pe} is given.
     */
    private static InferenceConfig inferenceConfig(WeightQuantization weights, NumberFormat activations,
                                                   Map<String, WeightQuantization> layers, String pe,
                                                   int accumulatorBits, Overflow overflow) {
        InferenceConfig config = InferenceConfig.of(weights.config(), QuantConfig.of(activations, Granularity.TENSOR));
        if (!layers.isEmpty()) {
            Map<String, Optional<QuantConfig>> byPattern = new LinkedHashMap<>();
            layers.forEach((pattern, w) -> byPattern.put(pattern, Optional.of(w.config())));
            config = config.withLayerWeights(byPattern);
        }
        if (pe != null)
            config = config.withArithmetic(PeCatalog.create(pe, new PeParams(accumulatorBits, overflow)).macSupplier());
        return config;
    }

    private LabelledImages testImages() {
        LabelledImages test = FashionMnist.test();
        return sweep.accuracy().images() < test.count() ? test.first(sweep.accuracy().images()) : test;
    }

    /**
     * As {@code bitsweep output-error} measures it: every GEMM of accuracy.gemm with the point's activation format and
     * its weight (with attention, KV-cache) quantization, pooled, against the FP32 products.
     */
    private double outputError(AccuracyKey key) {
        GemmSpec g = sweep.accuracy().gemm();
        QuantConfig x = QuantConfig.of(key.activations(), GemmSpec.granularity(g.activationGranularity(),
                key.activations())).withCalibration(g.activationClip());
        QuantConfig w = (g.attention()
                ? QuantConfig.of(key.kvCache(), GemmSpec.granularity(g.kvGranularity(), key.kvCache()))
                : QuantConfig.of(key.weights(), key.granularity())).withCalibration(g.weightClip());
        GemmQuantization q = GemmQuantization.of(x, w);
        if (g.decomposition().isPresent())
            q = q.withDecomposition(g.decomposition().get());
        if (key.pe() != null)
            q = q.withArithmetic(PeCatalog.create(key.pe(), new PeParams(key.accumulatorBits(), key.overflow()))
                    .macSupplier());
        List<OutputError> errors = new ArrayList<>();
        for (GemmInputs.Gemm gemm : gemms())
            errors.add(GemmOutputError.measure(gemm.name(), gemm.x(), gemm.w(), q));
        return OutputMetric.parse(sweep.accuracy().metric()).of(OutputError.pooled("all", errors));
    }

    private List<GemmInputs.Gemm> gemms() {
        List<GemmInputs.Gemm> g = gemms;
        if (g == null) {
            synchronized (this) {
                if (gemms == null)
                    gemms = GemmInputs.of(sweep.accuracy().gemm(), sweep.seed(), GemmSpec.NAN_ADVICE,
                            key -> "accuracy.gemm." + key);
                g = gemms;
            }
        }
        return g;
    }

    private Tensor tensor() {
        Tensor t = tensor;
        if (t == null) {
            synchronized (this) {
                if (tensor == null) {
                    AccuracySpec a = sweep.accuracy();
                    if (a.nu() == AccuracySpec.LLM_LIKE)
                        tensor = SyntheticTensors.llmLike("synthetic-llm-like-weights", a.rows(), a.cols(), a.std(),
                                sweep.seed());
                    else if (a.nu() == 0)
                        tensor = SyntheticTensors.gaussian("synthetic-gaussian-weights", a.rows(), a.cols(), a.std(),
                                sweep.seed());
                    else
                        tensor = SyntheticTensors.studentT("synthetic-student-t-weights", a.rows(), a.cols(), a.nu(),
                                a.std(), sweep.seed());
                }
                t = tensor;
            }
        }
        return t;
    }

    /**
     * What a point's accuracy depends on: the weight quantization for the weight metrics; for top1 the activation
     * format and the per-layer weights too; for the output metrics the activation format and the weights', or with
     * attention the KV cache's; and, through the PE, the PE and its accumulator. The fields it does not depend on are
     * null, empty or 0.
     *
     * @param layers weights by pattern (quantization.layers) or by layer name (an allocation)
     */
    private record AccuracyKey(NumberFormat weights, Granularity granularity, NumberFormat activations,
                               NumberFormat kvCache, Map<String, WeightQuantization> layers, String pe,
                               int accumulatorBits, Overflow overflow) {
        /** @param linear the pairs of formats the point's weight layers multiply, which size an auto accumulator */
        static AccuracyKey of(DesignPoint p, AccuracySpec spec, Map<String, WeightQuantization> layers,
                              List<OperandFormats> linear) {
            Quantization q = p.quantization();
            if (!spec.isTop1() && !spec.isOutput())
                return new AccuracyKey(q.weights(), q.granularity(), null, null, Map.of(), null, 0, null);
            boolean attention = spec.isOutput() && spec.gemm().attention();
            NumberFormat w = attention ? null : q.weights();
            Granularity g = attention ? null : q.granularity();
            NumberFormat kv = attention ? q.kvCache() : null;
            Map<String, WeightQuantization> l = spec.isTop1() ? layers : Map.of();
            if (!spec.throughPe() || !(p.target() instanceof PeArraySpec t))
                return new AccuracyKey(w, g, q.activations(), kv, l, null, 0, null);
            List<OperandFormats> formats = attention ? List.of(q.attentionFormats())
                    : linear.isEmpty() ? List.of(q.formats()) : linear;
            return new AccuracyKey(w, g, q.activations(), kv, l, t.pe(), t.accumulatorBitsFor(formats), t.overflow());
        }
    }

    /** What a sensitivity table depends on: the reference weights, the candidates, activations and arithmetic. */
    private record SensitivityKey(WeightQuantization reference, Map<String, WeightQuantization> candidates,
                                  NumberFormat activations, String pe, int accumulatorBits, Overflow overflow) {
        static SensitivityKey of(DesignPoint p, AccuracySpec spec) {
            Quantization q = p.quantization();
            WeightQuantization reference = new WeightQuantization(q.weights(), q.granularity());
            Map<String, WeightQuantization> candidates = q.allocate().orElseThrow().candidates();
            if (!spec.throughPe() || !(p.target() instanceof PeArraySpec t))
                return new SensitivityKey(reference, candidates, q.activations(), null, 0, null);
            return new SensitivityKey(reference, candidates, q.activations(), t.pe(),
                    t.accumulatorBitsFor(q.linearFormats()), t.overflow());
        }
    }

    private record TraceKey(String workload, int batch, LayerSelection layers, OperandFormats formats,
                            NumberFormat kvCache, Granularity granularity, String activationStatistics) {
    }
}
