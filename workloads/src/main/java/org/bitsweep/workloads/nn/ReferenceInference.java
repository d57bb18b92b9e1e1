package org.bitsweep.workloads.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MixtureFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.Tensor;
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
 * (a PE's, see {@link MacSupplier}), each group's dot product runs MAC by MAC through it, k = 0, 1, …, over the
 * operands it defines for the grid values (the values before their scales), and
 * {@code y_o = Σ_g value(acc_g)·(sw[o, g]·sa) + b_o} as above. ReLU and max-pool run on the float outputs.
 *
 * <p>FP32 layers read the network's own parameter arrays: do not train or change the network while using this.
 */
public final class ReferenceInference {
    private static final int IMAGES_PER_TASK = 250;

    private final Network net;
    private final InferenceConfig config;
    private final float[][] weights;
    private final ActivationQuantizer[] activations;
    private final IntegerLayer[] integers;
    private final OperandLayer[] operandLayers;
    /** Whether dot products run through a supplied arithmetic's operands ({@link OperandLayer}). */
    private final boolean throughOperands;
    private final List<LayerQuantization> report;

    private ReferenceInference(Network net, InferenceConfig config, float[][] weights,
                               ActivationQuantizer[] activations, IntegerLayer[] integers,
                               OperandLayer[] operandLayers, List<LayerQuantization> report) {
        this.net = net;
        this.config = config;
        this.weights = weights;
        this.activations = activations;
        this.integers = integers;
        this.operandLayers = operandLayers;
        this.throughOperands = Arrays.stream(operandLayers).anyMatch(java.util.Objects::nonNull);
        this.report = List.copyOf(report);
    }

    /** The network in FP32, as trained. */
    public static ReferenceInference fp32(Network net) {
        return prepare(net, InferenceConfig.fp32(), null);
    }

    /**
     * Quantizes the weights and calibrates the activation scales.
     *
     * @param calibration the images whose FP32 activations fix the activation scales (each weighted layer's input over
     *                    all of them is one calibration tensor); unused, and may be null, without quantized
     *                    activations
     */
    public static ReferenceInference prepare(Network net, InferenceConfig config, LabelledImages calibration) {
        int n = net.layers().size();
        float[][] weights = new float[n][];
        ActivationQuantizer[] activations = new ActivationQuantizer[n];
        IntegerLayer[] integers = new IntegerLayer[n];
        OperandLayer[] operandLayers = new OperandLayer[n];
        boolean throughOperands = config.suppliedArithmetic() && !(config.integerDotProducts()
                && config.arithmetic().operands(config.operandFormats().orElseThrow()) == Operands.INTEGERS);
        List<LayerQuantization> report = new ArrayList<>();
        float[][] calibrationInputs = config.activations().isPresent()
                ? calibrationInputs(net, requireCalibration(calibration)) : null;
        for (int i : net.weightedLayers()) {
            NetLayer.Weighted layer = net.weighted(i);
            QuantizedTensor q = config.weights().map(c -> quantizeWeights(net.weight(i), c)).orElse(null);
            weights[i] = q == null ? net.weights[i] : q.values();
            if (config.activations().isPresent())
                activations[i] = ActivationQuantizer.calibrate(config.activations().get(), new Tensor(
                        layer.name() + ".input", calibration.count(), net.shapeBefore(i).size(), calibrationInputs[i]));
            if (throughOperands)
                operandLayers[i] = OperandLayer.of(layer, q, config.weights().get().granularity(), activations[i],
                        config.arithmetic());
            else if (config.integerDotProducts())
                integers[i] = IntegerLayer.of(layer, q, config.weights().get().granularity(), activations[i],
                        config.arithmetic());
            report.add(new LayerQuantization(layer.name(), layer.outputs(), layer.reduction(),
                    q == null ? 32 : q.bitsPerElement(), activations[i] == null ? 0 : activations[i].scale()));
        }
        return new ReferenceInference(net, config, weights, activations, integers, operandLayers, report);
    }

    /** One weighted layer as prepared: its weight storage per element and its input's static scale (0 in FP32). */
    public record LayerQuantization(String name, int outputs, int reduction, double weightBitsPerElement,
                                    double activationScale) {
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
        if (images.pixelsPerImage() != net.input().size())
            throw new IllegalArgumentException("%s takes %s inputs; %s has %d pixels per image"
                    .formatted(net.name(), net.input(), images.name(), images.pixelsPerImage()));
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

    /** The logits of one image, given as pixels in [0, 1]. */
    public float[] logits(float[] image) {
        Pass pass = new Pass();
        System.arraycopy(image, 0, pass.input(), 0, net.input().size());
        return pass.run().clone();
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

    /**
     * A weighted layer's integer form: the weight's integers ({@code outputs × K}), and per output row and group the
     * product of the weight's and the input's scales.
     *
     * @param scaleRowStride groups per row of {@code scales}, 0 where one scale serves every row
     * @param arithmetic     null for exact sums by the vectorized loops
     * @param positionMajor  a convolution runs one dot product per output position over its patch (true), or all
     *                       positions at once per kernel tap (false: only for exact sums over short patches)
     */
    record IntegerLayer(int[] weights, int reduction, int groupSize, int groupsPerRow, double[] scales,
                        int scaleRowStride, MacArithmetic arithmetic, boolean positionMajor) {
        // Below this K, a per-position dot product is too short for the vector loops to pay (measured on conv1).
        private static final int MIN_DOT_LENGTH = 64;

        static IntegerLayer of(NetLayer.Weighted layer, QuantizedTensor q, Granularity g, ActivationQuantizer input,
                               MacSupplier supplier) {
            IntFormat format = (IntFormat) q.format();
            int k = layer.reduction();
            int[] w = new int[q.codes().length];
            long maxWeight = 0;
            for (int j = 0; j < w.length; j++) {
                w[j] = (int) format.decodeInt(q.codes()[j]);
                maxWeight = Math.max(maxWeight, Math.abs(w[j]));
            }
            int groupSize = g instanceof Granularity.PerGroup p ? p.size() : k;
            int groupsPerRow = (k + groupSize - 1) / groupSize;
            double[] weightScales = q.scales().length == 0 ? new double[] {1} : q.scales();
            int stride = g instanceof Granularity.PerGroup ? groupsPerRow
                    : g instanceof Granularity.PerChannel ? 1 : 0;
            double[] scales = new double[weightScales.length];
            for (int j = 0; j < scales.length; j++)
                scales[j] = weightScales[j] * input.scale();
            MacArithmetic arithmetic = supplier == MacSupplier.EXACT ? null
                    : supplier.arithmetic(OperandFormats.of(format, input.format()));
            // The int loops are exact while no partial sum can leave the int range; beyond, exact sums go by long.
            boolean fitsInt = (double) maxWeight * input.maxMagnitude() * groupSize <= Integer.MAX_VALUE;
            if (arithmetic == null && !fitsInt)
                arithmetic = MacSupplier.EXACT.arithmetic(OperandFormats.of(format, input.format()));
            return new IntegerLayer(w, k, groupSize, groupsPerRow, scales, stride, arithmetic,
                    arithmetic != null || groupSize >= MIN_DOT_LENGTH);
        }

        double scale(int row, int group) {
            return scales[row * scaleRowStride + group];
        }
    }

    /**
     * A weighted layer run through a supplied arithmetic: the weight's operands ({@code outputs × K}), the operand of
     * every activation index, and per output row and group the product of the weight's and the input's scales.
     */
    record OperandLayer(long[] weights, int reduction, int groupSize, int groupsPerRow, double[] scales,
                        int scaleRowStride, long[] activationOperands, int activationOffset, MacArithmetic arithmetic,
                        Operands operands) {
        static OperandLayer of(NetLayer.Weighted layer, QuantizedTensor q, Granularity g, ActivationQuantizer input,
                               MacSupplier supplier) {
            OperandFormats formats = OperandFormats.of(q.format(), input.format());
            Operands operands = supplier.operands(formats);
            int k = layer.reduction();
            int groupSize = g instanceof Granularity.PerGroup p ? p.size() : k;
            int groupsPerRow = (k + groupSize - 1) / groupSize;
            int stride = g instanceof Granularity.PerGroup ? groupsPerRow
                    : g instanceof Granularity.PerChannel ? 1 : 0;
            long[] w = new long[q.codes().length];
            for (int j = 0; j < w.length; j++) {
                // What the weight was stored with: scales and a mixture's selectors are per tensor, row or group.
                int stored = (j / k) * stride + (j % k) / groupSize;
                int groupStart = stride == 0 ? 0 : (j / k) * k + (j % k) / groupSize * groupSize;
                int groupEnd = stride == 0 ? w.length : Math.min((j / k) * k + k, groupStart + groupSize);
                w[j] = operands.weight(gridValue(q, stored, j, groupStart, groupEnd));
            }
            double[] weightScales = q.scales().length == 0 ? new double[] {1} : q.scales();
            double[] scales = new double[weightScales.length];
            for (int j = 0; j < scales.length; j++)
                scales[j] = weightScales[j] * input.scale();
            return new OperandLayer(w, k, groupSize, groupsPerRow, scales, stride, input.operandTable(operands),
                    input.indexOffset(), supplier.arithmetic(formats), operands);
        }

        /**
         * The value weight j's code stands for before its scale: a mixture reads it through its group's choice of
         * type; OliVe in pairs (2i, 2i + 1) counted from its group's start.
         */
        private static double gridValue(QuantizedTensor q, int group, int j, int groupStart, int groupEnd) {
            int code = q.codes()[j];
            if (q.format() instanceof MixtureFormat m)
                return m.candidates().get(q.selectors()[group]).decode(code);
            if (q.format() instanceof OliveFormat o) {
                int type = q.selectors()[group];
                if ((j - groupStart) % 2 == 1)
                    return o.decodePair(type, q.codes()[j - 1], code)[1];
                if (j + 1 < groupEnd)
                    return o.decodePair(type, code, q.codes()[j + 1])[0];
                return partnerless(o, type, code, q.scales()[group], q.values()[j]);
            }
            return q.format().decode(code);
        }

        /**
         * OliVe's last element of a row whose group runs on into padding (K not a multiple of the group): its
         * partner, cropped away, may have been its victim. Of the two readings, normal or outlier, the one the
         * quantizer stored is the one that gives back its dequantized value.
         */
        private static double partnerless(OliveFormat o, int type, int code, double scale, float stored) {
            if ((code & 0b111) == 0)
                return 0;                               // a zero of either sign; no outlier has magnitude index 0
            double normal = o.decodePair(type, code, 0)[0];
            if ((float) (normal * scale) == stored)
                return normal;
            return o.decodePair(type, OliveFormat.VICTIM_CODE, code)[1];
        }

        double scale(int row, int group) {
            return scales[row * scaleRowStride + group];
        }

        /**
         * Whether every activation has an operand: not so for NaN or ±∞ (an accumulator that overflowed upstream)
         * where the format or the PE's operands cannot carry them.
         */
        boolean operandsFor(int[] a, int n) {
            for (int i = 0; i < n; i++)
                if (activationOperands[a[i] + activationOffset] == ActivationQuantizer.NO_OPERAND)
                    return false;
            return true;
        }

        /** Σ_g value(acc_g)·scale(o, g) for weight row o against the activation indexes a[aFrom … aFrom + K). */
        double dot(int[] a, int aFrom, int o) {
            double sum = 0;
            for (int g = 0; g < groupsPerRow; g++) {
                int from = g * groupSize;
                int to = Math.min(reduction, from + groupSize);
                long acc = operands.zeroAccumulator();
                for (int j = from; j < to; j++)
                    acc = arithmetic.mac(acc, activationOperands[a[aFrom + j] + activationOffset],
                            weights[o * reduction + j]);
                sum += operands.accumulatorValue(acc) * scale(o, g);
            }
            return sum;
        }
    }

    /** One thread's buffers: a float pass, plus integer codes, im2col and accumulators for integer layers. */
    private final class Pass {
        private final FloatPass floats = new FloatPass(net, false);
        private final int[][] codes = new int[net.layers().size()][];
        private final int[][] codeCols = new int[net.layers().size()][];
        private final int[][] padded = new int[net.layers().size()][];
        private final int[] sums;
        private final double[] scaled;

        Pass() {
            int positions = 1;
            for (int i = 0; i < integers.length; i++) {
                if (integers[i] == null && operandLayers[i] == null)
                    continue;
                codes[i] = new int[floats.act[i].length];
                if (net.layers().get(i) instanceof Conv2d c) {
                    codeCols[i] = new int[c.reduction() * floats.shapes[i + 1].plane()];
                    padded[i] = new int[Kernels.paddedSize(floats.shapes[i], c)];
                    positions = Math.max(positions, floats.shapes[i + 1].plane());
                }
            }
            sums = new int[positions];
            scaled = new double[positions];
        }

        float[] input() {
            return floats.act[0];
        }

        float[] run() {
            if (!throughOperands && !config.integerDotProducts())
                return floats.forward(weights, net.biases, activations);
            List<NetLayer> layers = net.layers();
            for (int i = 0; i < layers.size(); i++) {
                NetLayer l = layers.get(i);
                float[] x = floats.act[i];
                float[] y = floats.act[i + 1];
                OperandLayer operands = operandLayers[i];
                if (operands != null && !operandIndexes(i, x))
                    return nanLogits();
                if (l instanceof Dense && operands != null) {
                    for (int o = 0; o < y.length; o++)
                        y[o] = (float) (operands.dot(codes[i], 0, o) + net.biases[i][o]);
                } else if (l instanceof Dense) {
                    activations[i].integers(x, x.length, codes[i]);
                    dense(integers[i], codes[i], net.biases[i], y);
                } else if (l instanceof Conv2d c && operands != null) {
                    // Patch by patch, k = 0, 1, ...: the order the PE's arithmetic is defined in.
                    Kernels.im2colTransposed(codes[i], floats.shapes[i], c, floats.shapes[i + 1], padded[i],
                            codeCols[i]);
                    int positions = floats.shapes[i + 1].plane();
                    for (int o = 0; o < net.biases[i].length; o++)
                        for (int p = 0; p < positions; p++)
                            y[o * positions + p] = (float) (operands.dot(codeCols[i], p * c.reduction(), o)
                                    + net.biases[i][o]);
                } else if (l instanceof Conv2d c) {
                    activations[i].integers(x, x.length, codes[i]);
                    if (integers[i].positionMajor())
                        Kernels.im2colTransposed(codes[i], floats.shapes[i], c, floats.shapes[i + 1], padded[i],
                                codeCols[i]);
                    else
                        Kernels.im2col(codes[i], floats.shapes[i], c, floats.shapes[i + 1], codeCols[i]);
                    conv(integers[i], codeCols[i], floats.shapes[i + 1].plane(), net.biases[i], y);
                } else if (l instanceof Relu) {
                    Kernels.relu(x, y, y.length);
                } else if (l instanceof MaxPool p) {
                    Kernels.maxPool(x, floats.shapes[i], p.size(), y, null);
                }
            }
            return floats.act[layers.size()];
        }

        /**
         * Layer i's input as indexes into its operand table; false when a value has no operand (a NaN or ±∞ from an
         * overflow upstream that the format or the PE cannot carry).
         */
        private boolean operandIndexes(int i, float[] x) {
            activations[i].indexes(x, x.length, codes[i]);
            return operandLayers[i].operandsFor(codes[i], x.length);
        }

        /** What an image whose activations left every format's range comes to: NaN logits, as float hardware gives. */
        private float[] nanLogits() {
            float[] out = floats.act[net.layers().size()];
            Arrays.fill(out, Float.NaN);
            return out;
        }

        private void dense(IntegerLayer layer, int[] a, float[] bias, float[] y) {
            for (int o = 0; o < bias.length; o++)
                y[o] = (float) (dot(layer, a, 0, o) + bias[o]);
        }

        // Two loop orders, chosen per layer (IntegerLayer.positionMajor): a dot product per (channel, position)
        // over the position's contiguous patch, or, for short patches (conv1: K = 25), the int sums of one group
        // for all positions at once, a vectorized axpy per kernel tap with zero weights skipped. Exact integer sums
        // do not depend on the order; a supplied arithmetic always goes patch by patch, k = 0, 1, ...
        private void conv(IntegerLayer layer, int[] col, int positions, float[] bias, float[] y) {
            int k = layer.reduction();
            int[] w = layer.weights();
            for (int o = 0; o < bias.length; o++) {
                if (layer.positionMajor()) {
                    for (int p = 0; p < positions; p++)
                        y[o * positions + p] = (float) (dot(layer, col, p * k, o) + bias[o]);
                    continue;
                }
                Arrays.fill(scaled, 0, positions, 0);
                for (int g = 0; g < layer.groupsPerRow(); g++) {
                    int from = g * layer.groupSize();
                    int to = Math.min(k, from + layer.groupSize());
                    double s = layer.scale(o, g);
                    Arrays.fill(sums, 0, positions, 0);
                    for (int j = from; j < to; j++)
                        if (w[o * k + j] != 0)
                            Kernels.axpy(w[o * k + j], col, j * positions, sums, 0, positions);
                    for (int p = 0; p < positions; p++)
                        scaled[p] += sums[p] * s;
                }
                for (int p = 0; p < positions; p++)
                    y[o * positions + p] = (float) (scaled[p] + bias[o]);
            }
        }

        /** Σ_g acc_g·scale(o, g) for weight row o against a[aFrom … aFrom + K). */
        private double dot(IntegerLayer layer, int[] a, int aFrom, int o) {
            int k = layer.reduction();
            int[] w = layer.weights();
            double sum = 0;
            for (int g = 0; g < layer.groupsPerRow(); g++) {
                int from = g * layer.groupSize();
                int to = Math.min(k, from + layer.groupSize());
                long acc;
                if (layer.arithmetic() == null) {
                    acc = Kernels.dot(a, aFrom + from, w, o * k + from, to - from);
                } else {
                    acc = 0;
                    for (int j = from; j < to; j++)
                        acc = layer.arithmetic().mac(acc, a[aFrom + j], w[o * k + j]);
                }
                sum += acc * layer.scale(o, g);
            }
            return sum;
        }
    }
}
