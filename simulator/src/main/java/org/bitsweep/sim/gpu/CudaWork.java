package org.bitsweep.sim.gpu;

import org.bitsweep.cost.gpu.InstructionMix;

/**
 * CUDA-core work of one tile, in lanes of each instruction class (see {@code gpu/kernel-instructions.yaml}), and
 * the shared-memory wavefronts its loads and stores take once bank conflicts are counted.
 */
public record CudaWork(double fp32, double fp16x2, double int32, double conversion, double sharedLanes,
                       double sharedWavefronts) {
    public static final CudaWork NONE = new CudaWork(0, 0, 0, 0, 0, 0);

    /** Adds {@code units} of a mix whose shared accesses are conflict-free (one wavefront per 32 lanes). */
    public CudaWork plus(InstructionMix m, double units) {
        return plus(m, units, 1);
    }

    /** Adds {@code units} of a mix whose shared accesses replay {@code conflictDegree} times per warp access. */
    public CudaWork plus(InstructionMix m, double units, double conflictDegree) {
        if (units == 0)
            return this;
        return new CudaWork(fp32 + m.fp32() * units, fp16x2 + m.fp16x2() * units, int32 + m.int32() * units,
                conversion + m.conversion() * units, sharedLanes + m.shared() * units,
                sharedWavefronts + m.shared() * units / 32 * conflictDegree);
    }

    public CudaWork plus(CudaWork o) {
        return new CudaWork(fp32 + o.fp32, fp16x2 + o.fp16x2, int32 + o.int32, conversion + o.conversion,
                sharedLanes + o.sharedLanes, sharedWavefronts + o.sharedWavefronts);
    }

    public CudaWork times(double n) {
        return new CudaWork(fp32 * n, fp16x2 * n, int32 * n, conversion * n, sharedLanes * n, sharedWavefronts * n);
    }

    /** Every lane goes through the warp schedulers. */
    public double issueLanes() {
        return fp32 + fp16x2 + int32 + conversion + sharedLanes;
    }
}
