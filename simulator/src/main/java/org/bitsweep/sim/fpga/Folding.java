package org.bitsweep.sim.fpga;

import org.bitsweep.workloads.model.GemmShape;

/**
 * How P MAC units share out one GEMM, as FINN's matrix-vector unit does (PEs over the n outputs, SIMD lanes over
 * k, the m rows in turn), with spare units taking further rows side by side: p = min(P, n) columns, r = min(m,
 * ⌊P/p⌋) row groups, which read the same weights (broadcast) and each their own activations.
 *
 * @param columns     outputs computed side by side
 * @param rows        rows of A computed side by side
 * @param columnFolds passes over the outputs, ⌈n/columns⌉
 * @param rowFolds    passes over the rows, ⌈m/rows⌉
 */
record Folding(long columns, long rows, long columnFolds, long rowFolds) {
    static Folding of(long units, GemmShape s) {
        long columns = Math.min(units, s.n());
        long rows = Math.min(s.m(), Math.max(1, units / columns));
        return new Folding(columns, rows, ceilDiv(s.n(), columns), ceilDiv(s.m(), rows));
    }

    /** Cycles of one GEMM on lanes-wide units, without the pipeline's fill: ⌈m/r⌉·⌈n/p⌉·⌈k/L⌉. */
    long cycles(GemmShape s, int lanes) {
        return Math.multiplyExact(Math.multiplyExact(rowFolds, columnFolds), ceilDiv(s.k(), lanes));
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
