package org.bitsweep.sim.gpu.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bitsweep.cost.gpu.TensorType;
import org.bitsweep.sim.gpu.CudaWork;
import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.Gpu;
import org.bitsweep.sim.gpu.GpuKernel;
import org.bitsweep.sim.gpu.Launch;
import org.bitsweep.sim.gpu.TilePlan;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * ABQ-LLM (ByteDance, arXiv 2408.08554; bytedance/ABQ-LLM {@code engine/mma_any}): a WxAy GEMM of any widths as one
 * binary GEMM on the 1-bit tensor cores. The activations are packed as an [y·M, K] bit matrix (bit-plane i of row r
 * is row i·M + r) and the weights as [x·N, K]; one binary GEMM of (y·M) × (x·N) × K with
 * {@code mma.sync.m8n8k128.s32.b1.b1.s32.and.popc} gives, for every pair of planes, the popcount of their AND. The
 * epilogue sums the y·x partials of each output weighted by 2^(i+j) on the CUDA cores, the most significant plane of a
 * signed operand weighted negatively (two's complement), then applies the scales.
 *
 * <p>Tiles, from {@code aq_wmma_impl/aq_wmma_w2a8.cu}: CTA {@code <BLOCK_M, BLOCK_N, 256>} with BLOCK_M in {1, 4, 8}
 * activation rows (so 8·y bit rows fill the MMA's m = 8 from one row at y = 8) and BLOCK_N from 32 to 256; the
 * library's benchmark picks the fastest instance, as {@link #configurations} offers. The benchmark times the
 * activation packing apart and leaves it out of its kernel figures: {@link #separateWork} times it on its own.
 */
public final class AbqBinaryKernel implements GpuKernel {
    public static final String ID = "abq-binary";
    private static final long[] BLOCK_M = {1, 4, 8};
    private static final long[] BLOCK_N = {32, 64, 128};
    private static final long BLOCK_K = 256;
    /** The binary MMA's m: bit rows are padded to it. */
    private static final long MMA_M = 8;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "ABQ-LLM: WxAy as one binary (AND+popc) GEMM over bit-planes, 2^(i+j) epilogue on CUDA cores";
    }

    @Override
    public Optional<String> runsOn(Gpu gpu) {
        return gpu.has(TensorType.BINARY) ? Optional.of("w int2..int8; a int2..int8 (signed or unsigned)")
                : Optional.empty();
    }

    @Override
    public Optional<String> unsupported(Gpu gpu, OperandFormats f) {
        if (!(f.weight() instanceof IntFormat) || !(f.activation() instanceof IntFormat)
                || f.weight().bits() > 8 || f.activation().bits() > 8)
            return Optional.of("it needs integer weights and activations of 2 to 8 bits, got " + f);
        if (!gpu.has(TensorType.BINARY))
            return Optional.of(gpu.id() + " has no binary (mma .b1 .and.popc) tensor cores listed");
        return Optional.empty();
    }

    @Override
    public List<List<Launch>> configurations(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        int x = ops.weight().bits();
        int y = ops.activation().bits();
        long blockM = Operands.smallestAtLeast(s.m(), BLOCK_M);
        double bytes = batch * (Operands.bytes((double) s.n() * s.k(), x) + Operands.SCALE_BYTES * s.n()
                + Operands.bytes((double) s.m() * s.k(), y) + Operands.SCALE_BYTES * s.m()
                + Operands.OUTPUT_BYTES * s.m() * s.n());
        CudaWork perOutput = Mixes.ABQ_PARTIAL_COMBINE.times((double) x * y).plus(Mixes.EPILOGUE_INT32_SCALED);
        List<List<Launch>> configs = new ArrayList<>(BLOCK_N.length);
        for (long blockN : BLOCK_N) {
            TilePlan p = TilePlan.of(s, batch, blockM, blockN, BLOCK_K, gpu.sms(), false);
            double bitRows = TilePlan.ceilDiv(y * blockM, MMA_M) * MMA_M;
            double ops2 = 2 * bitRows * x * blockN * p.kSlice(s.k());
            CudaWork tile = perOutput.times((double) blockM * blockN);
            configs.add(List.of(new Launch("binary-gemm", p, TensorType.BINARY, ops2, tile, bytes)));
        }
        return configs;
    }

    @Override
    public List<Launch> separateWork(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        int y = ops.activation().bits();
        long elements = Math.multiplyExact(s.m(), s.k());
        double bytes = batch * (Operands.bytes(elements, 16) + Operands.bytes(elements, y) + Operands.SCALE_BYTES * s.m());
        return List.of(Elementwise.launch("pack-activations", elements, batch,
                Mixes.ABQ_PACK_ELEMENT.plus(Mixes.ABQ_PACK_BIT.times(y)), bytes));
    }

    // Arithmetic.

    /**
     * Bit-plane i of every row, packed 64 per word: row i·rows + r of the result holds bit i of row r's codes (the
     * two's-complement pattern for signed values), as ABQ-LLM packs an operand into an [bits·rows, K] bit matrix.
     */
    public static long[][] pack(long[][] values, int bits) {
        int rows = values.length;
        int k = values[0].length;
        int words = (k + 63) / 64;
        long[][] planes = new long[bits * rows][words];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < k; c++)
                for (int i = 0; i < bits; i++)
                    if (((values[r][c] >>> i) & 1) != 0)
                        planes[i * rows + r][c / 64] |= 1L << (c % 64);
        return planes;
    }

    /** The binary GEMM: popcount(a-row AND w-row) for every pair of bit rows, (y·M) × (x·N) int32 partials. */
    public static int[][] binaryGemm(long[][] packedA, long[][] packedW) {
        int[][] c = new int[packedA.length][packedW.length];
        for (int i = 0; i < packedA.length; i++)
            for (int j = 0; j < packedW.length; j++) {
                int sum = 0;
                for (int w = 0; w < packedA[i].length; w++)
                    sum += Long.bitCount(packedA[i][w] & packedW[j][w]);
                c[i][j] = sum;
            }
        return c;
    }

    /**
     * The epilogue: output (r, c) = Σ_i Σ_j ±2^(i+j) · partial(i·M + r, j·N + c), where the top plane of a signed
     * operand is worth −2^(bits−1).
     */
    public static long[][] combine(int[][] partials, int m, int y, boolean aSigned, int n, int x, boolean wSigned) {
        long[][] out = new long[m][n];
        for (int r = 0; r < m; r++)
            for (int c = 0; c < n; c++) {
                long acc = 0;
                for (int i = 0; i < y; i++)
                    for (int j = 0; j < x; j++) {
                        long term = (long) partials[i * m + r][j * n + c] << (i + j);
                        boolean negative = (aSigned && i == y - 1) ^ (wSigned && j == x - 1);
                        acc += negative ? -term : term;
                    }
                out[r][c] = acc;
            }
        return out;
    }

    /** A·Wᵀ the way ABQ-LLM computes it: pack, one binary GEMM, the weighted epilogue. */
    public static long[][] multiply(long[][] a, int y, boolean aSigned, long[][] w, int x, boolean wSigned) {
        return combine(binaryGemm(pack(a, y), pack(w, x)), a.length, y, aSigned, w.length, x, wSigned);
    }
}
