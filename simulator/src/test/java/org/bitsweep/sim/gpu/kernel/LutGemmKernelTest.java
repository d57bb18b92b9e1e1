package org.bitsweep.sim.gpu.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.GemmResult;
import org.bitsweep.sim.gpu.GpuResource;
import org.bitsweep.sim.gpu.target.GpuTarget;
import org.bitsweep.sim.gpu.kernel.LutGemmKernel.Bcq;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.junit.jupiter.api.Test;

class LutGemmKernelTest {

    /** Entry p of a table adds x_j where bit j of p is 1 and subtracts it where it is 0: entry 255 is Σ x. */
    @Test
    void aTableHoldsEverySignedSumOfEightActivations() {
        double[] x = {1, 2, 4, 8, 16, 32, 64, 128};
        double[] lut = LutGemmKernel.table(x, 0, LutGemmKernel.Rounding.EXACT);
        assertThat(lut[255]).isEqualTo(255);
        assertThat(lut[0]).isEqualTo(-255);
        // p = 0b0100_0001: +1 + 64 − (2 + 4 + 8 + 16 + 32 + 128) = 65 − 190 = −125
        assertThat(lut[0b0100_0001]).isEqualTo(-125);
    }

    /**
     * Over random binary-coded weights (1 to 4 planes, groups of 32 or 64) and activations, the LUT path equals the
     * dequantized product Σ_c (Σ_i α_i b_i + z) x_c exactly. The values are small dyadic numbers, so every sum is exact
     * in double and, for the FP16 path, in FP16 too (all partial sums stay below 2^11 in magnitude on a 2^-2 grid).
     */
    @Test
    void theLutPathEqualsTheDequantizedBcqProduct() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 300; trial++) {
            int q = 1 + random.nextInt(4), n = 1 + random.nextInt(5), group = random.nextBoolean() ? 32 : 64;
            int k = group * (1 + random.nextInt(3));
            Bcq w = randomBcq(random, q, n, k, group);
            double[] x = new double[k];
            for (int c = 0; c < k; c++)
                x[c] = random.nextInt(-4, 5);
            double[] expected = LutGemmKernel.dequantizedProduct(x, w);
            String what = "trial %d: q %d, n %d, k %d, group %d".formatted(trial, q, n, k, group);
            assertArrayEquals(expected, LutGemmKernel.multiply(x, w, false), what);
            assertArrayEquals(expected, LutGemmKernel.multiply(x, w, true), what + " (fp16)");
        }
    }

    /** A uniform 3-bit code through BCQ with offset equals its dequantized value s·(c − z0), LUT-GEMM's section 3. */
    @Test
    void aUniformCodeIsBinaryCodedWithAnOffset() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 3, k = 64, q = 3;
        int[][] codes = new int[n][k];
        double[][] scale = new double[n][2], zero = new double[n][2];
        for (int o = 0; o < n; o++) {
            for (int c = 0; c < k; c++)
                codes[o][c] = random.nextInt(1 << q);
            for (int g = 0; g < 2; g++) {
                scale[o][g] = Math.scalb(1.0, random.nextInt(-2, 2));
                zero[o][g] = random.nextInt(0, 8);
            }
        }
        Bcq w = Bcq.fromUniform(codes, q, scale, zero, 32);
        for (int o = 0; o < n; o++)
            for (int c = 0; c < k; c++)
                assertThat(w.weight(o, c)).as("o %d c %d", o, c).isEqualTo(scale[o][c / 32] * (codes[o][c] - zero[o][c / 32]));
    }

    /**
     * FP16 accumulation rounds: 32 activations of which the first is 2048 and the rest 1, one plane of all +1 with
     * α = 1 and no offset. Exactly, Σ x = 2048 + 31 = 2079. In FP16 (spacing 2 from 2048 up) the first table's entry
     * 255 comes from entry 63, summed term by term: 2048 + 1 = 2049 ties and rounds to the even 2048, five times, then
     * − 1 − 1 gives 2046 exactly; doubling adds 2·x6 and 2·x7: 2048, then 2050 (exact: 2055). The other three tables
     * hold 8 each: 2050 + 8 + 8 + 8 = 2074, all on the grid.
     */
    @Test
    void fp16AccumulationLosesWhatFp16CannotHold() {
        double[] x = new double[32];
        java.util.Arrays.fill(x, 1);
        x[0] = 2048;
        byte[][][] signs = new byte[1][1][32];
        java.util.Arrays.fill(signs[0][0], (byte) 1);
        Bcq w = new Bcq(32, signs, new double[][][] {{{1}}}, new double[][] {{0}});
        assertThat(LutGemmKernel.dequantizedProduct(x, w)[0]).isEqualTo(2079);
        assertThat(LutGemmKernel.multiply(x, w, false)[0]).isEqualTo(2079);
        assertThat(LutGemmKernel.table(x, 0, LutGemmKernel.Rounding.FP16)[255]).isEqualTo(2050);
        assertThat(LutGemmKernel.multiply(x, w, true)[0]).isEqualTo(2074);
    }

    /**
     * Two lanes into a 128-entry FP16 table (64 words, 2 per bank) conflict only when they pick the same bank and
     * different words: P = 1/32 · 1/2, so the expected wavefronts are 1 + 1/64.
     */
    @Test
    void twoRandomLookupsConflictWithProbabilityOneIn64() {
        assertThat(SharedMemoryBanks.expectedWavefronts(128, 2, 2)).isCloseTo(1 + 1.0 / 64, within(1e-12));
        assertThat(SharedMemoryBanks.expectedWavefronts(64, 2, 32)).isEqualTo(1.0);
    }

    /**
     * 32 random keys into a 256-entry FP16 table: 128 words, 4 per bank; the busiest bank is asked for 2.78 distinct
     * words on average. The exact expectation agrees with a direct draw of 20,000 warps.
     */
    @Test
    void aWarpsRandomLookupsTakeAbout2Point8Wavefronts() {
        assertThat(LutGemmKernel.LOOKUP_CONFLICT_DEGREE).isCloseTo(2.782, within(0.001));
        SplittableRandom random = new SplittableRandom(11);
        double sum = 0;
        int trials = 20000;
        for (int t = 0; t < trials; t++) {
            int[] perBankMask = new int[32];
            for (int lane = 0; lane < 32; lane++) {
                int word = random.nextInt(128);
                perBankMask[word % 32] |= 1 << (word / 32);
            }
            int max = 0;
            for (int m : perBankMask)
                max = Math.max(max, Integer.bitCount(m));
            sum += max;
        }
        assertThat(sum / trials).isCloseTo(LutGemmKernel.LOOKUP_CONFLICT_DEGREE, within(0.02));
    }

    /**
     * LUT-GEMM's test shape, M = 1, N = 28,672, K = 7,168, q = 3, groups of 128: 14 × 224 = 3,136 thread blocks. Per
     * block, 2,048 outputs × 3 planes × 4 look-ups = 24,576 lanes at 2.78 wavefronts per 32, plus 56 wavefronts of
     * table building and 256 of broadcast offset reads: 2,449 wavefronts. On an A100 that is ⌈3136/108⌉ = 30 waves ·
     * 2,449 / 1.41 GHz = 52 µs, under DRAM's 89.9 MB (77.1 MB of bit-planes, 12.8 MB of α and offsets) / 1555 GB/s =
     * 57.8 µs. On an H20 (estimated: 78 SMs, 1.98 GHz, 4 TB/s) the banks take 41 · 2,449 / 1.98 GHz = 50.7 µs against
     * 22.5 µs of DRAM: the look-ups bound it there.
     */
    @Test
    void theInt3TestShapeIsBoundByDramOnA100AndByTheLookupsOnH20() {
        GemmOperands int3 = GemmOperands.of(IntFormat.unsigned(3), Formats.parse("fp16"), 128);
        GemmShape shape = new GemmShape(1, 28672, 7168);
        GemmResult a100 = GpuTarget.of("a100-40gb", "lut-gemm").gemm(shape, int3);
        assertThat(a100.launches().get(0).launch().tiles().tiles()).isEqualTo(14 * 224);
        assertThat(a100.bound()).isEqualTo(GpuResource.DRAM);
        assertThat(a100.times().sharedMemorySeconds()).isCloseTo(52.1e-6, within(0.2e-6));
        assertThat(a100.times().dramSeconds()).isCloseTo(57.8e-6, within(0.1e-6));
        assertThat(a100.times().tensorSeconds()).isZero();
        GemmResult h20 = GpuTarget.of("h20", "lut-gemm").gemm(shape, int3);
        assertThat(h20.bound()).isEqualTo(GpuResource.SHARED_MEMORY);
        assertThat(h20.times().sharedMemorySeconds()).isCloseTo(50.7e-6, within(0.2e-6));
    }

    private static Bcq randomBcq(SplittableRandom random, int q, int n, int k, int group) {
        byte[][][] signs = new byte[q][n][k];
        double[][][] alpha = new double[q][n][k / group];
        double[][] offset = new double[n][k / group];
        for (int i = 0; i < q; i++)
            for (int o = 0; o < n; o++) {
                for (int c = 0; c < k; c++)
                    signs[i][o][c] = (byte) (random.nextBoolean() ? 1 : -1);
                for (int g = 0; g < k / group; g++)
                    alpha[i][o][g] = Math.scalb(1.0, random.nextInt(-2, 1));
            }
        for (int o = 0; o < n; o++)
            for (int g = 0; g < k / group; g++)
                offset[o][g] = random.nextInt(-2, 3) * 0.25;
        return new Bcq(group, signs, alpha, offset);
    }
}
