package org.bitsweep.sim.gpu;

import java.util.Locale;

/**
 * What a kernel's time can be bound by: DRAM traffic, tensor-core operations, CUDA-core instructions (their issue
 * included), shared-memory bank accesses, or, for a kernel too small to be bound by any of these, its launch.
 */
public enum GpuResource {
    DRAM, TENSOR_CORE, CUDA_CORE, SHARED_MEMORY, LAUNCH;

    /** The name used in result columns, e.g. {@code tensor-core}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
