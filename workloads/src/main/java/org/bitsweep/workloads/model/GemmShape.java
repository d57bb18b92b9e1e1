package org.bitsweep.workloads.model;

/**
 * One GEMM, C[m×n] += A[m×k]·B[k×n]: m activation rows (tokens × batch), n outputs, k the reduction.
 * Convolutions are lowered to this.
 */
public record GemmShape(long m, long n, long k) {
    public GemmShape {
        if (m < 1 || n < 1 || k < 1)
            throw new IllegalArgumentException("GEMM dims must be >= 1, got %d×%d×%d".formatted(m, n, k));
    }

    public long macs() {
        return Math.multiplyExact(Math.multiplyExact(m, n), k);
    }

    /** Elements of the weight operand B. */
    public long weights() {
        return Math.multiplyExact(n, k);
    }

    @Override
    public String toString() {
        return m + "x" + n + "x" + k;
    }
}
