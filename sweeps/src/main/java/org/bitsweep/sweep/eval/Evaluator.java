package org.bitsweep.sweep.eval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.PeCatalog;
import org.bitsweep.sim.Accelerator;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sweep.file.AccuracySpec;
import org.bitsweep.sweep.file.SweepFile;
import org.bitsweep.sweep.space.DesignPoint;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.tensor.TensorMetrics;
import org.bitsweep.workloads.trace.Trace;

/**
 * Evaluates design points; safe to call from many threads. Accuracy depends on the quantization only, so it is
 * computed once per distinct (weight format, granularity) and shared by every hardware variant; the synthetic
 * tensor itself is drawn once per sweep from the sweep's seed.
 */
public final class Evaluator {
    private final SweepFile sweep;
    private final Map<QuantKey, Double> accuracy = new ConcurrentHashMap<>();
    private volatile Tensor tensor;

    public Evaluator(SweepFile sweep) {
        this.sweep = sweep;
    }

    public Metrics evaluate(DesignPoint p) {
        double acc = accuracy.computeIfAbsent(new QuantKey(p.weights(), p.granularity()), this::measureAccuracy);
        Trace trace = Trace.uniform(sweep.workload(), p.formats(), p.granularity());
        Accelerator accelerator = new Accelerator(PeCatalog.create(p.pe(), p.peParams()), p.array(),
                p.bufferKib() * 1024L, p.clockMhz(), AsicCostModel.at(p.node()));
        SimResult sim = Simulator.run(accelerator, trace.layers());
        return new Metrics(p, acc, trace.layers().get(0).weightBitsPerElement(), sim);
    }

    /** How many distinct quantizations were measured so far; the cache's size, for tests and logs. */
    public int accuracyEvaluations() {
        return accuracy.size();
    }

    private double measureAccuracy(QuantKey key) {
        Quantizer q = new Quantizer(QuantConfig.of(key.weights(), key.granularity()));
        Tensor w = tensor();
        return TensorMetrics.sqnrDb(w, q.quantize(w).dequantize());
    }

    private Tensor tensor() {
        Tensor t = tensor;
        if (t == null) {
            synchronized (this) {
                if (tensor == null) {
                    AccuracySpec a = sweep.accuracy();
                    tensor = SyntheticTensors.gaussian("synthetic-gaussian-weights", a.rows(), a.cols(), a.std(),
                            sweep.seed());
                }
                t = tensor;
            }
        }
        return t;
    }

    private record QuantKey(NumberFormat weights, Granularity granularity) {
    }
}
