package org.bitsweep.sim.array;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.model.GemmShape;

/**
 * An R×C systolic array in which each PE keeps one output and accumulates it in place (output stationary). A GEMM
 * maps its m activation rows onto the array's rows and its n outputs onto the columns, and runs in folds of R×C
 * outputs: ⌈m/R⌉·⌈n/C⌉ folds, each streaming the whole reduction of length k.
 *
 * <p>Cycles of one fold, following SCALE-Sim's analytical model (Samajdar et al., arXiv 1811.02883): activations
 * enter row i skewed by i cycles and weights enter column j skewed by j, so PE (i, j) sees its t-th operand pair
 * at cycle i + j + t·c, where c is the PE's cycles per MAC. The far corner PE (R−1, C−1) finishes after
 * (R − 1) + (C − 1) + k·c cycles; the outputs then shift out down the columns in R more cycles. Per fold:
 * {@code 2R + C + k·c − 2}. Every fold pays the full array's fill and drain, even a partial one at the edge, as in
 * SCALE-Sim's formula.
 */
public record OutputStationaryArray(int rows, int cols) {
    public static final int MAX_DIM = 4096;

    public OutputStationaryArray {
        Checks.inRange("array rows", rows, 1, MAX_DIM);
        Checks.inRange("array cols", cols, 1, MAX_DIM);
    }

    public long folds(GemmShape s) {
        return ceilDiv(s.m(), rows) * ceilDiv(s.n(), cols);
    }

    public long cyclesPerFold(GemmShape s, long cyclesPerMac) {
        return 2L * rows + cols + s.k() * cyclesPerMac - 2;
    }

    public long cycles(GemmShape s, long cyclesPerMac) {
        return Math.multiplyExact(folds(s), cyclesPerFold(s, cyclesPerMac));
    }

    /**
     * Operand elements the array reads from its buffers: every fold streams its m-tile of activations (k each)
     * and its n-tile of weights (k each), so activations are re-read once per column fold and weights once per row
     * fold.
     */
    public long activationReads(GemmShape s) {
        return Math.multiplyExact(Math.multiplyExact(ceilDiv(s.n(), cols), s.m()), s.k());
    }

    public long weightReads(GemmShape s) {
        return Math.multiplyExact(Math.multiplyExact(ceilDiv(s.m(), rows), s.n()), s.k());
    }

    public long pes() {
        return (long) rows * cols;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
