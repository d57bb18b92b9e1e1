package org.bitsweep.sim.array;

import org.bitsweep.workloads.model.GemmShape;

/**
 * Weight stationary: each PE holds one weight b[k][j]. The reduction k goes down the array's rows, the n outputs
 * across its columns, and the m activation rows stream through; partial sums flow down the columns and leave at the
 * bottom, to be summed over row folds in the output buffer.
 *
 * <p>Per fold, both timings: R cycles to shift the weights in, then A row t enters array row i at cycle R + i + t·c
 * (skewed), PE (i, j) uses it at R + i + j + t·c, and the partial sum of column j for row t leaves the bottom one
 * cycle after row R − 1: the last leaves at R + (R − 1) + (C − 1) + (T − 1)·c + 1, so {@code 2R + C + T·c − 2}
 * (SCALE-Sim v2's filter demand matrix: R rows of weights, then an R + C + T − 2 gap).
 */
public record WeightStationary() implements Dataflow {
    @Override
    public String id() {
        return "ws";
    }

    @Override
    public GemmDim rowDim() {
        return GemmDim.K;
    }

    @Override
    public GemmDim colDim() {
        return GemmDim.N;
    }

    @Override
    public GemmDim timeDim() {
        return GemmDim.M;
    }

    @Override
    public Operand stationary() {
        return Operand.WEIGHTS;
    }

    @Override
    public long foldCycles(int rows, int cols, long streamCycles, Timing timing) {
        return 2L * rows + cols + streamCycles - 2;
    }

    /**
     * Each weight is loaded once (its fold streams all m rows); A is re-read once per column fold; each fold writes
     * m × C partial sums and, after the first row fold, first reads the m × C it adds to.
     */
    @Override
    public ArrayAccesses accesses(GemmShape s, SystolicArray a, int lanes) {
        long outputs = Math.multiplyExact(s.m(), s.n());
        long rowFolds = rowFolds(s, a, lanes);
        return new ArrayAccesses(Math.multiplyExact(Math.multiplyExact(s.m(), s.k()), colFolds(s, a)),
                Math.multiplyExact(s.k(), s.n()), Math.multiplyExact(outputs, rowFolds),
                Math.multiplyExact(outputs, rowFolds - 1));
    }

    @Override
    public String toString() {
        return id();
    }
}
