package org.bitsweep.workloads.nn;

import java.util.Objects;
import java.util.Optional;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.FixedPointFormat;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.LookupFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
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
 */
public record InferenceConfig(Optional<QuantConfig> weights, Optional<QuantConfig> activations, MacSupplier arithmetic) {
    public InferenceConfig {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(arithmetic, "arithmetic");
        activations.ifPresent(InferenceConfig::checkActivations);
        if (arithmetic != MacSupplier.EXACT) {
            String problem = suppliedArithmeticProblem(weights, activations, arithmetic);
            if (!problem.isEmpty())
                throw new UserInputException(problem);
        }
    }

    public static InferenceConfig fp32() {
        return new InferenceConfig(Optional.empty(), Optional.empty(), MacSupplier.EXACT);
    }

    /** @param weights, activations null for FP32 */
    public static InferenceConfig of(QuantConfig weights, QuantConfig activations) {
        return new InferenceConfig(Optional.ofNullable(weights), Optional.ofNullable(activations), MacSupplier.EXACT);
    }

    public InferenceConfig withArithmetic(MacSupplier a) {
        return new InferenceConfig(weights, activations, a);
    }

    /** Whether dot products run through a supplied arithmetic, over its operands (see the class comment). */
    public boolean suppliedArithmetic() {
        return arithmetic != MacSupplier.EXACT;
    }

    /** Whether both operands are integers that a dot product can take code by code (see the class comment). */
    public boolean integerDotProducts() {
        return weights.isPresent() && activations.isPresent() && weights.get().format() instanceof IntFormat
                && codeByCodeWeights(weights.get()) && activations.get().format() instanceof IntFormat;
    }

    /** The pair of element formats a dot product sees; empty in FP32. */
    public Optional<OperandFormats> operandFormats() {
        if (weights.isEmpty() || activations.isEmpty())
            return Optional.empty();
        return Optional.of(OperandFormats.of(weights.get().format(), activations.get().format()));
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
