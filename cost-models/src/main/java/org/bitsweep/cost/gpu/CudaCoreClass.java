package org.bitsweep.cost.gpu;

import java.util.Arrays;

/**
 * The classes of CUDA-core (SIMT) work a kernel's counts are kept in, each with its own rate per SM per clock, in
 * thread-level lanes (a warp instruction is 32). {@link #ISSUE} is the SM's warp schedulers, which every instruction
 * passes through; {@link #SHARED_MEMORY} is the shared-memory banks, which a conflict-free warp-wide load uses once.
 */
public enum CudaCoreClass {
    FP32("fp32"), FP16X2("fp16x2"), INT32("int32"), CONVERSION("conversion"), ISSUE("issue"),
    SHARED_MEMORY("shared-memory");

    private final String id;

    CudaCoreClass(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static CudaCoreClass byId(String file, String id, String where) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalStateException("%s: %s: class: \"%s\"; valid: %s".formatted(file, where, id,
                        Arrays.stream(values()).map(CudaCoreClass::id).toList())));
    }
}
