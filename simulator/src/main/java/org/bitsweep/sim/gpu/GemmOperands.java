package org.bitsweep.sim.gpu;

import java.util.Objects;

import org.bitsweep.cost.gpu.KernelInstructions;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * The operands of one GEMM as a GPU kernel needs them: their formats, how many weights along k share one scale,
 * and, for LLM.int8(), the share of k that runs as FP16 outlier columns.
 *
 * @param weightGroupSize weights along k sharing one scale (and zero point); {@link #PER_CHANNEL} for one per
 *                        output column over all of k
 * @param outlierFraction share of the k feature dimensions LLM.int8() multiplies in FP16, in [0, 1)
 */
public record GemmOperands(OperandFormats formats, long weightGroupSize, double outlierFraction) {
    public static final long PER_CHANNEL = 0;
    /** LLM.int8()'s default share of outlier columns, from {@code gpu/kernel-instructions.yaml}. */
    public static final double DEFAULT_OUTLIER_FRACTION =
            KernelInstructions.bundled().parameter("llm-int8-outlier-fraction").value();

    public GemmOperands {
        Objects.requireNonNull(formats, "formats");
        if (weightGroupSize < 0)
            throw new IllegalArgumentException("weight group size must be >= 0 (0: per channel), got " + weightGroupSize);
        if (!(outlierFraction >= 0 && outlierFraction < 1))
            throw new IllegalArgumentException("outlier fraction must be in [0, 1), got " + outlierFraction);
    }

    public static GemmOperands of(OperandFormats formats, long weightGroupSize) {
        return new GemmOperands(formats, weightGroupSize, DEFAULT_OUTLIER_FRACTION);
    }

    public static GemmOperands of(NumberFormat weight, NumberFormat activation, long weightGroupSize) {
        return of(OperandFormats.of(weight, activation), weightGroupSize);
    }

    public NumberFormat weight() {
        return formats.weight();
    }

    public NumberFormat activation() {
        return formats.activation();
    }

    /** Scale groups along a reduction of {@code k}: ⌈k / g⌉, or 1 per channel. */
    public long groupsAlong(long k) {
        if (weightGroupSize == PER_CHANNEL || weightGroupSize >= k)
            return 1;
        return (k + weightGroupSize - 1) / weightGroupSize;
    }

    public GemmOperands withOutlierFraction(double fraction) {
        return new GemmOperands(formats, weightGroupSize, fraction);
    }
}
