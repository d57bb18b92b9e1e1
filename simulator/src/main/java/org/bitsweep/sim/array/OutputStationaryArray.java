package org.bitsweep.sim.array;

import org.bitsweep.workloads.model.GemmShape;

/**
 * An R×C array running the output-stationary dataflow: the shape sweep files name today ({@code target.array}).
 * The timing and the access counts are {@link OutputStationary}'s under {@link Timing#BITSWEEP}; this record only
 * keeps the sweeps' vocabulary. New code takes a {@link SystolicArray} and a {@link Dataflow}.
 */
public record OutputStationaryArray(int rows, int cols) {
    public static final int MAX_DIM = SystolicArray.MAX_DIM;

    public OutputStationaryArray {
        new SystolicArray(rows, cols);
    }

    public SystolicArray shape() {
        return new SystolicArray(rows, cols);
    }

    public long folds(GemmShape s) {
        return Dataflow.OS.folds(s, shape());
    }

    public long cyclesPerFold(GemmShape s, long cyclesPerMac) {
        return Dataflow.OS.foldCycles(rows, cols, Math.multiplyExact(s.k(), cyclesPerMac), Timing.BITSWEEP);
    }

    public long cycles(GemmShape s, long cyclesPerMac) {
        return Dataflow.OS.computeCycles(s, shape(), cyclesPerMac, Timing.BITSWEEP);
    }

    /** Activation elements the array reads: once per column fold. */
    public long activationReads(GemmShape s) {
        return Dataflow.OS.accesses(s, shape()).activationReads();
    }

    /** Weight elements the array reads: once per row fold. */
    public long weightReads(GemmShape s) {
        return Dataflow.OS.accesses(s, shape()).weightReads();
    }

    public long pes() {
        return (long) rows * cols;
    }

    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
