package org.bitsweep.sim.gpu.kernel;

import org.bitsweep.cost.gpu.TensorType;
import org.bitsweep.sim.gpu.CudaWork;
import org.bitsweep.sim.gpu.Gpu;
import org.bitsweep.sim.gpu.Launch;
import org.bitsweep.sim.gpu.TilePlan;
import org.bitsweep.workloads.model.GemmShape;

/**
 * The launch of a tiled tensor-core GEMM, shared by the kernels that run one: each tile issues its whole
 * tileM × tileN × kSlice of MMAs (a partial tile at an edge runs whole), repeats its per-weight CUDA work (dequantizing
 * B in registers) for every tile that reads the weight, does its per-output epilogue once, and with split-K each
 * slice but the first adds its FP32 partial tile through DRAM.
 */
final class MmaGemm {
    /** Output-tile rows: from the MMA's m (16) up to CUTLASS's 128-row tiles; the smallest that holds m is used. */
    static final long[] TILE_M = {16, 32, 64, 128};
    /** Output-tile columns a GEMM library chooses among. */
    static final long[] TILE_N = {64, 128, 256};
    static final double PARTIAL_BYTES = 4;

    private MmaGemm() {
    }

    static long tileM(long m) {
        return Operands.smallestAtLeast(Math.min(m, 128), TILE_M);
    }

    /**
     * @param perWeight CUDA-core work per weight element a tile reads
     * @param perOutput CUDA-core work per output element a tile writes
     * @param dramBytes the launch's DRAM traffic before split-K's partial sums
     */
    static Launch launch(String name, Gpu gpu, GemmShape s, long batch, TensorType type, TilePlan p,
                         CudaWork perWeight, CudaWork perOutput, double dramBytes) {
        double kSlice = p.kSlice(s.k());
        double outputs = (double) p.tileM() * p.tileN();
        CudaWork tile = perWeight.times(p.tileN() * kSlice).plus(perOutput.times(outputs));
        double partialBytes = 0;
        if (p.splitK() > 1) {
            tile = tile.plus(Mixes.SPLIT_K_REDUCE.times(outputs * (p.splitK() - 1) / p.splitK()));
            partialBytes = 2 * (p.splitK() - 1) * PARTIAL_BYTES * s.m() * s.n() * batch;
        }
        return new Launch(name, p, type, 2 * outputs * kSlice, tile, dramBytes + partialBytes);
    }
}
