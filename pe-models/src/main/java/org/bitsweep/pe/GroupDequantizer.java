package org.bitsweep.pe;

/**
 * The step that turns one group's integer partial sum into real units, once per group rather than once per MAC
 * (BitMoD's bit-serial dequantization unit; MixPE's per-group scale and zero point). The weights of a group are
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
}
