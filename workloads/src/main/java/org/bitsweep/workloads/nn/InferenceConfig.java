package org.bitsweep.workloads.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.FixedPointFormat;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.LookupFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.LayerPatterns;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * How {@link ReferenceInference} computes: the quantization of the weights and of the activations (each empty for
 * FP32), and the arithmetic of integer dot products.
 *
 * <p>Weights take any quantizer configuration; a group size that does not divide a layer's K is allowed, the last
 * group of each row being padded with zeros as hardware pads a partial block. Activations (the input of every
 * weighted layer) take one static scale per tensor, fixed by calibration ({@code tensor}), or none ({@code none}, a
 * plain cast), in an element format (integer, minifloat, lookup); they are symmetric.
 *
 * <p>Dot products run one of three ways. With a supplied arithmetic (a PE's, or an integer accumulator that wraps or
 * saturates), they run through it over the operands it defines (see {@link MacSupplier#operands}), for weights
 * quantized symmetrically with one scale per tensor, output channel or group along K, in a format whose codes decode
 * one by one (integer, minifloat, lookup, fixed point, MX, a mixture through its groups' selectors, or OliVe's
 * outlier-victim pairs), and
 * quantized activations; the scales are applied after the accumulation. With the default exact arithmetic and both
 * operands integers (weights as above), they run over the integer codes with exact sums. Otherwise they run in FP32
 * over the dequantized values.
 *
 * <p><b>Per layer.</b> {@code layerWeights} gives layers their own weight quantization (empty: FP32 weights) by name
 * pattern ({@link LayerPatterns}: {@code *} within a dot-separated part, {@code **} across parts, the most specific
 * pattern wins); layers no pattern matches take {@code weights}. Activations and the arithmetic are the same for every
 * layer. A pattern that matches no layer of the network is refused when inference is prepared.
 *
 * @param layerWeights    weight quantization by layer-name pattern, in the order given; empty for none
 * @param requantization  how integer layers turn their accumulators into outputs ({@link Requantization})
 */
public record InferenceConfig(Optional<QuantConfig> weights, Optional<QuantConfig> activations, MacSupplier arithmetic,
                              Map<String, Optional<QuantConfig>> layerWeights, Requantization requantization) {
    /** What messages call the per-layer setting, as sweep files write it. */
    public static final String LAYERS_KEY = "quantization.layers";

    public InferenceConfig {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(arithmetic, "arithmetic");
        Objects.requireNonNull(requantization, "requantization");
        layerWeights = Collections.unmodifiableMap(new LinkedHashMap<>(layerWeights));
        activations.ifPresent(InferenceConfig::checkActivations);
        if (arithmetic != MacSupplier.EXACT) {
            String problem = suppliedArithmeticProblem(weights, activations, arithmetic);
            for (Map.Entry<String, Optional<QuantConfig>> layer : layerWeights.entrySet())
                if (problem.isEmpty()) {
                    problem = suppliedArithmeticProblem(layer.getValue(), activations, arithmetic);
                    if (!problem.isEmpty())
                        problem = LAYERS_KEY + " \"" + layer.getKey() + "\": " + problem;
                }
            if (!problem.isEmpty())
                throw new UserInputException(problem);
        }
        if (requantization instanceof Requantization.Dyadic d) {
            String problem = Requantization.problem(d, weights, activations, layerWeights, arithmetic);
            if (!problem.isEmpty())
                throw new UserInputException(problem);
        }
    }

    /** One quantization for every layer, requantized in float. */
    public InferenceConfig(Optional<QuantConfig> weights, Optional<QuantConfig> activations, MacSupplier arithmetic) {
        this(weights, activations, arithmetic, Map.of(), Requantization.FLOAT);
    }

    public static InferenceConfig fp32() {
        return new InferenceConfig(Optional.empty(), Optional.empty(), MacSupplier.EXACT);
    }

    /** @param weights, activations null for FP32 */
    public static InferenceConfig of(QuantConfig weights, QuantConfig activations) {
        return new InferenceConfig(Optional.ofNullable(weights), Optional.ofNullable(activations), MacSupplier.EXACT);
    }

    public InferenceConfig withArithmetic(MacSupplier a) {
        return new InferenceConfig(weights, activations, a, layerWeights, requantization);
    }

    /** Per-layer weight quantization by name pattern (see the class comment); replaces any given before. */
    public InferenceConfig withLayerWeights(Map<String, Optional<QuantConfig>> patterns) {
        return new InferenceConfig(weights, activations, arithmetic, patterns, requantization);
    }

    public InferenceConfig withRequantization(Requantization r) {
        return new InferenceConfig(weights, activations, arithmetic, layerWeights, r);
    }

    /**
     * The weight quantization of each named layer: its most specific pattern's, else {@link #weights}.
     *
     * @throws UserInputException for a pattern that matches none of {@code layers}
     */
    public Map<String, Optional<QuantConfig>> weightsByLayer(List<String> layers) {
        Map<String, Optional<QuantConfig>> matched = LayerPatterns.resolve(layerWeights, layers, LAYERS_KEY);
        Map<String, Optional<QuantConfig>> all = new LinkedHashMap<>();
        for (String layer : layers)
            all.put(layer, matched.getOrDefault(layer, weights));
        return all;
    }

    /** Whether dot products run through a supplied arithmetic, over its operands (see the class comment). */
    public boolean suppliedArithmetic() {
        return arithmetic != MacSupplier.EXACT;
    }

    /**
     * Whether both operands are integers that a dot product can take code by code (see the class comment), for the
     * weights of layers that no per-layer pattern sets.
     */
    public boolean integerDotProducts() {
        return integerDotProducts(weights);
    }

    /** Whether a layer with these weights runs integer dot products (see the class comment). */
    public boolean integerDotProducts(Optional<QuantConfig> layerWeights) {
        return layerWeights.isPresent() && activations.isPresent() && layerWeights.get().format() instanceof IntFormat
                && codeByCodeWeights(layerWeights.get()) && activations.get().format() instanceof IntFormat;
    }

    /** The pair of element formats a dot product sees, for layers no per-layer pattern sets; empty in FP32. */
    public Optional<OperandFormats> operandFormats() {
        return operandFormats(weights);
    }

    /** The pair of element formats a dot product sees with these weights; empty in FP32. */
    public Optional<OperandFormats> operandFormats(Optional<QuantConfig> layerWeights) {
        if (layerWeights.isEmpty() || activations.isEmpty())
            return Optional.empty();
        return Optional.of(OperandFormats.of(layerWeights.get().format(), activations.get().format()));
    }

    /** Symmetric, with scales along K only per group, so that each group's dot product is scaled once. */
    private static boolean codeByCodeWeights(QuantConfig w) {
        return !w.asymmetric() && !(w.granularity() instanceof Granularity.PerChannel c && c.axis() == 1);
    }

    private static String suppliedArithmeticProblem(Optional<QuantConfig> weights, Optional<QuantConfig> activations,
                                                    MacSupplier arithmetic) {
        String prefix = "arithmetic " + arithmetic.id() + ": ";
        if (weights.isEmpty() || activations.isEmpty())
            return prefix + "dot products through a MAC need quantized weights and activations; got weights %s, "
                    .formatted(describe(weights)) + "activations " + describe(activations);
        QuantConfig w = weights.get();
        if (!codeByCodeWeights(w))
            return prefix + "weights %s: a MAC takes symmetric weights with one scale per tensor, output channel "
                    .formatted(describe(weights)) + "(channel:0) or group along K (group:G)";
        NumberFormat f = w.format();
        return arithmetic.unsupportedReason(OperandFormats.of(f, activations.get().format()));
    }

    private static void checkActivations(QuantConfig a) {
        if (!(a.format() instanceof IntFormat || a.format() instanceof MinifloatFormat
                || a.format() instanceof LookupFormat || a.format() instanceof FixedPointFormat))
            throw new UserInputException(("activations: %s shares scales within blocks or groups; activations take "
                    + "an element format with one scale per tensor, e.g. int8, uint8, fp8-e4m3, nf4")
                    .formatted(a.format().name()));
        if (!(a.granularity() instanceof Granularity.PerTensor || a.granularity() instanceof Granularity.None))
            throw new UserInputException(("activations: granularity %s; activations take one static scale per tensor "
                    + "(tensor) or none (a cast); valid: tensor, none").formatted(a.granularity()));
        if (a.asymmetric())
            throw new UserInputException("activations: asymmetric quantization is not supported for activations; "
                    + "they are non-negative after ReLU, so use an unsigned format such as uint8");
    }

    private static String describe(Optional<QuantConfig> c) {
        return c.map(q -> q.format().name() + (q.asymmetric() ? " asymmetric " : " ") + q.granularity())
                .orElse("fp32");
    }
}
