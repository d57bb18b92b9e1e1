package org.bitsweep.workloads.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.CodeStatistics;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.Trace;

/**
 * Activation code statistics measured on real data: a shipped Fashion-MNIST model run on the first {@link #IMAGES}
 * test images with the given weight and activation quantization (activation scales calibrated as {@code bitsweep
 * accuracy} does), each layer's streamed input histogrammed ({@link ReferenceInference#activationStatistics}). A trace
 * of that model takes each layer's own; any other workload takes the model's layers pooled, each weighted by the MACs
 * that read it, as a stand-in for data BitSweep does not have (the zoo's ImageNet CNNs and LLMs ship no activations).
 */
public final class MeasuredActivations {
    /** Test images measured: enough for stable histograms (one image streams 40,000 conv2 entries) in a second. */
    public static final int IMAGES = 1000;

    private record Key(String model, QuantConfig weights, QuantConfig activations) {
    }

    private static final Map<Key, Map<String, CodeStatistics>> MEASURED = new ConcurrentHashMap<>();

    private MeasuredActivations() {
    }

    /**
     * Each weighted layer's input statistics, by layer name; measured once per model and quantization.
     *
     * @throws org.bitsweep.workloads.UserInputException for a model or quantization reference inference refuses
     */
    public static Map<String, CodeStatistics> of(String model, QuantConfig weights, QuantConfig activations) {
        return MEASURED.computeIfAbsent(new Key(model, weights, activations), k -> Map.copyOf(
                ReferenceInference.prepare(FashionModels.shipped(model).network(), InferenceConfig.of(weights,
                        activations), FashionMnist.calibration()).activationStatistics(FashionMnist.test().first(IMAGES))));
    }

    /**
     * The model's layers as one histogram of what its MACs read: each layer's counts (one per streamed entry) times
     * its output channels, since every entry meets each of them once.
     */
    public static CodeStatistics pooled(String model, Map<String, CodeStatistics> byLayer) {
        Network net = FashionModels.architecture(model);
        CodeStatistics any = byLayer.values().iterator().next();
        long[] pooled = new long[any.histogram().length];
        for (int i : net.weightedLayers()) {
            CodeStatistics s = byLayer.get(net.weighted(i).name());
            if (s == null)
                continue;
            long outputs = net.weighted(i).outputs();
            long[] h = s.histogram();
            for (int c = 0; c < h.length; c++)
                pooled[c] = Math.addExact(pooled[c], Math.multiplyExact(h[c], outputs));
        }
        return new CodeStatistics(any.format(), pooled);
    }

    /**
     * The trace with its layers' activation statistics from {@code model}: a layer of that model by name its own,
     * every other GEMM layer the pooled histogram; attention layers (which multiply by the KV cache, not a weight)
     * none.
     */
    public static Trace attach(Trace trace, String model, QuantConfig weights, QuantConfig activations) {
        Map<String, CodeStatistics> byLayer = of(model, weights, activations);
        boolean sameModel = trace.workload().name().equals(model);
        CodeStatistics pooled = pooled(model, byLayer);
        List<LayerTrace> layers = new ArrayList<>();
        for (LayerTrace t : trace.layers()) {
            CodeStatistics s = t.layer().kind() == LayerKind.ATTENTION ? null
                    : sameModel && byLayer.containsKey(t.layer().name()) ? byLayer.get(t.layer().name()) : pooled;
            layers.add(s == null || !s.format().equals(t.formats().activation()) ? t : t.withActivationStatistics(s));
        }
        return new Trace(trace.workload(), layers);
    }
}
