package org.bitsweep.sweep.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeCatalog;
import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.Accelerator;
import org.bitsweep.sim.EnergyBreakdown;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.sweep.file.AccuracySpec;
import org.bitsweep.sweep.file.Constraint;
import org.bitsweep.sweep.file.Derived;
import org.bitsweep.sweep.file.SweepFile;
import org.bitsweep.sweep.space.DesignPoint;
import org.bitsweep.sweep.space.DesignSpace;
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
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;

/**
 * Evaluates design points; safe to call from many threads. Work is done once per distinct input it depends on:
 * accuracy once per quantization (and, for top-1 through the PE, per PE and accumulator), shared by every other
 * hardware variant; traces once per (workload,
 * operand formats, granularity); the synthetic tensor once per sweep, from the sweep's seed.
 */
public final class Evaluator {
    private final SweepFile sweep;
    private final DesignSpace space;
    private final Map<AccuracyKey, Double> accuracy = new ConcurrentHashMap<>();
    private final Map<TraceKey, Trace> traces = new ConcurrentHashMap<>();
    /** Building a cost model reads its tables; one per node serves every point. */
    private final Map<String, AsicCostModel> costs = new ConcurrentHashMap<>();
    private volatile Tensor tensor;

    public Evaluator(DesignSpace space) {
        this.space = space;
        this.sweep = space.sweep();
    }

    public ResultRow evaluate(DesignPoint p) {
        double acc = accuracy.computeIfAbsent(AccuracyKey.of(p, sweep.accuracy()), this::measureAccuracy);
        Trace trace = traces.computeIfAbsent(new TraceKey(p.workload().spec(), p.formats(), p.granularity()),
                k -> Trace.uniform(p.workload().workload(), k.formats(), k.granularity()));
        AsicCostModel cost = costs.computeIfAbsent(p.node(), AsicCostModel::at);
        Accelerator accelerator = Accelerator.of(PeCatalog.create(p.pe(), p.peParams()), p.array().shape(),
                        p.dataflow(), p.bufferKib() * 1024L, cost)
                .withDram(Dram.priced(p.dramGbps(), cost)).withClockMhz(p.clockMhz()).withTiming(p.timing());
        SimResult sim = Simulator.run(accelerator, trace.layers());
        EnergyBreakdown e = sim.energy();

        Map<String, Double> metrics = new HashMap<>();
        metrics.put(sweep.accuracy().metric(), acc);
        metrics.put("weight_bits_per_element", trace.layers().get(0).weightBitsPerElement());
        metrics.put("cycles", (double) sim.cycles());
        metrics.put("compute_cycles", (double) sim.computeCycles());
        metrics.put("memory_cycles", (double) sim.memoryCycles());
        metrics.put("seconds", sim.seconds());
        metrics.put("dram_bytes", (double) sim.dramBytes());
        metrics.put("energy_pj", e.totalPj());
        metrics.put("energy_mac_pj", e.macPj());
        metrics.put("energy_register_pj", e.registerPj());
        metrics.put("energy_weight_sram_pj", e.weightSramPj());
        metrics.put("energy_activation_sram_pj", e.activationSramPj());
        metrics.put("energy_output_sram_pj", e.outputSramPj());
        metrics.put("energy_dram_pj", e.dramPj());
        metrics.put("energy_leakage_pj", e.leakagePj());
        metrics.put("area_um2", sim.areaUm2());
        metrics.put("utilization", sim.utilization());
        for (Derived d : sweep.derived())
            metrics.put(d.name(), d.expression().eval(n -> lookup(p, metrics, n)));
        boolean feasible = true;
        for (Constraint c : sweep.constraints())
            if (c.fromMetrics() && !c.expression().test(n -> lookup(p, metrics, n)))
                feasible = false;

        List<Object> v = new ArrayList<>();
        v.add(p.id());
        v.add(p.workload().spec());
        v.add(p.weights().name());
        v.add(p.activations().name());
        v.add(p.granularity().toString());
        v.add(p.pe());
        v.add(p.array().toString());
        v.add(p.dataflow().id());
        v.add(p.overflow().id());
        v.add(p.timing().id());
        v.add(p.node());
        v.add(p.array().rows());
        v.add(p.array().cols());
        v.add(p.array().pes());
        v.add(p.accumulatorBits());
        v.add(p.bufferKib());
        v.add(p.clockMhz());
        v.add(p.dramGbps());
        v.add(p.weights().bits());
        v.add(p.activations().bits());
        v.add(p.granularity() instanceof Granularity.PerGroup g ? g.size() : 0);
        v.add(acc);
        v.add(metrics.get("weight_bits_per_element"));
        v.add(sim.cycles());
        v.add(sim.computeCycles());
        v.add(sim.memoryCycles());
        v.add(sim.seconds());
        v.add(sim.dramBytes());
        v.add(e.totalPj());
        v.add(e.macPj());
        v.add(e.registerPj());
        v.add(e.weightSramPj());
        v.add(e.activationSramPj());
        v.add(e.outputSramPj());
        v.add(e.dramPj());
        v.add(e.leakagePj());
        v.add(sim.areaUm2());
        v.add(sim.utilization());
        for (Derived d : sweep.derived())
            v.add(metrics.get(d.name()));
        v.add(sim.bound().name().toLowerCase(java.util.Locale.ROOT));
        v.add(feasible);
        v.add(sweep.accuracy().describe());
        return new ResultRow(p.id(), v);
    }

    private double lookup(DesignPoint p, Map<String, Double> metrics, String name) {
        Double m = metrics.get(name);
        return m != null ? m : space.parameter(p, name);
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
            if (!spec.isTop1())
                return new AccuracyKey(p.weights(), p.granularity(), null, null, 0, null);
            if (!spec.throughPe())
                return new AccuracyKey(p.weights(), p.granularity(), p.activations(), null, 0, null);
            return new AccuracyKey(p.weights(), p.granularity(), p.activations(), p.pe(), p.accumulatorBits(),
                    p.overflow());
        }
    }

    private record TraceKey(String workload, OperandFormats formats, Granularity granularity) {
    }
}
