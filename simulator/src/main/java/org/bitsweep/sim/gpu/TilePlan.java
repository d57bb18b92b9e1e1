package org.bitsweep.sim.gpu;

import org.bitsweep.workloads.model.GemmShape;

/**
 * How a kernel cuts a GEMM into thread-block tiles: tileM rows of the output (tokens) by tileN columns (outputs),
 * each walking its K slice in steps of tileK; split-K cuts k into {@code splitK} slices. The tiles run in waves of
 * one tile per SM (a simplification: a second resident tile shares the same SM's units, so it changes the wave
 * count's granularity, not the SM's throughput).
 *
 * @param batch independent GEMMs of the same shape in one launch (the heads of an attention matmul)
 */
public record TilePlan(long tileM, long tileN, long tileK, long mTiles, long nTiles, long splitK, long batch) {
    /**
     * Split-K keeps at least this many k-steps per slice, so that each slice still has a software pipeline to fill
     * (CUTLASS's multistage mainloops keep 3 to 5 stages in flight).
     */
    public static final long MIN_K_STEPS_PER_SLICE = 4;

    public TilePlan {
        if (tileM < 1 || tileN < 1 || tileK < 1 || mTiles < 1 || nTiles < 1 || splitK < 1 || batch < 1)
            throw new IllegalArgumentException("tile plan fields must be >= 1: " + tileM + "x" + tileN + "x" + tileK
                    + ", " + mTiles + "x" + nTiles + "x" + splitK + " x" + batch);
    }

    /**
     * Tiles of {@code tileM × tileN} over the output; with {@code splitK}, k is cut into slices until the tiles
     * cover the SMs, keeping at least {@link #MIN_K_STEPS_PER_SLICE} steps per slice.
     */
    public static TilePlan of(GemmShape s, long batch, long tileM, long tileN, long tileK, int sms, boolean splitK) {
        long mTiles = ceilDiv(s.m(), tileM);
        long nTiles = ceilDiv(s.n(), tileN);
        long slices = 1;
        long tiles = Math.multiplyExact(Math.multiplyExact(mTiles, nTiles), batch);
        if (splitK && tiles < sms)
            slices = Math.max(1, Math.min(sms / tiles, ceilDiv(s.k(), tileK) / MIN_K_STEPS_PER_SLICE));
        return new TilePlan(tileM, tileN, tileK, mTiles, nTiles, slices, batch);
    }

    public long tiles() {
        return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(mTiles, nTiles), splitK), batch);
    }

    /** Waves of one tile per SM, the last one counted whole. */
    public long waves(int sms) {
        return ceilDiv(tiles(), sms);
    }

    /** The k one tile walks: its share of the k-steps, each tileK long (k padded to whole steps). */
    public long kSlice(long k) {
        return ceilDiv(ceilDiv(k, tileK), splitK) * tileK;
    }

    public static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Override
    public String toString() {
        return "%dx%dx%d tiles %dx%d%s%s".formatted(tileM, tileN, tileK, mTiles, nTiles,
                splitK > 1 ? " split-k " + splitK : "", batch > 1 ? " batch " + batch : "");
    }
}
