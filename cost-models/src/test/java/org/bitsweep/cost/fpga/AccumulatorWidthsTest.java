package org.bitsweep.cost.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The study's accumulator width rules, by hand. */
class AccumulatorWidthsTest {

    @Test
    void integersNeedBothWidthsPlusLogNPlusOne() {
        // int4 × int4 over n = 64: 4 + 4 + 6 + 1 = 15.
        assertThat(AccumulatorWidths.integer(4, 4, 64)).isEqualTo(15);
        // int8 × int8 over n = 400 (⌈log2 400⌉ = 9): 8 + 8 + 9 + 1 = 26.
        assertThat(AccumulatorWidths.integer(8, 8, 400)).isEqualTo(26);
        // One product: 8 + 8 + 0 + 1 = 17.
        assertThat(AccumulatorWidths.integer(8, 8, 1)).isEqualTo(17);
    }

    @Test
    void exactMinifloatsNeedTwoToTheExponentsPlusMantissasPlusLogNMinusOne() {
        // e2m1 × e2m1 over n = 64: 4 + 1 + 4 + 1 + 6 − 1 = 15.
        assertThat(AccumulatorWidths.minifloatExact(2, 1, 2, 1, 64)).isEqualTo(15);
        // e4m3 × e4m3 over one product: 16 + 3 + 16 + 3 + 0 − 1 = 37.
        assertThat(AccumulatorWidths.minifloatExact(4, 3, 4, 3, 1)).isEqualTo(37);
        // e5m2 × e3m2 over n = 1000 (⌈log2 1000⌉ = 10): 32 + 2 + 8 + 2 + 10 − 1 = 53.
        assertThat(AccumulatorWidths.minifloatExact(5, 2, 3, 2, 1000)).isEqualTo(53);
    }

    @Test
    void ceilLog2CountsTheCarryBitsOfNTerms() {
        assertThat(AccumulatorWidths.ceilLog2(1)).isZero();
        assertThat(AccumulatorWidths.ceilLog2(2)).isEqualTo(1);
        assertThat(AccumulatorWidths.ceilLog2(3)).isEqualTo(2);
        assertThat(AccumulatorWidths.ceilLog2(64)).isEqualTo(6);
        assertThat(AccumulatorWidths.ceilLog2(65)).isEqualTo(7);
        assertThatThrownBy(() -> AccumulatorWidths.ceilLog2(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRulesCiteTheStudy() {
        assertThat(MacParts.accumulatorWidth("integer").basis()).contains("Shedding the Bits");
        assertThat(MacParts.accumulatorWidth("minifloat-exact").formula()).contains("2^ea + ma + 2^eb + mb");
    }
}
