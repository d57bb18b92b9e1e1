package org.bitsweep.sim.gpu.kernel;

import java.util.List;
import java.util.Optional;

import org.bitsweep.sim.gpu.CudaWork;
import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.Gpu;
import org.bitsweep.sim.gpu.GpuKernel;
import org.bitsweep.sim.gpu.Launch;
import org.bitsweep.sim.gpu.TilePlan;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * LUT-GEMM (Park et al., arXiv 2206.09557, ICLR 2024; naver-aics/lut-gemm {@code mv_fp16_bias.hpp}): weights in
 * binary-coded form, w = Σ_i α_i·b_i + z with b_i ∈ {−1, +1} (q bit-planes, an FP16 α per plane and group, an FP16
 * offset z per group; a uniform q-bit code is one such form, {@link Bcq#fromUniform}). For every μ = 8 activations a
 * 256-entry FP16 table holds all their signed sums; each byte of a bit-plane word is then a key into it. No tensor
 * cores: tables are built and read on the CUDA cores, with FP16 accumulation.
 *
 * <p>Tiles, from {@code _nqmv_bias} and {@code nqmv_bias}: a thread block of 256 threads covers M_TILE = 2048
 * outputs and K_TILE = 32 of k (four tables), for one activation row; it adds its partial outputs into the result
 * with half2 atomics. Per tile: 4 × {@code lut-build-table}, per output and bit 4 look-ups ({@code lut-lookup},
 * whose random keys conflict in the shared-memory banks: {@link SharedMemoryBanks}), one α multiply-add per output
 * and bit ({@code lut-bit-scale}) and the offset term per output ({@code lut-offset}, broadcast loads).
 */
public final class LutGemmKernel implements GpuKernel {
    public static final String ID = "lut-gemm";
    /** Activations per table: μ. */
    public static final int MU = 8;
    private static final int TABLE_ENTRIES = 1 << MU;
    private static final long M_TILE = 2048;
    private static final long K_TILE = 32;
    private static final long TABLES_PER_TILE = K_TILE / MU;
    /** Expected wavefronts of a warp's 32 look-ups into one 256-entry FP16 table (about 3.4: see the test). */
    static final double LOOKUP_CONFLICT_DEGREE = SharedMemoryBanks.expectedWavefronts(TABLE_ENTRIES, 2, 32);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "LUT-GEMM: binary-coded weights, 2^8-entry FP16 tables of activation sums read on CUDA cores";
    }

    @Override
    public Optional<String> runsOn(Gpu gpu) {
        return Optional.of("w int2..int8 (as q bit-planes with per-group alpha and offset); a fp16");
    }

    @Override
    public Optional<String> unsupported(Gpu gpu, OperandFormats f) {
        if (!(f.weight() instanceof IntFormat) || f.weight().bits() > 8)
            return Optional.of("it needs 2- to 8-bit integer (binary-coded) weights, got " + f.weight().name());
        if (!f.activation().name().equals("fp16"))
            return Optional.of("it needs fp16 activations, got " + f.activation().name());
        return Optional.empty();
    }

    @Override
    public List<List<Launch>> configurations(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        int q = ops.weight().bits();
        long groups = ops.groupsAlong(s.k());
        long nTiles = TilePlan.ceilDiv(s.n(), M_TILE);
        TilePlan p = new TilePlan(1, M_TILE, K_TILE, s.m(), nTiles, TilePlan.ceilDiv(s.k(), K_TILE), batch);
        double outputs = (double) s.n() / nTiles;
        double lookups = outputs * q * TABLES_PER_TILE;
        CudaWork tile = CudaWork.NONE.plus(Mixes.LUT_BUILD_TABLE, TABLES_PER_TILE)
                .plus(Mixes.LUT_LOOKUP, lookups, LOOKUP_CONFLICT_DEGREE)
                .plus(Mixes.LUT_BIT_SCALE, outputs * q)
                .plus(Mixes.LUT_OFFSET, outputs);
        double bytes = batch * (Operands.bytes((double) s.n() * s.k(), q)
                + Operands.SCALE_BYTES * (q + 1.0) * s.n() * groups
                + Operands.bytes((double) s.m() * s.k(), 16) + Operands.OUTPUT_BYTES * s.m() * s.n());
        return List.of(List.of(new Launch("lut-gemv", p, null, 0, tile, bytes)));
    }

    // Arithmetic.

    /**
     * Binary-coded weights for n outputs over k: {@code signs[i][o][c]} is b_i of weight (o, c), ±1;
     * {@code alpha[i][o][g]} and {@code offset[o][g]} are per group of {@code groupSize} along k.
     */
    public record Bcq(int groupSize, byte[][][] signs, double[][][] alpha, double[][] offset) {
        public int planes() {
            return signs.length;
        }

        /** The dequantized weight Σ_i α_i·b_i + z, in exact arithmetic. */
        public double weight(int o, int c) {
            int g = c / groupSize;
            double w = offset[o][g];
            for (int i = 0; i < planes(); i++)
                w += alpha[i][o][g] * signs[i][o][c];
            return w;
        }

        /**
         * A uniform q-bit code c = Σ 2^i·c_i with c_i = (b_i + 1) / 2 dequantized as s·(c − z0) is binary-coded with
         * α_i = s·2^(i−1) and offset s·((2^q − 1) / 2 − z0) (LUT-GEMM, section 3: uniform quantization is a case of
         * BCQ with an offset).
         */
        public static Bcq fromUniform(int[][] codes, int q, double[][] scale, double[][] zeroPoint, int groupSize) {
            int n = codes.length;
            int k = codes[0].length;
            int groups = (k + groupSize - 1) / groupSize;
            byte[][][] signs = new byte[q][n][k];
            double[][][] alpha = new double[q][n][groups];
            double[][] offset = new double[n][groups];
            for (int o = 0; o < n; o++) {
                for (int c = 0; c < k; c++)
                    for (int i = 0; i < q; i++)
                        signs[i][o][c] = (byte) (((codes[o][c] >>> i) & 1) == 1 ? 1 : -1);
                for (int g = 0; g < groups; g++) {
                    for (int i = 0; i < q; i++)
                        alpha[i][o][g] = scale[o][g] * Math.scalb(1.0, i - 1);
                    offset[o][g] = scale[o][g] * (((1 << q) - 1) / 2.0 - zeroPoint[o][g]);
                }
            }
            return new Bcq(groupSize, signs, alpha, offset);
        }
    }

    /** The dequantized product y_o = Σ_c w(o, c)·x_c, in exact (double) arithmetic: the reference. */
    public static double[] dequantizedProduct(double[] x, Bcq w) {
        int n = w.signs()[0].length;
        double[] y = new double[n];
        for (int o = 0; o < n; o++)
            for (int c = 0; c < x.length; c++)
                y[o] += w.weight(o, c) * x[c];
        return y;
    }

    /**
     * One activation row through LUT-GEMM: tables of μ = 8 activations, each bit-plane's bytes as keys, per K tile of
     * 32 the offset term then each plane's α. With {@code fp16}, every table entry, sum and multiply-add is rounded to
     * FP16 in the order of {@code _nqmv_bias} (table entries below 64 summed term by term, the rest by doubling; α·t
     * added with one rounding, as nvcc contracts a half multiply and add into an FMA), and the K tiles' partial
     * outputs are added in k order (the kernel's atomics add them in whatever order the blocks finish). Without it,
     * the same steps run in exact double arithmetic.
     */
    public static double[] multiply(double[] x, Bcq w, boolean fp16) {
        int k = x.length;
        if (k % K_TILE != 0 || w.groupSize() % K_TILE != 0)
            throw new IllegalArgumentException("k and the group size must be multiples of " + K_TILE);
        Rounding r = fp16 ? Rounding.FP16 : Rounding.EXACT;
        double[][] tables = new double[k / MU][];
        for (int t = 0; t < tables.length; t++)
            tables[t] = table(x, t * MU, r);
        int n = w.signs()[0].length;
        double[] y = new double[n];
        for (int o = 0; o < n; o++) {
            double out = 0;
            for (int kt = 0; kt < k / K_TILE; kt++) {
                int g = (int) (kt * K_TILE / w.groupSize());
                double partial = 0;
                double sum = 0;
                for (int t = 0; t < TABLES_PER_TILE; t++)
                    sum = r.add(sum, tables[(int) (kt * TABLES_PER_TILE + t)][TABLE_ENTRIES - 1]);
                partial = r.fma(w.offset()[o][g], sum, partial);
                for (int i = 0; i < w.planes(); i++) {
                    double planeSum = 0;
                    for (int t = 0; t < TABLES_PER_TILE; t++) {
                        int first = (int) (kt * K_TILE + t * MU);
                        planeSum = r.add(planeSum, tables[first / MU][key(w.signs()[i][o], first)]);
                    }
                    partial = r.fma(w.alpha()[i][o][g], planeSum, partial);
                }
                out = r.add(out, partial);
            }
            y[o] = out;
        }
        return y;
    }

    /** Bit j of the key is 1 where b = +1 for activation first + j. */
    static int key(byte[] signs, int first) {
        int key = 0;
        for (int j = 0; j < MU; j++)
            if (signs[first + j] > 0)
                key |= 1 << j;
        return key;
    }

    /**
     * The 2^μ signed sums of x[first .. first+7]: entry p adds x_j where bit j of p is 1 and subtracts it where it is
     * 0. As {@code _nqmv_bias} builds it with 64 threads per table: entries 0..63 term by term, then entries
     * 64..255 by adding 2·x_6 and 2·x_7 to an entry that has the bit clear.
     */
    static double[] table(double[] x, int first, Rounding r) {
        double[] lut = new double[TABLE_ENTRIES];
        int threads = 64;
        for (int p = 0; p < threads; p++) {
            double acc = ((p & 1) != 0 ? 1 : -1) * x[first];
            for (int j = 1; j < MU; j++)
                acc = r.add(acc, (((p >> j) & 1) != 0 ? 1 : -1) * x[first + j]);
            lut[p] = acc;
        }
        for (int s = 6; s < MU; s++) {
            double doubled = r.round(2 * x[first + s]);
            for (int i = 1 << s; i < 1 << (s + 1); i += threads)
                for (int p = 0; p < threads; p++)
                    lut[i + p] = r.add(lut[i + p - (1 << s)], doubled);
        }
        return lut;
    }

    /** How the arithmetic rounds: not at all, or to FP16 after every operation. */
    enum Rounding {
        EXACT, FP16;

        private static final MinifloatFormat HALF = (MinifloatFormat) Formats.parse("fp16");

        double round(double v) {
            return this == EXACT ? v : HALF.nearest(v);
        }

        double add(double a, double b) {
            return round(a + b);
        }

        /**
         * a·b + c with one rounding: for FP16 operands a·b is exact in a double (22-bit significand) and so is the sum
         * unless the exponents differ by more than 30, which the kernel's magnitudes never do.
         */
        double fma(double a, double b, double c) {
            return round(a * b + c);
        }
    }
}
