package org.bitsweep.cost.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** FINN-R's formulas (Xilinx/finn MVAU lut/dsp/bram estimation), worked by hand. */
class FinnModelTest {

    @Test
    void theConstantsAreFinnsAndCarryTheirSource() {
        assertThat(FinnModel.controlLuts()).isEqualTo(300);
        assertThat(FinnModel.lutFactor()).isEqualTo(1.1);
        assertThat(FinnModel.lutInputs()).isEqualTo(6);
        assertThat(FinnModel.quantity("mvau_lut_c0").basis()).contains("matrixvectoractivation_hls.py");
        assertThat(FinnModel.quantity("mvau_lut_c0").estimate()).isFalse();
    }

    @Test
    void aLutMultiplierCostsTwoCeilSixthsMinusOneTimesTheProductWidth() {
        // W = A = 4: W + A = 8, ⌈8/6⌉ = 2, (2·2 − 1)·8 = 24.
        assertThat(FinnModel.multiplierLuts(4, 4)).isEqualTo(24);
        // W = A = 8: W + A = 16, ⌈16/6⌉ = 3, (2·3 − 1)·16 = 80.
        assertThat(FinnModel.multiplierLuts(8, 8)).isEqualTo(80);
        // W = A = 2: ⌈4/6⌉ = 1, (2 − 1)·4 = 4.
        assertThat(FinnModel.multiplierLuts(2, 2)).isEqualTo(4);
        // W = 3, A = 3: 6 bits, ⌈6/6⌉ = 1, 6; one more bit crosses into the next sixth: W = 4, A = 3, (2·2 − 1)·7 = 21.
        assertThat(FinnModel.multiplierLuts(3, 3)).isEqualTo(6);
        assertThat(FinnModel.multiplierLuts(4, 3)).isEqualTo(21);
    }

    @Test
    void theAdderTreeIsTheProductWidthTimesTwoLanesMinusOne() {
        // (W + A)·(2Q − 1) with W + A = 8, Q = 4: 8·7 = 56.
        assertThat(FinnModel.adderTreeLuts(8, 4)).isEqualTo(56);
        assertThat(FinnModel.adderTreeLuts(16, 1)).isEqualTo(16);
    }

    @Test
    void aMatrixVectorUnitAddsControlToOnePointOneTimesItsPes() {
        // P = 2, Q = 4, W = A = 4, 16-bit accumulator, LUT multipliers:
        // mult = 4·24 = 96, addertree = 8·7 = 56, acc = 16; per PE 168; 300 + 1.1·2·168 = 669.6 → int 669.
        assertThat(FinnModel.mvauLuts(2, 4, 4, 4, 16, false)).isEqualTo(669);
        // With DSP multipliers mult = 0: 300 + 1.1·2·72 = 458.4 → 458.
        assertThat(FinnModel.mvauLuts(2, 4, 4, 4, 16, true)).isEqualTo(458);
    }

    @Test
    void theMinimalAccumulatorFollowsTheDataTypeBound() {
        // α = log2(64) + 4 + 4 − 1 − 1 = 12 for signed activations; ⌈12 + log2(1 + 2^−12) + 1⌉ = ⌈13.0004⌉ = 14.
        assertThat(FinnModel.minimalAccumulatorBits(4, 4, 64, true, 32)).isEqualTo(14);
        // Unsigned activations: α = 13, so 15 bits.
        assertThat(FinnModel.minimalAccumulatorBits(4, 4, 64, false, 32)).isEqualTo(15);
        // The cap wins when it is smaller.
        assertThat(FinnModel.minimalAccumulatorBits(8, 8, 4096, false, 24)).isEqualTo(24);
    }

    @Test
    void dspCountsFollowFinnsHlsAndRtlRules() {
        // HLS: P·Q·⌈(W+A)/48⌉ = 2·4·⌈16/48⌉ = 8.
        assertThat(FinnModel.hlsDsps(2, 4, 8, 8)).isEqualTo(8);
        // RTL on DSP58: P·⌈Q/3⌉ = 8·⌈6/3⌉ = 16; on DSP48E2: ⌈P/4⌉·Q = 2·6 = 12.
        assertThat(FinnModel.rtlDsps(8, 6, "DSP58")).isEqualTo(16);
        assertThat(FinnModel.rtlDsps(8, 6, "DSP48E2")).isEqualTo(12);
    }

    @Test
    void blockRamPicksTheFirstAspectRatioThatHoldsTheWord() {
        // 1000 × 8 bits: ≤ 9 wide, so 2048 × 9: ⌈1000/2048⌉·⌈8/9⌉ = 1.
        assertThat(FinnModel.bram18(1000, 8)).isEqualTo(1);
        // 20000 × 1: 16384 × 1, ⌈20000/16384⌉ = 2.
        assertThat(FinnModel.bram18(20000, 1)).isEqualTo(2);
        // 600 × 64: wider than 18 but deeper than 512, so FINN keeps 1024 × 18: ⌈600/1024⌉·⌈64/18⌉ = 1·4 = 4.
        assertThat(FinnModel.bram18(600, 64)).isEqualTo(4);
        // 256 × 64: 512 × 36, ⌈256/512⌉·⌈64/36⌉ = 1·2 = 2.
        assertThat(FinnModel.bram18(256, 64)).isEqualTo(2);
        // 5000 × 3: 4096 × 4, ⌈5000/4096⌉·⌈3/4⌉ = 2.
        assertThat(FinnModel.bram18(5000, 3)).isEqualTo(2);
    }

    @Test
    void ultraRamIsFourKBySeventyTwo() {
        // ⌈100/72⌉·⌈5000/4096⌉ = 2·2 = 4.
        assertThat(FinnModel.uram(5000, 100)).isEqualTo(4);
        assertThat(FinnModel.uram(4096, 72)).isEqualTo(1);
    }

    @Test
    void theDefaultLimitsAreFinnsTimingAdvice() {
        ResourceLimits l = FinnModel.defaultLimits();
        assertThat(l.lut()).isCloseTo(0.7, within(1e-12));
        assertThat(l.ff()).isCloseTo(0.5, within(1e-12));
        assertThat(l.dsp()).isCloseTo(0.8, within(1e-12));
        assertThat(l.bram()).isCloseTo(0.8, within(1e-12));
    }
}
