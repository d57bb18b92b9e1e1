package org.bitsweep.sim.array;

import java.util.Set;

/** The three tensors of a GEMM, each held in its own on-chip buffer. */
public enum Operand {
    /** A[m×k]: activations. */
    ACTIVATIONS(GemmDim.M, GemmDim.K),
    /** B[k×n]: weights, or the KV cache in attention. */
    WEIGHTS(GemmDim.K, GemmDim.N),
    /** C[m×n]: outputs, and partial sums while the reduction is incomplete. */
    OUTPUTS(GemmDim.M, GemmDim.N);

    private final GemmDim first;
    private final GemmDim second;

    Operand(GemmDim first, GemmDim second) {
        this.first = first;
        this.second = second;
    }

    /** Whether the operand's elements change along this loop. */
    public boolean dependsOn(GemmDim d) {
        return d == first || d == second;
    }

    public Set<GemmDim> dims() {
        return Set.of(first, second);
    }

    /** How the operand's buffer is named in breakdowns and messages: weight, activation, output. */
    public String bufferName() {
        return switch (this) {
            case WEIGHTS -> "weight";
            case ACTIVATIONS -> "activation";
            case OUTPUTS -> "output";
        };
    }
}
