package org.bitsweep.workloads.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.trace.CodeStatistics;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A network ready to classify images under one {@link InferenceConfig}: weights quantized once, activation scales
 * calibrated once, then any number of images, in parallel (images are independent, so the result does not depend on
 * the thread count).
 *
 * <p>Per weighted layer, the input is quantized with its static scale {@code sa}; with integer operands the layer
 * computes, for output o and each group g of K sharing the weight scale {@code sw[o, g]},
 * {@code acc = Σ_k a_k·w_ok} over the integer codes through the configured arithmetic, then
 * {@code y_o = Σ_g acc_g·(sw[o, g]·sa) + b_o} in double, rounded to float once; the bias stays FP32. Otherwise it
 * computes in FP32 over the dequantized values, with the same loops as FP32 inference. With a supplied arithmetic
 * (a PE's, see {@link MacSupplier}), each group's dot product is the arithmetic's, MAC by MAC in order k = 0, 1, …,
 * over the operands it defines for the grid values (the values before their scales), and
 * {@code y_o = Σ_g value(acc_g)·(sw[o, g]·sa) + b_o} as above. ReLU and max-pool run on the float outputs. Where the
 * arithmetic says what its MACs are made of ({@link org.bitsweep.workloads.arith.MacForm}), whole dot products run in
 * tight loops with the same result bit for bit ({@link DotProductPath#FAST}, the default); {@link
 * DotProductPath#MAC_BY_MAC} calls the arithmetic for every MAC.
 *
 * <p>Layers may have their own weight quantization ({@link InferenceConfig#layerWeights()}); with
 * {@link Requantization.Dyadic} integer layers hand the next layer its codes through HAWQ-V3's dyadic scaling.
 *
 * <p>FP32 layers read the network's own parameter arrays: do not train or change the network while using this.
 */
public final class ReferenceInference {
    private static final int IMAGES_PER_TASK = 250;

    private final Network net;
    private final InferenceConfig config;
    private final float[][] weights;
    private final ActivationQuantizer[] activations;
    private final DotProductLayer[] dotProducts;
    private final boolean anyDotProducts;
    private final List<LayerQuantization> report;

    private ReferenceInference(Network net, InferenceConfig config, float[][] weights,
                               ActivationQuantizer[] activations, DotProductLayer[] dotProducts,
                               List<LayerQuantization> report) {
        this.net = net;
        this.config = config;
        this.weights = weights;
        this.activations = activations;
        this.dotProducts = dotProducts;
        this.anyDotProducts = Arrays.stream(dotProducts).anyMatch(java.util.Objects::nonNull);
        this.report = List.copyOf(report);
    }

    /** The network in FP32, as trained. */
    public static ReferenceInference fp32(Network net) {
        return prepare(net, InferenceConfig.fp32(), null);
    }

    /**
     * Quantizes the weights and calibrates the activation scales; dot products take the {@link DotProductPath#FAST}
     * path.
     *
     * @param calibration the images whose FP32 activations fix the activation scales (each weighted layer's input over
     *                    all of them is one calibration tensor); unused, and may be null, without quantized
     *                    activations
     * @throws org.bitsweep.workloads.UserInputException for a per-layer pattern that matches no layer
     */
    public static ReferenceInference prepare(Network net, InferenceConfig config, LabelledImages calibration) {
        return prepare(net, config, calibration, DotProductPath.FAST);
    }

    /** {@link #prepare(Network, InferenceConfig, LabelledImages)} with the dot products run by {@code path}. */
    public static ReferenceInference prepare(Network net, InferenceConfig config, LabelledImages calibration,
                                             DotProductPath path) {
        int n = net.layers().size();
        List<Integer> weighted = net.weightedLayers();
        Map<String, Optional<QuantConfig>> byLayer = config.weightsByLayer(
                weighted.stream().map(i -> net.weighted(i).name()).toList());
        float[][] weights = new float[n][];
        QuantizedTensor[] quantized = new QuantizedTensor[n];
        ActivationQuantizer[] activations = new ActivationQuantizer[n];
        DotProductLayer[] dotProducts = new DotProductLayer[n];
        List<LayerQuantization> report = new ArrayList<>();
        float[][] calibrationInputs = config.activations().isPresent()
                ? calibrationInputs(net, requireCalibration(calibration)) : null;
        for (int i : weighted) {
            NetLayer.Weighted layer = net.weighted(i);
            Optional<QuantConfig> w = byLayer.get(layer.name());
            QuantizedTensor q = w.map(c -> quantizeWeights(net.weight(i), c)).orElse(null);
            quantized[i] = q;
            weights[i] = q == null ? net.weights[i] : q.values();
            if (config.activations().isPresent())
                activations[i] = ActivationQuantizer.calibrate(config.activations().get(), new Tensor(
                        layer.name() + ".input", calibration.count(), net.shapeBefore(i).size(), calibrationInputs[i]));
            report.add(new LayerQuantization(layer.name(), layer.outputs(), layer.reduction(),
                    q == null ? 32 : q.bitsPerElement(), activations[i] == null ? 0 : activations[i].scale(),
                    w.map(c -> c.format().name() + " " + c.granularity()).orElse("fp32")));
        }
        for (int j = 0; j < weighted.size(); j++) {
            int i = weighted.get(j);
            Optional<QuantConfig> w = byLayer.get(net.weighted(i).name());
            if (quantized[i] == null || activations[i] == null
                    || !(config.suppliedArithmetic() || config.integerDotProducts(w)))
                continue;
            DotProductLayer.Geometry geometry = DotProductLayer.Geometry.of(net.weighted(i), net.shapeBefore(i),
                    net.shapeBefore(i + 1), net.biases[i], quantized[i], w.get().granularity(), activations[i]);
            DyadicOutput dyadic = config.requantization() instanceof Requantization.Dyadic d && j + 1 < weighted.size()
                    ? DyadicOutput.of(quantized[i].scales().length == 0 ? new double[] {1} : quantized[i].scales(),
                    activations[i].scale(), net.biases[i], activations[weighted.get(j + 1)], d) : null;
            dotProducts[i] = dotProductLayer(geometry, quantized[i], activations[i], config.arithmetic(), path, dyadic);
        }
        return new ReferenceInference(net, config, weights, activations, dotProducts, report);
    }

    /** The fast layer the arithmetic's form allows on {@code path}, else the MAC-by-MAC one. */
    private static DotProductLayer dotProductLayer(DotProductLayer.Geometry geometry, QuantizedTensor q,
                                                   ActivationQuantizer input, MacSupplier supplier,
                                                   DotProductPath path, DyadicOutput dyadic) {
        OperandFormats formats = OperandFormats.of(q.format(), input.format());
        Operands operands = supplier.operands(formats);
        long[] w = MacByMacLayer.weightOperands(q, geometry, operands);
        MacByMacLayer macByMac = new MacByMacLayer(geometry, input, w, supplier.arithmetic(formats), operands, dyadic);
        if (path == DotProductPath.FAST) {
            Optional<MacForm> form = supplier.form(formats);
            DotProductLayer fast = null;
            if (form.isPresent() && form.get() instanceof MacForm.IntegerSum sum)
                fast = IntegerSumLayer.of(geometry, input, operands, w, sum, dyadic, macByMac);
            else if (form.isPresent() && form.get() instanceof MacForm.Fp32Sum sum && dyadic == null)
                fast = Fp32SumLayer.of(geometry, input, operands, w, q.format(), sum);
            if (fast != null)
                return fast;
        }
        return macByMac;
    }

    /**
     * One weighted layer as prepared: its weight storage per element, its input's static scale (0 in FP32) and its
     * weight quantization in words (format and granularity, or fp32).
     */
    public record LayerQuantization(String name, int outputs, int reduction, double weightBitsPerElement,
                                    double activationScale, String weights) {
        /** Weights in the layer. */
        public long parameters() {
            return (long) outputs * reduction;
        }
    }

    public Network network() {
        return net;
    }

    public InferenceConfig config() {
        return config;
    }

    public List<LayerQuantization> layers() {
        return report;
    }

    /**
     * How each weighted layer's dot products run, by layer name: a {@link DotProductLayer#describe() fast path}, MAC
     * by MAC, or {@code fp32 over dequantized values}.
     */
    public Map<String, String> dotProductPaths() {
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        for (int i : net.weightedLayers())
            paths.put(net.weighted(i).name(), dotProducts[i] == null ? "fp32 over dequantized values"
                    : dotProducts[i].describe());
        return paths;
    }

    /** Bits of weight storage per weight over the whole network, scales included (32 in FP32). */
    public double weightBitsPerElement() {
        double bits = 0;
        long count = 0;
        for (LayerQuantization l : report) {
            long weightsInLayer = (long) l.outputs() * l.reduction();
            bits += l.weightBitsPerElement() * weightsInLayer;
            count += weightsInLayer;
        }
        return bits / count;
    }

    public Accuracy evaluate(LabelledImages images) {
        int[] predicted = predict(images);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++)
            if (predicted[i] == images.label(i))
                correct++;
        return new Accuracy(correct, images.count());
    }

    /** The predicted class of every image. */
    public int[] predict(LabelledImages images) {
        checkImages(images);
        int[] predicted = new int[images.count()];
        int tasks = (images.count() + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            Pass pass = new Pass();
            int to = Math.min(images.count(), (t + 1) * IMAGES_PER_TASK);
            for (int i = t * IMAGES_PER_TASK; i < to; i++) {
                images.normalized(i, pass.input());
                float[] logits = pass.run();
                predicted[i] = Kernels.argmax(logits, logits.length);
            }
        });
        return predicted;
    }

    /** The logits of every image, in parallel, one row per image. */
    public float[][] logits(LabelledImages images) {
        checkImages(images);
        float[][] logits = new float[images.count()][];
        int tasks = (images.count() + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            Pass pass = new Pass();
            int to = Math.min(images.count(), (t + 1) * IMAGES_PER_TASK);
            for (int i = t * IMAGES_PER_TASK; i < to; i++) {
                images.normalized(i, pass.input());
                logits[i] = pass.run().clone();
            }
        });
        return logits;
    }

    /** The logits of one image, given as pixels in [0, 1]. */
    public float[] logits(float[] image) {
        Pass pass = new Pass();
        System.arraycopy(image, 0, pass.input(), 0, net.input().size());
        return pass.run().clone();
    }

    /**
     * Each weighted layer's input codes as its dot products read them, over {@code images}: every value coded with
     * the layer's static scale; for a convolution every entry of the lowered (im2col) matrix, zero padding included,
     * so that each count stands for one MAC per output channel (what a value-dependent PE such as Bit-Pragmatic
     * streams). Layers whose inputs are not quantized are left out; a NaN (an overflow upstream) counts as no code.
     *
     * @return layer name → histogram of its activation format's codes, in layer order
     */
    public Map<String, CodeStatistics> activationStatistics(LabelledImages images) {
        checkImages(images);
        int n = net.layers().size();
        int tasks = (images.count() + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK;
        long[][] total = IntStream.range(0, tasks).parallel().mapToObj(t -> {
            Pass pass = new Pass();
            long[][] counts = new long[n][];
            int[][] index = new int[n][];
            int[][] col = new int[n][];
            for (int i = 0; i < n; i++) {
                if (activations[i] == null)
                    continue;
                counts[i] = new long[activations[i].format().codeCount()];
                index[i] = new int[net.shapeBefore(i).size()];
                if (net.layers().get(i) instanceof Conv2d c)
                    col[i] = new int[c.reduction() * net.shapeBefore(i + 1).plane()];
            }
            int to = Math.min(images.count(), (t + 1) * IMAGES_PER_TASK);
            for (int image = t * IMAGES_PER_TASK; image < to; image++) {
                images.normalized(image, pass.input());
                pass.run((i, x) -> {
                    if (counts[i] == null)
                        return;
                    activations[i].indexes(x, x.length, index[i]);
                    int[] streamed = index[i];
                    if (net.layers().get(i) instanceof Conv2d c) {
                        Kernels.im2col(index[i], net.shapeBefore(i), c, net.shapeBefore(i + 1), col[i]);
                        streamed = col[i];
                    }
                    for (int v : streamed) {
                        int code = activations[i].codeOfIndex(v);
                        if (code >= 0)
                            counts[i][code]++;
                    }
                });
            }
            return counts;
        }).reduce((a, b) -> {
            for (int i = 0; i < n; i++)
                for (int c = 0; a[i] != null && c < a[i].length; c++)
                    a[i][c] += b[i][c];
            return a;
        }).orElseThrow();
        Map<String, CodeStatistics> statistics = new LinkedHashMap<>();
        for (int i : net.weightedLayers())
            if (total[i] != null)
                statistics.put(net.weighted(i).name(), new CodeStatistics(activations[i].format(), total[i]));
        return statistics;
    }

    private void checkImages(LabelledImages images) {
        if (images.pixelsPerImage() != net.input().size())
            throw new IllegalArgumentException("%s takes %s inputs; %s has %d pixels per image"
                    .formatted(net.name(), net.input(), images.name(), images.pixelsPerImage()));
    }

    private static LabelledImages requireCalibration(LabelledImages calibration) {
        if (calibration == null)
            throw new IllegalArgumentException("quantized activations need calibration images");
        return calibration;
    }

    /** Each weighted layer's FP32 input for every calibration image, one image per row. */
    private static float[][] calibrationInputs(Network net, LabelledImages calibration) {
        float[][] inputs = new float[net.layers().size()][];
        for (int i : net.weightedLayers())
            inputs[i] = new float[calibration.count() * net.shapeBefore(i).size()];
        FloatPass pass = new FloatPass(net, false);
        for (int image = 0; image < calibration.count(); image++) {
            calibration.normalized(image, pass.act[0]);
            pass.forward(net.weights, net.biases, null);
            for (int i : net.weightedLayers()) {
                int size = pass.act[i].length;
                System.arraycopy(pass.act[i], 0, inputs[i], image * size, size);
            }
        }
        return inputs;
    }

    /**
     * Quantizes a weight with the quantizer of {@code c}; where a group size does not divide K, each row is padded
     * with zeros to a whole number of groups first and the padding dropped after.
     */
    static QuantizedTensor quantizeWeights(Tensor w, QuantConfig c) {
        int k = w.cols();
        if (!(c.granularity() instanceof Granularity.PerGroup g) || k % g.size() == 0)
            return new Quantizer(c).quantize(w);
        int padded = (k + g.size() - 1) / g.size() * g.size();
        float[] data = new float[w.rows() * padded];
        for (int r = 0; r < w.rows(); r++)
            System.arraycopy(w.data(), r * k, data, r * padded, k);
        QuantizedTensor q = new Quantizer(c).quantize(new Tensor(w.name(), w.rows(), padded, data));
        int[] codes = new int[w.size()];
        float[] values = new float[w.size()];
        for (int r = 0; r < w.rows(); r++) {
            System.arraycopy(q.codes(), r * padded, codes, r * k, k);
            System.arraycopy(q.values(), r * padded, values, r * k, k);
        }
        // What each row stores beside its codes (its groups' scales etc.), spread over the K real elements.
        double bitsPerRow = Math.rint((q.bitsPerElement() - q.format().bits()) * padded);
        double bits = q.format().bits() + bitsPerRow / k;
        return new QuantizedTensor(q.name(), q.rows(), k, q.format(), q.granularity(), codes, values, q.scales(),
                q.zeroPoints(), q.selectors(), q.groupSize(), bits);
    }

    /** One thread's buffers: a float pass, and a worker of each dot-product layer. */
    private final class Pass {
        private final FloatPass floats = new FloatPass(net, false);
        private final DotProductLayer.Worker[] workers = new DotProductLayer.Worker[net.layers().size()];

        Pass() {
            for (int i = 0; i < workers.length; i++)
                if (dotProducts[i] != null)
                    workers[i] = dotProducts[i].worker();
        }

        float[] input() {
            return floats.act[0];
        }

        float[] run() {
            if (!anyDotProducts)
                return floats.forward(weights, net.biases, activations);
            return run(null);
        }

        /** The forward pass, layer by layer, showing each layer its input first (when {@code inputs} is not null). */
        float[] run(LayerInputs inputs) {
            for (int i = 0; i < net.layers().size(); i++) {
                if (inputs != null)
                    inputs.accept(i, floats.act[i]);
                if (workers[i] == null)
                    floats.layer(i, weights, net.biases, activations);
                else if (!workers[i].forward(floats.act[i], floats.act[i + 1]))
                    return nanLogits();
            }
            return floats.act[net.layers().size()];
        }

        /** Layer i's input, before the layer quantizes it. */
        interface LayerInputs {
            void accept(int layer, float[] input);
        }

        /** What an image whose activations left every format's range comes to: NaN logits, as float hardware gives. */
        private float[] nanLogits() {
            float[] out = floats.act[net.layers().size()];
            Arrays.fill(out, Float.NaN);
            return out;
        }
    }
}
