package org.bitsweep.sim.array;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.workloads.model.GemmShape;
import org.junit.jupiter.api.Test;

/**
 * Stall-free compute cycles against SCALE-Sim v2.0.2 (scalesim-project/scale-sim-v2), one-cycle MACs.
 *
 * <p>SCALE-Sim's model, read in scalesim/compute/systolic_compute_{os,ws,is}.py and
 * scalesim/memory/double_buffered_scratchpad_mem.py (docs/simulator.md has the detail): S_R, S_C, T are (m, n, k) in
 * OS, (k, n, m) in WS and (k, m, n) in IS; folds = ⌈S_R/R⌉·⌈S_C/C⌉; each fold adds R + C + T − 2 demand rows in OS
 * and 2R + C + T − 2 in WS and IS; the reported "Total Cycles" is the index of the last row, rows − 1, plus stalls.
 * Ours ({@link Timing#BITSWEEP}) is 2R + C + T − 2 per fold in all three, and counts every row.
 *
 * <p>Three groups of cases: SCALE-Sim's own outputs (its regression goldens and a recorded v2.0.2 run), then GEMMs
 * chosen for shapes that are not multiples of the array, M = 1, and K far below and far above the array.
 */
class ScaleSimReferenceTest {
    static final SystolicArray A32 = new SystolicArray(32, 32);

    static long scalesim(Dataflow df, GemmShape s, SystolicArray a) {
        return df.computeCycles(s, a, 1, Timing.SCALESIM);
    }

    static long ours(Dataflow df, GemmShape s, SystolicArray a) {
        return df.computeCycles(s, a, 1, Timing.BITSWEEP);
    }

    // SCALE-Sim's own numbers.

    @Test
    void matchesScaleSimsRegressionGoldensForA256x128x256Gemm() {
        // test/general/golden_trace_user_{os,ws,is}/COMPUTE_REPORT.csv: topologies/GEMM_mnk/test_mnk_input.csv
        // (M 256, N 128, K 256) on configs/scale.cfg's 32×32 array, InterfaceBandwidth USER. Stall-free = Total − Stall.
        GemmShape s = new GemmShape(256, 128, 256);
        // OS: S_R = 256 → 8, S_C = 128 → 4: 32 folds of 32 + 32 + 256 − 2 = 318 rows; 10,176 − 1 = 10,175
        // (golden: 52,447 total − 42,272 stall).
        assertThat(scalesim(Dataflow.OS, s, A32)).isEqualTo(52_447 - 42_272).isEqualTo(10_175);
        // WS: S_R = K 256 → 8, S_C = N 128 → 4, T = M 256: 32 folds of 64 + 32 + 256 − 2 = 350; 11,200 − 1 = 11,199
        // (golden: 52,447 − 41,248).
        assertThat(scalesim(Dataflow.WS, s, A32)).isEqualTo(52_447 - 41_248).isEqualTo(11_199);
        // IS: S_R = K 256 → 8, S_C = M 256 → 8, T = N 128: 64 folds of 64 + 32 + 128 − 2 = 222; 14,208 − 1 = 14,207
        // (golden: 19,984 − 5,777).
        assertThat(scalesim(Dataflow.IS, s, A32)).isEqualTo(19_984 - 5_777).isEqualTo(14_207);
    }

    @Test
    void matchesScaleSimsGoldenForAlexNetConv1WeightStationary() {
        // test/golden_trace/COMPUTE_REPORT.csv: topologies/conv_nets/alexnet_part.csv Conv1 on 32×32 WS, 0 stall
        // cycles, 112,283 total. As a GEMM: 55 × 55 = 3,025 output pixels (m), 96 filters (n), 11·11·3 = 363 (k).
        // S_R = 363 → 12 folds (32·11 = 352), S_C = 96 → 3, T = 3,025: 36 × (64 + 32 + 3,025 − 2 = 3,119) = 112,284;
        // minus 1.
        assertThat(scalesim(Dataflow.WS, new GemmShape(3025, 96, 363), A32)).isEqualTo(112_283);
    }

    @Test
    void matchesARecordedScaleSim202Run() {
        // A v2.0.2 run of M 128, N 128, K 64 on 32×32 WS reported 1,775 total and 0 stall cycles (a third-party
        // survey's notes, docs/simulator.md). S_R = K 64 → 2, S_C = 128 → 4: 8 folds of 64 + 32 + 128 − 2 = 222;
        // 1,776 − 1.
        assertThat(scalesim(Dataflow.WS, new GemmShape(128, 128, 64), A32)).isEqualTo(1_775);
    }

    // Hand-derived cases.

    @Test
    void sizesThatAreNotMultiplesOfTheArray() {
        // m = 5, n = 9, k = 3 on 4×4; every fold pays the whole array's fill, even a partial one at the edge.
        SystolicArray a = new SystolicArray(4, 4);
        GemmShape s = new GemmShape(5, 9, 3);
        // OS: ⌈5/4⌉·⌈9/4⌉ = 2·3 = 6 folds. SCALE-Sim: 6·(4 + 4 + 3 − 2) − 1 = 6·9 − 1 = 53. Ours: 6·(8 + 4 + 3 − 2) = 78.
        assertThat(scalesim(Dataflow.OS, s, a)).isEqualTo(53);
        assertThat(ours(Dataflow.OS, s, a)).isEqualTo(78);
        // WS: S_R = k 3 → 1, S_C = n 9 → 3, T = m 5: 3·(8 + 4 + 5 − 2) − 1 = 3·15 − 1 = 44. Ours 45.
        assertThat(scalesim(Dataflow.WS, s, a)).isEqualTo(44);
        assertThat(ours(Dataflow.WS, s, a)).isEqualTo(45);
        // IS: S_R = k 3 → 1, S_C = m 5 → 2, T = n 9: 2·(8 + 4 + 9 − 2) − 1 = 2·19 − 1 = 37. Ours 38.
        assertThat(scalesim(Dataflow.IS, s, a)).isEqualTo(37);
        assertThat(ours(Dataflow.IS, s, a)).isEqualTo(38);
    }

    @Test
    void oneActivationRowAsInDecode() {
        // m = 1, n = k = 4,096 on 8 rows × 16 columns.
        SystolicArray a = new SystolicArray(8, 16);
        GemmShape s = new GemmShape(1, 4096, 4096);
        // OS: 1 row fold, 4,096/16 = 256 column folds, T = 4,096: 256·(8 + 16 + 4,096 − 2) − 1 = 256·4,118 − 1
        // = 1,054,207. Ours: 256·(16 + 16 + 4,096 − 2) = 256·4,126 = 1,056,256.
        assertThat(scalesim(Dataflow.OS, s, a)).isEqualTo(1_054_207);
        assertThat(ours(Dataflow.OS, s, a)).isEqualTo(1_056_256);
        // WS: S_R = k 4,096 → 512, S_C = n 4,096 → 256, T = 1: 131,072 folds of 16 + 16 + 1 − 2 = 31:
        // 4,063,232 − 1 = 4,063,231. One row of activations streams through; every fold is almost all fill.
        assertThat(scalesim(Dataflow.WS, s, a)).isEqualTo(4_063_231);
        // IS: S_R = k 4,096 → 512, S_C = m 1 → 1, T = n 4,096: 512·(16 + 16 + 4,096 − 2) − 1 = 512·4,126 − 1
        // = 2,112,511.
        assertThat(scalesim(Dataflow.IS, s, a)).isEqualTo(2_112_511);
    }

    @Test
    void reductionFarShorterThanTheArray() {
        // k = 2 on 32×32, m = 100, n = 50.
        GemmShape s = new GemmShape(100, 50, 2);
        // OS: ⌈100/32⌉·⌈50/32⌉ = 4·2 = 8 folds, T = 2: 8·(32 + 32 + 2 − 2) − 1 = 511. Ours: 8·(64 + 32 + 0) = 768:
        // with two MACs per fold, fill and drain are nearly all of it.
        assertThat(scalesim(Dataflow.OS, s, A32)).isEqualTo(511);
        assertThat(ours(Dataflow.OS, s, A32)).isEqualTo(768);
        // WS: S_R = 2 → 1, S_C = 50 → 2, T = 100: 2·(64 + 32 + 100 − 2) − 1 = 2·194 − 1 = 387.
        assertThat(scalesim(Dataflow.WS, s, A32)).isEqualTo(387);
        // IS: S_R = 2 → 1, S_C = m 100 → 4, T = n 50: 4·(64 + 32 + 50 − 2) − 1 = 4·144 − 1 = 575.
        assertThat(scalesim(Dataflow.IS, s, A32)).isEqualTo(575);
    }

    @Test
    void reductionFarLongerThanTheArray() {
        // k = 10,000 on 32×32, m = 33, n = 31.
        GemmShape s = new GemmShape(33, 31, 10_000);
        // OS: ⌈33/32⌉·⌈31/32⌉ = 2·1 = 2 folds, T = 10,000: 2·(32 + 32 + 10,000 − 2) − 1 = 2·10,062 − 1 = 20,123.
        // Ours: 2·(64 + 32 + 9,998) = 20,188; the drain is 0.3 % of a long fold.
        assertThat(scalesim(Dataflow.OS, s, A32)).isEqualTo(20_123);
        assertThat(ours(Dataflow.OS, s, A32)).isEqualTo(20_188);
        // WS: S_R = 10,000 → 313 (32·312 = 9,984), S_C = 31 → 1, T = 33: 313·(64 + 32 + 33 − 2) − 1 = 313·127 − 1
        // = 39,750.
        assertThat(scalesim(Dataflow.WS, s, A32)).isEqualTo(39_750);
        // IS: S_R = 10,000 → 313, S_C = m 33 → 2, T = n 31: 626·(64 + 32 + 31 − 2) − 1 = 626·125 − 1 = 78,249.
        assertThat(scalesim(Dataflow.IS, s, A32)).isEqualTo(78_249);
    }

    @Test
    void oneMacOnOnePeShowsTheOffByOne() {
        // 1×1×1 on a 1×1 array, OS: SCALE-Sim's single demand row is row 0, so it reports 1 + 1 + 1 − 2 − 1 = 0
        // cycles for a MAC. Ours: the MAC (1) and shifting its result out (1): 2·1 + 1 + 1 − 2 = 2.
        GemmShape s = new GemmShape(1, 1, 1);
        SystolicArray a = new SystolicArray(1, 1);
        assertThat(scalesim(Dataflow.OS, s, a)).isZero();
        assertThat(ours(Dataflow.OS, s, a)).isEqualTo(2);
    }

    @Test
    void multiCycleMacsStretchOnlyTheStream() {
        // 4×4 OS, m = n = 4, k = 8, 3 cycles per MAC: ours 2·4 + 4 + 8·3 − 2 = 34; SCALE-Sim's rows 4 + 4 + 24 − 2
        // = 30, less one = 29. Weight stationary loads its weights in R cycles whatever the MAC takes: 8 + 4 + 24 − 2.
        GemmShape s = new GemmShape(4, 4, 8);
        SystolicArray a = new SystolicArray(4, 4);
        assertThat(Dataflow.OS.computeCycles(s, a, 3, Timing.BITSWEEP)).isEqualTo(34);
        assertThat(Dataflow.OS.computeCycles(s, a, 3, Timing.SCALESIM)).isEqualTo(29);
        assertThat(Dataflow.WS.computeCycles(new GemmShape(8, 4, 4), a, 3, Timing.BITSWEEP)).isEqualTo(34);
    }
}
