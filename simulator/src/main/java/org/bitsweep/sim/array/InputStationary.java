package org.bitsweep.sim.array;

import org.bitsweep.workloads.model.GemmShape;

/**
 * Input stationary: each PE holds one activation a[i][k]. The reduction k goes down the array's rows, the m
 * activation rows across its columns, and the n outputs stream through (each cycle one column of B enters, skewed);
 * partial sums leave at the bottom and are summed over row folds in the output buffer. It is weight stationary with
 * the roles of A and B exchanged, and has the same fold: {@code 2R + C + T·c − 2} (SCALE-Sim v2's ifmap demand
 * matrix: R rows of inputs, then an R + C + T − 2 gap).
 */
public record InputStationary() implements Dataflow {
    @Override
    public String id() {
        return "is";
    }

    @Override
    public GemmDim rowDim() {
        return GemmDim.K;
    }

    @Override
    public GemmDim colDim() {
        return GemmDim.M;
    }

    @Override
    public GemmDim timeDim() {
        return GemmDim.N;
    }

    @Override
    public Operand stationary() {
        return Operand.ACTIVATIONS;
    }

    @Override
    public long foldCycles(int rows, int cols, long streamCycles, Timing timing) {
        return 2L * rows + cols + streamCycles - 2;
    }

    /** Each activation is loaded once; B is re-read once per column fold; partial sums as in weight stationary. */
    @Override
    public ArrayAccesses accesses(GemmShape s, SystolicArray a, int lanes) {
        long outputs = Math.multiplyExact(s.m(), s.n());
        long rowFolds = rowFolds(s, a, lanes);
        return new ArrayAccesses(Math.multiplyExact(s.m(), s.k()),
                Math.multiplyExact(Math.multiplyExact(s.k(), s.n()), colFolds(s, a)),
                Math.multiplyExact(outputs, rowFolds), Math.multiplyExact(outputs, rowFolds - 1));
    }

    @Override
    public String toString() {
        return id();
    }
}
