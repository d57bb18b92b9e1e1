package org.bitsweep.workloads.nn;

import java.util.Objects;
import java.util.Optional;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.FixedPointFormat;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.LookupFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;

/**
 * How {@link ReferenceInference} computes: the quantization of the weights and of the activations (each empty for
 * FP32), and the arithmetic of integer dot products.
 *
 * <p>Weights take any quantizer configuration; a group size that does not divide a layer's K is allowed, the last
 * group of each row being padded with zeros as hardware pads a partial block. Activations (the input of every
 * weighted layer) take one static scale per tensor, fixed by calibration ({@code tensor}), or none ({@code none}, a
 * plain cast), in an element format (integer, minifloat, lookup); they are symmetric.
 *
 * <p>When both operands are integers, weights symmetric with one scale per tensor, output channel or group along K,
 * dot products run over the integer codes through {@code arithmetic} and the scales are applied after the
 * accumulation; otherwise they run in FP32 over the dequantized values.
 */
public record InferenceConfig(Optional<QuantConfig> weights, Optional<QuantConfig> activations, MacSupplier arithmetic) {
    public InferenceConfig {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(arithmetic, "arithmetic");
        activations.ifPresent(InferenceConfig::checkActivations);
        if (arithmetic != MacSupplier.EXACT && !integerDotProducts(weights, activations))
            throw new UserInputException(("arithmetic %s runs on integer codes: it needs integer weights (symmetric, "
                    + "one scale per tensor, channel:0 or group) and integer activations; got weights %s, activations %s")
                    .formatted(arithmetic.id(), describe(weights), describe(activations)));
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

    /** Whether dot products run over integer codes (see the class comment). */
    public boolean integerDotProducts() {
        return integerDotProducts(weights, activations);
    }

    private static boolean integerDotProducts(Optional<QuantConfig> weights, Optional<QuantConfig> activations) {
        if (weights.isEmpty() || activations.isEmpty())
            return false;
        QuantConfig w = weights.get();
        return w.format() instanceof IntFormat && !w.asymmetric()
                && !(w.granularity() instanceof Granularity.PerChannel c && c.axis() == 1)
                && activations.get().format() instanceof IntFormat;
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
