package org.bitsweep.workloads.model;

import org.bitsweep.workloads.Checks;

/** One named GEMM of a workload, e.g. {@code blocks.3.mlp.up_proj}. */
public record Layer(String name, GemmShape shape) {
    public Layer {
        Checks.nonBlank("layer name", name);
    }
}
