package org.bitsweep.cost.gpu;

import java.util.Objects;

import org.bitsweep.cost.Provenance;

/**
 * CUDA-core work per unit of a kernel's work (a weight dequantized, an output written, a table look-up), in lanes
 * of each class, from {@code gpu/kernel-instructions.yaml}.
 *
 * @param unit   what one unit is, e.g. {@code weight} or {@code output-group}
 * @param shared lanes of shared-memory loads and stores, before bank conflicts
 */
public record InstructionMix(String id, String unit, double fp32, double fp16x2, double int32, double conversion,
                             double shared, Provenance provenance) {
    public InstructionMix {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        for (double v : new double[] {fp32, fp16x2, int32, conversion, shared})
            if (!(v >= 0) || !Double.isFinite(v))
                throw new IllegalArgumentException("instruction counts must be finite and >= 0 in " + id);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Lanes of one CUDA-core class per unit; {@link CudaCoreClass#ISSUE} counts every lane, shared accesses too. */
    public double lanes(CudaCoreClass c) {
        return switch (c) {
            case FP32 -> fp32;
            case FP16X2 -> fp16x2;
            case INT32 -> int32;
            case CONVERSION -> conversion;
            case SHARED_MEMORY -> shared;
            case ISSUE -> fp32 + fp16x2 + int32 + conversion + shared;
        };
    }
}
