package org.bitsweep.sim.array;

import org.bitsweep.workloads.model.GemmShape;

/** The three loops of a GEMM C[m×n] += A[m×k]·B[k×n]. */
public enum GemmDim {
    /** Activation rows (tokens × batch, or output pixels). */
    M,
    /** Outputs (filters, output features). */
    N,
    /** The reduction. */
    K;

    public long of(GemmShape s) {
        return switch (this) {
            case M -> s.m();
            case N -> s.n();
            case K -> s.k();
        };
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
