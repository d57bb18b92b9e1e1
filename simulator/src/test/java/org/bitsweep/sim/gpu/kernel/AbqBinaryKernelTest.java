package org.bitsweep.sim.gpu.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;

import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.GemmResult;
import org.bitsweep.sim.gpu.target.GpuTarget;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.junit.jupiter.api.Test;

class AbqBinaryKernelTest {

    /**
     * a = −3 as int4 is 1101, w = 2 as uint2 is 10. Plane pairs that are both 1: (a0, w1), (a2, w1), (a3, w1), worth
     * 2^(0+1) + 2^(2+1) − 2^(3+1) = 2 + 8 − 16 = −6 = −3 · 2: the signed top plane of a is negative.
     */
    @Test
    void theSignedTopPlaneIsWorthMinusTwoToTheBitsMinusOne() {
        long[][] out = AbqBinaryKernel.multiply(new long[][] {{-3}}, 4, true, new long[][] {{2}}, 2, false);
        assertThat(out[0][0]).isEqualTo(-6);
    }

    /** The binary GEMM is one popcount per pair of bit rows: (y·M) × (x·N) partials. */
    @Test
    void theBinaryGemmHasOneRowPerActivationPlaneAndOneColumnPerWeightPlane() {
        int[][] partials = AbqBinaryKernel.binaryGemm(AbqBinaryKernel.pack(new long[][] {{1, 3}, {2, 0}}, 8),
                AbqBinaryKernel.pack(new long[][] {{3, 1}, {1, 1}, {0, 2}}, 2));
        assertThat(partials.length).isEqualTo(8 * 2);
        assertThat(partials[0].length).isEqualTo(2 * 3);
        // Plane 0 of activation row 0 is bits (1, 1); plane 0 of weight row 0 is (1, 1): popcount 2.
        assertThat(partials[0][0]).isEqualTo(2);
    }

    /** Over random signed and unsigned operands of 1 to 8 bits, the decomposition equals the integer GEMM exactly. */
    @Test
    void theBinaryDecompositionEqualsTheIntegerGemm() {
        SplittableRandom random = new SplittableRandom(1729);
        for (int trial = 0; trial < 600; trial++) {
            int y = 1 + random.nextInt(8), x = 1 + random.nextInt(8);
            boolean aSigned = random.nextBoolean(), wSigned = random.nextBoolean();
            int m = 1 + random.nextInt(4), n = 1 + random.nextInt(4), k = 1 + random.nextInt(150);
            long[][] a = draw(random, m, k, y, aSigned);
            long[][] w = draw(random, n, k, x, wSigned);
            long[][] expected = new long[m][n];
            for (int r = 0; r < m; r++)
                for (int c = 0; c < n; c++)
                    for (int i = 0; i < k; i++)
                        expected[r][c] += a[r][i] * w[c][i];
            long[][] got = AbqBinaryKernel.multiply(a, y, aSigned, w, x, wSigned);
            for (int r = 0; r < m; r++)
                assertArrayEquals(expected[r], got[r], "trial %d: a %s%d, w %s%d, %dx%dx%d, row %d".formatted(trial,
                        aSigned ? "int" : "uint", y, wSigned ? "int" : "uint", x, m, n, k, r));
        }
    }

    /**
     * W2A8 at M = 1 on an A100: eight activation planes fill the binary MMA's m = 8, so the tensor work per tile is
     * 2 · 8 · (2 · BLOCK_N) · k; the bit planes of the weights are a quarter of INT8 weights' bytes. Packing the
     * activations is timed apart and left out, as ABQ-LLM's benchmark leaves it out.
     */
    @Test
    void w2a8DecodeReadsAQuarterOfInt8WeightsAndReportsPackingApart() {
        GemmOperands w2a8 = GemmOperands.of(IntFormat.signed(2), IntFormat.signed(8), GemmOperands.PER_CHANNEL);
        GemmResult r = GpuTarget.of("a100-40gb", "abq-binary").gemm(new GemmShape(1, 4096, 4096), w2a8);
        // weights 4096·4096·2/8 + scales 4096·2 + activations 4096 + scale 2 + outputs 4096·2
        assertThat(r.dramBytes()).isEqualTo(4096.0 * 4096 / 4 + 8192 + 4096 + 2 + 8192);
        assertThat(r.separateWork()).isPresent();
        assertThat(r.separate().launches().get(0).launch().name()).isEqualTo("pack-activations");
        long blockN = r.launches().get(0).launch().tiles().tileN();
        assertThat(r.launches().get(0).launch().tensorOpsPerTile()).isEqualTo(2.0 * 8 * 2 * blockN * 4096);
    }

    private static long[][] draw(SplittableRandom random, int rows, int k, int bits, boolean signed) {
        long min = signed ? -(1L << (bits - 1)) : 0;
        long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        long[][] v = new long[rows][k];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < k; c++)
                v[r][c] = min + random.nextLong(max - min + 1);
        return v;
    }
}
