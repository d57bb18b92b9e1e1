package org.bitsweep.pe;

import org.bitsweep.pe.exact.Dyadic;
import org.bitsweep.pe.exact.ExtendedReal;
import org.bitsweep.pe.exact.FloatFormat;

/**
 * The step that turns one group's integer partial sum into real units, once per group rather than once per MAC
 * (BitMoD's bit-serial dequantization unit; MixPE's per-group scale and zero point; int-mac's over grouped weights). The weights of a group are
 * w = s · (q − z), so Σ a·w = s · (Σ a·q − z · Σ a): the PE accumulates the integer Σ a·q, and here the scale and
 * zero point are applied and the result is added to the output, an fp32 register. Each PE states where it rounds.
 */
@FunctionalInterface
public interface GroupDequantizer {
    /**
     * @param outputFp32    the output register, an fp32 bit pattern ({@link Float#floatToRawIntBits}, unsigned)
     * @param partialSum    the group's accumulator, as the PE's {@code MacArithmetic} left it
     * @param scale         the group's scale, an exact value of the scale format (fp16 by default)
     * @param zeroPoint     the group's zero point in weight units; 0 for symmetric quantization
     * @param activationSum Σ of the group's activation operands (read only when {@code zeroPoint != 0})
     * @return the new output register
     */
    long accumulate(long outputFp32, long partialSum, double scale, long zeroPoint, long activationSum);

    /**
     * A unit that multiplies the corrected partial sum by the scale's whole significand exactly, then rounds:
     * (P − z · Σa) · 2^q · s rounded to fp32, added to the output and rounded again (two roundings to nearest even).
     * BitMoD's bit-serial unit and int-mac's bit-parallel one compute this.
     *
     * @param quantumExponent q, the exponent of the partial sum's unit (0 for integer operands; −24 for fp16
     *                        activations in fixed point, see {@link FixedPoint})
     */
    static GroupDequantizer exactScaleThenFp32(int quantumExponent) {
        FloatFormat fp32 = FloatFormat.FP32;
        return (out, partialSum, scale, zeroPoint, activationSum) -> {
            if (!Double.isFinite(scale))
                throw new IllegalArgumentException("scale must be finite, got " + scale);
            Dyadic corrected = Dyadic.of(partialSum).subtract(Dyadic.of(zeroPoint).multiply(Dyadic.of(activationSum)));
            Dyadic product = corrected.scaleByPowerOfTwo(quantumExponent).multiply(Dyadic.ofDouble(scale));
            long rounded = ExtendedReal.of(product).roundTo(fp32);
            return ExtendedReal.of(fp32, out).add(ExtendedReal.of(fp32, rounded)).roundTo(fp32);
        };
    }
}
