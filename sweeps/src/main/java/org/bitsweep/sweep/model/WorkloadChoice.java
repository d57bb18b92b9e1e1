package org.bitsweep.sweep.model;

import java.util.Objects;

import org.bitsweep.workloads.model.Workload;

/** A workload as written ({@code llama-2-7b:decode}, {@code gemm:1x4096x4096}, {@code topo.csv}) and as built. */
public record WorkloadChoice(String spec, Workload workload) {
    public WorkloadChoice {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(workload, "workload");
    }

    @Override
    public String toString() {
        return spec;
    }
}
