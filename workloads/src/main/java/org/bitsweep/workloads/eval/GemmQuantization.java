package org.bitsweep.workloads.eval;

import java.util.Objects;
import java.util.Optional;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * How {@code Y = X·Wᵀ} is computed for an output-error measurement: the quantization of the activations X and of
 * the weights W (each empty for FP32), an optional outlier decomposition (LLM.int8()), and the arithmetic of the
 * dot products: {@link MacSupplier#EXACT} for exact sums of the dequantized values, or a PE's
 * ({@code PeModel.macSupplier()}), which then runs every dot product MAC by MAC over its operands.
 */
public record GemmQuantization(Optional<QuantConfig> activations, Optional<QuantConfig> weights,
                               Optional<OutlierDecomposition> decomposition, MacSupplier arithmetic) {
    public GemmQuantization {
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(decomposition, "decomposition");
        Objects.requireNonNull(arithmetic, "arithmetic");
        if (decomposition.isPresent() && activations.isEmpty())
            throw new UserInputException("outlier decomposition keeps activation outliers in FP16 beside quantized "
                    + "activations; with FP32 activations nothing is quantized, so give an activation format");
        if (arithmetic != MacSupplier.EXACT) {
            if (activations.isEmpty() || weights.isEmpty())
                throw new UserInputException(("arithmetic %s: dot products through a MAC need quantized weights and "
                        + "activations (a cast such as fp16:none counts); got weights %s, activations %s")
                        .formatted(arithmetic.id(), describe(weights), describe(activations)));
            checkMacOperand("activations", activations.get());
            checkMacOperand("weights", weights.get());
            String reason = arithmetic.unsupportedReason(OperandFormats.of(weights.get().format(),
                    activations.get().format()));
            if (!reason.isEmpty())
                throw new UserInputException(reason);
        }
    }

    /** Weights and activations quantized, exact dot products, no decomposition. */
    public static GemmQuantization of(QuantConfig activations, QuantConfig weights) {
        return new GemmQuantization(Optional.ofNullable(activations), Optional.ofNullable(weights), Optional.empty(),
                MacSupplier.EXACT);
    }

    public GemmQuantization withDecomposition(OutlierDecomposition d) {
        return new GemmQuantization(activations, weights, Optional.ofNullable(d), arithmetic);
    }

    public GemmQuantization withArithmetic(MacSupplier a) {
        return new GemmQuantization(activations, weights, decomposition, a);
    }

    /** The element formats a dot product sees, weight first; empty unless both operands are quantized. */
    public Optional<OperandFormats> operandFormats() {
        if (activations.isEmpty() || weights.isEmpty())
            return Optional.empty();
        return Optional.of(OperandFormats.of(weights.get().format(), activations.get().format()));
    }

    /** A MAC takes symmetric codes whose scale is constant along runs of K (see {@link GemmOutputError}). */
    private static void checkMacOperand(String role, QuantConfig c) {
        if (c.asymmetric())
            throw new UserInputException(("%s %s: a MAC takes symmetric operands; asymmetric quantization (a zero "
                    + "point per group) does not run through a PE").formatted(role, c.format().name()));
        if (c.granularity() instanceof Granularity.PerChannel ch && ch.axis() == 1)
            throw new UserInputException(("%s %s:channel:1: a scale per column changes along K at every element; a MAC "
                    + "takes one scale per tensor, row (channel:0) or group along K (group:G)")
                    .formatted(role, c.format().name()));
    }

    private static String describe(Optional<QuantConfig> c) {
        return c.map(q -> q.format().name() + ":" + q.granularity()).orElse("fp32");
    }
}
