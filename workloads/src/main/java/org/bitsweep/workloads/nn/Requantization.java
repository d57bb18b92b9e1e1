package org.bitsweep.workloads.nn;

import java.util.Map;
import java.util.Optional;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * How an integer layer turns its accumulators into what the next layer reads.
 * <ul>
 *   <li>{@link #FLOAT}: {@code y = (float) (acc·s_w·s_a + b)} in double, rounded once; the next layer quantizes y.</li>
 *   <li>{@link Dyadic}: HAWQ-V3's integer-only requantization (Yao et al., "HAWQ-V3: Dyadic Neural Network
 *       Quantization", ICML 2021, §3.2 and Fig. 2): the bias enters the integer accumulator in units of s_w·s_a,
 *       and the ratio s_w·s_a / s_next of each output channel becomes a dyadic number m / 2^shift, so the next
 *       layer's code is {@code clamp(round((acc + b_int)·m / 2^shift))}, one integer multiply and one shift
 *       ({@link DyadicRequantizer}). ReLU and max-pool between the layers commute with that monotone map. The last
 *       layer's logits are dequantized in float as with {@link #FLOAT}.</li>
 * </ul>
 */
public sealed interface Requantization {
    record InFloat() implements Requantization {
        @Override
        public String toString() {
            return "float";
        }
    }

    /** @param multiplierBits bits of the dyadic multiplier m, 2^(bits − 1) <= m < 2^bits (HAWQ-V3 uses 32-bit ones) */
    record Dyadic(int multiplierBits) implements Requantization {
        public static final int MAX_MULTIPLIER_BITS = 31;

        public Dyadic {
            if (multiplierBits < 2 || multiplierBits > MAX_MULTIPLIER_BITS)
                throw new UserInputException(
                        "dyadic requantization: multiplier bits %d; valid: 2 to %d".formatted(multiplierBits,
                                MAX_MULTIPLIER_BITS));
        }

        @Override
        public String toString() {
            return "dyadic:" + multiplierBits;
        }
    }

    Requantization FLOAT = new InFloat();

    /** Why dyadic requantization cannot run a configuration, for a user; empty when it can. */
    static String problem(Dyadic d, Optional<QuantConfig> weights, Optional<QuantConfig> activations,
                          Map<String, Optional<QuantConfig>> layerWeights, MacSupplier arithmetic) {
        String prefix = "requantization " + d + ": ";
        if (activations.isEmpty() || !(activations.get().format() instanceof IntFormat))
            return prefix + "integer-only inference needs integer activations, e.g. int8 or uint8";
        OperandFormats integers = OperandFormats.of(activations.get().format(), activations.get().format());
        if (arithmetic.form(integers).isEmpty() || arithmetic.operands(integers) != Operands.INTEGERS)
            return prefix + "runs on the integer codes themselves (exact, wrap:BITS or saturate:BITS), not through a PE";
        String w = weightProblem(weights);
        if (!w.isEmpty())
            return prefix + "weights " + w;
        for (Map.Entry<String, Optional<QuantConfig>> layer : layerWeights.entrySet()) {
            w = weightProblem(layer.getValue());
            if (!w.isEmpty())
                return prefix + InferenceConfig.LAYERS_KEY + " \"" + layer.getKey() + "\": " + w;
        }
        return "";
    }

    private static String weightProblem(Optional<QuantConfig> weights) {
        if (weights.isEmpty() || !(weights.get().format() instanceof IntFormat) || weights.get().asymmetric())
            return weights.map(q -> q.format().name()).orElse("fp32")
                    + ": integer-only inference needs symmetric integer weights, e.g. int8 or int4";
        Granularity g = weights.get().granularity();
        if (!(g instanceof Granularity.PerTensor || g instanceof Granularity.PerChannel c && c.axis() == 0))
            return weights.get().format().name() + " " + g + ": a dyadic requantization scales each output channel "
                    + "once, so weights take one scale per tensor or per output channel (tensor, channel:0)";
        return "";
    }
}
