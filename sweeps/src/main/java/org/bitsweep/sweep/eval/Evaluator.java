package org.bitsweep.sweep.eval;

import java.util.HashMap;
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
import org.bitsweep.sweep.model.AccuracySpec;
import org.bitsweep.sweep.model.Constraint;
import org.bitsweep.sweep.model.Derived;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.model.LayerSelection;
import org.bitsweep.sweep.model.PointResult;
import org.bitsweep.sweep.model.Quantization;
import org.bitsweep.sweep.model.Refusal;
import org.bitsweep.sweep.model.ResultColumn;
import org.bitsweep.sweep.model.ResultColumns;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.tensor.TensorMetrics;
import org.bitsweep.workloads.trace.Trace;

/**
 * Evaluates design points; safe to call from many threads. Work is done once per distinct input it depends on:
 * accuracy once per quantization (and, for top-1 through the PE, per PE and accumulator), shared by every other
 * hardware variant; traces once per (workload, operand formats, granularity); the synthetic tensor once per sweep,
 * from the sweep's seed.
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
    private volatile Tensor tensor;

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
        double acc;
        try {
            acc = accuracy.computeIfAbsent(AccuracyKey.of(p, sweep.accuracy()), this::measureAccuracy);
        } catch (UserInputException e) {
            acc = Double.NaN;
            refusal = new Refusal(ACCURACY_REFUSED, e.getMessage());
        }
        Trace trace;
        boolean traced = true;
        try {
            trace = traces.computeIfAbsent(new TraceKey(p.workload().spec(), p.workload().batch(),
                    p.workload().layers(), p.quantization()), k -> k.quantization().trace(p.workload().workload()));
        } catch (UserInputException e) {
            // The formats run, but the model the statistics come from refused them: the row says so and runs nothing.
            trace = new Quantization(p.quantization().weights(), p.quantization().activations(),
                    p.quantization().granularity(), p.quantization().kvCache()).trace(p.workload().workload());
            refusal = new Refusal(STATISTICS_REFUSED, e.getMessage());
            traced = false;
        }
        Optional<TargetResult> result = Optional.empty();
        try {
            if (traced)
                result = Optional.of(p.target().run(trace.layers()));
        } catch (Infeasible e) {
            refusal = new Refusal(e.category(), e.getMessage());
        } catch (UserInputException e) {
            refusal = new Refusal(INVALID_TARGET, e.getMessage());
        }

        PointResult partial = new PointResult(p, acc, sweep.accuracy().describe(),
                trace.layers().get(0).weightBitsPerElement(), result, Optional.ofNullable(refusal), Map.of(), false, "");
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
        return new PointResult(p, acc, sweep.accuracy().describe(), trace.layers().get(0).weightBitsPerElement(),
                result, Optional.ofNullable(refusal), derived, feasible, reason);
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
        AccuracySpec spec = sweep.accuracy();
        InferenceConfig config = InferenceConfig.of(QuantConfig.of(key.weights(), key.granularity()),
                QuantConfig.of(key.activations(), Granularity.TENSOR));
        if (key.pe() != null)
            config = config.withArithmetic(PeCatalog.create(key.pe(), new PeParams(key.accumulatorBits(),
                    key.overflow())).macSupplier());
        LabelledImages test = FashionMnist.test();
        if (spec.images() < test.count())
            test = test.first(spec.images());
        return ReferenceInference.prepare(FashionModels.shipped(spec.model()).network(), config,
                FashionMnist.calibration()).evaluate(test).top1();
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
     * What a point's accuracy depends on: the weight quantization for synthetic metrics; for top1 the activation
     * format too, and, through the PE, the PE and its accumulator. The fields it does not depend on are null or 0.
     */
    private record AccuracyKey(NumberFormat weights, Granularity granularity, NumberFormat activations, String pe,
                               int accumulatorBits, Overflow overflow) {
        static AccuracyKey of(DesignPoint p, AccuracySpec spec) {
            NumberFormat w = p.quantization().weights();
            Granularity g = p.quantization().granularity();
            if (!spec.isTop1())
                return new AccuracyKey(w, g, null, null, 0, null);
            NumberFormat a = p.quantization().activations();
            if (!spec.throughPe() || !(p.target() instanceof PeArraySpec t))
                return new AccuracyKey(w, g, a, null, 0, null);
            return new AccuracyKey(w, g, a, t.pe(), t.accumulatorBitsFor(List.of(p.quantization().formats())),
                    t.overflow());
        }
    }

    private record TraceKey(String workload, int batch, LayerSelection layers, Quantization quantization) {
    }
}
