package org.bitsweep.sim.array;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.workloads.model.GemmShape;
import org.junit.jupiter.api.Test;

/**
 * The dot-product-lane dataflow counted by hand, as BitMoD's simulator counts its compute (bitmod_sim/, ⌈K/lanes⌉ ·
 * ⌈N/rows⌉ · ⌈tokens/cols⌉ · the PE's cycles per step), on BitMoD's decode array, 64 rows × 16 columns of 4-lane PEs
 * taking 2 weight bits per cycle, so a 4-bit weight takes 2 cycles.
 */
class DotProductTest {
    static final SystolicArray BITMOD_DECODE = new SystolicArray(64, 16);

    @Test
    void aDecodeGemvFillsOneColumnAndStreamsTheReduction() {
        // LLaMA-2-7B q_proj at decode: m = 1 token, n = 4096 outputs, k = 4096. Folds: ⌈4096/64⌉ = 64 row folds ×
        // ⌈1/16⌉ = 1 column fold; each streams ⌈4096/4⌉ = 1024 steps of 2 cycles = 2048 cycles: 64 · 2048 = 131,072.
        GemmShape decode = new GemmShape(1, 4096, 4096);
        assertThat(Dataflow.DP.computeCycles(decode, BITMOD_DECODE, 2.0, 4, Timing.BITSWEEP)).isEqualTo(131_072);
        // One column of 16 is busy: a sixteenth of the array.
        assertThat(Dataflow.DP.folds(decode, BITMOD_DECODE, 4)).isEqualTo(64);
    }

    @Test
    void aPrefillGemmFillsTheColumnsWithTokens() {
        // The same projection over a 512-token prompt: ⌈512/16⌉ = 32 column folds; 64 · 32 = 2048 folds of 2048
        // cycles = 4,194,304 cycles, no fill and no drain (nothing is systolic). SCALE-Sim timing has no dp: the same.
        GemmShape prefill = new GemmShape(512, 4096, 4096);
        assertThat(Dataflow.DP.computeCycles(prefill, BITMOD_DECODE, 2.0, 4, Timing.BITSWEEP)).isEqualTo(4_194_304);
        assertThat(Dataflow.DP.computeCycles(prefill, BITMOD_DECODE, 2.0, 4, Timing.SCALESIM)).isEqualTo(4_194_304);
    }

    @Test
    void eachWeightIsReadOncePerColumnFoldAndEachActivationOncePerRowFold() {
        // Prefill above: A is 512 × 4096 read once per row fold (64): 134,217,728; B is 4096 × 4096 read once per
        // column fold (32): 536,870,912; each of the 512 × 4096 outputs is written once.
        ArrayAccesses a = Dataflow.DP.accesses(new GemmShape(512, 4096, 4096), BITMOD_DECODE, 4);
        assertThat(a.activationReads()).isEqualTo(512L * 4096 * 64);
        assertThat(a.weightReads()).isEqualTo(4096L * 4096 * 32);
        assertThat(a.outputWrites()).isEqualTo(512L * 4096);
        assertThat(a.outputReads()).isZero();
    }
}
