package org.bitsweep.sim.array;

import org.bitsweep.workloads.model.GemmShape;

/**
 * Dot-product lanes, as the bit-serial LLM accelerators use them (BitMoD, HPCA 2025; its simulator is
 * abdelfattah-lab/BitMoD-HPCA-25, bitmod_sim/): each PE keeps one output and reduces {@code lanes} elements of k per
 * step; the n output channels go down the array's rows, the m tokens (times the batch) across its columns. A row of
 * PEs shares one token's activations, broadcast to it; a column shares one output channel's weights. Nothing is
 * systolic: there is no skew to fill and no drain, so a fold is its stream, ⌈k / lanes⌉ steps of the PE's cycles per
 * step. With m = 1 (decode) one column is busy per fold, as BitMoD's compute count ⌈k/lanes⌉·⌈n/R⌉·⌈tokens/C⌉
 * gives, and the layer waits on its weights from DRAM.
 *
 * <p>Per fold, both timings: {@code T·c} cycles (BitMoD's simulator counts the same; an adder tree's latency is
 * hidden by starting the next fold while the last sums leave).
 */
public record DotProduct() implements Dataflow {
    @Override
    public String id() {
        return "dp";
    }

    @Override
    public GemmDim rowDim() {
        return GemmDim.N;
    }

    @Override
    public GemmDim colDim() {
        return GemmDim.M;
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
        return streamCycles;
    }

    /** No skew to amortise: a fold's stream may be cut after any step. */
    @Override
    public long minimumChunkSteps(int rows, int cols) {
        return 1;
    }

    /** SCALE-Sim has no such dataflow, so its timing is ours: the folds' streams, nothing less one. */
    @Override
    public long computeCycles(GemmShape s, SystolicArray a, double cyclesPerMac, int lanes, Timing timing) {
        long stream = (long) Math.ceil(streamSteps(s, lanes) * cyclesPerMac);
        return Math.multiplyExact(folds(s, a, lanes), stream);
    }

    /**
     * A is read once per row fold (each token's activations are broadcast along the R rows of a fold), B once per
     * column fold (each weight is broadcast across the C tokens), each output written once.
     */
    @Override
    public ArrayAccesses accesses(GemmShape s, SystolicArray a, int lanes) {
        return new ArrayAccesses(Math.multiplyExact(Math.multiplyExact(s.m(), s.k()), Dataflow.ceilDiv(s.n(), a.rows())),
                Math.multiplyExact(Math.multiplyExact(s.k(), s.n()), colFolds(s, a)), Math.multiplyExact(s.m(), s.n()),
                0);
    }

    @Override
    public String toString() {
        return id();
    }
}
