package org.bitsweep.sim.array;

import org.bitsweep.workloads.model.GemmShape;

/**
 * Output stationary: each PE keeps one output c[i][j] and accumulates it in place. The m activation rows go down the
 * array's rows, the n outputs across its columns, and the reduction k streams through: A enters row i skewed by i
 * cycles and B enters column j skewed by j, so PE (i, j) does its t-th MAC at cycle i + j + t·c.
 *
 * <p>Per fold, {@link Timing#BITSWEEP}: the far PE (R−1, C−1) finishes after (R − 1) + (C − 1) + T·c cycles, and
 * the R results of each column then shift out of its bottom edge in R more cycles: {@code 2R + C + T·c − 2}.
 * {@link Timing#SCALESIM}: SCALE-Sim v2 writes row r of the fold at cycle T − 1 + (R − 1 − r) + j, before rows
 * r > (R − 1)/2 have done their last MAC, and never counts the drain: {@code R + C + T·c − 2}.
 */
public record OutputStationary() implements Dataflow {
    @Override
    public String id() {
        return "os";
    }

    @Override
    public GemmDim rowDim() {
        return GemmDim.M;
    }

    @Override
    public GemmDim colDim() {
        return GemmDim.N;
    }

    @Override
    public GemmDim timeDim() {
        return GemmDim.K;
    }

    @Override
    public Operand stationary() {
        return Operand.OUTPUTS;
    }

    @Override
    public long foldCycles(int rows, int cols, long streamCycles, Timing timing) {
        long drain = timing == Timing.BITSWEEP ? rows : 0;
        return rows + drain + cols + streamCycles - 2;
    }

    /** A is re-read once per column fold, B once per row fold; each output is written once. */
    @Override
    public ArrayAccesses accesses(GemmShape s, SystolicArray a, int lanes) {
        return new ArrayAccesses(Math.multiplyExact(Math.multiplyExact(s.m(), s.k()), colFolds(s, a)),
                Math.multiplyExact(Math.multiplyExact(s.k(), s.n()), rowFolds(s, a, lanes)), Math.multiplyExact(s.m(), s.n()), 0);
    }

    @Override
    public String toString() {
        return id();
    }
}
