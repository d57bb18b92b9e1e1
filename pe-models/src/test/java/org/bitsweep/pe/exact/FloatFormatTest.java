package org.bitsweep.pe.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloatFormatTest {
    @Test
    void everyFp16CodeRoundTrips() {
        for (long code = 0; code < 1 << 16; code++) {
            if (FloatFormat.FP16.isNaN(code))
                continue;
            ExtendedReal v = ExtendedReal.of(FloatFormat.FP16, code);
            assertThat(v.roundTo(FloatFormat.FP16)).isEqualTo(code);
        }
    }

    @Test
    void fp16LimitsFollowFromTheFieldWidths() {
        // ANCHORS.md §2c: max 65504, min normal 2^-14, min subnormal 2^-24.
        assertThat(FloatFormat.FP16.toDouble(FloatFormat.FP16.largestFinite(false))).isEqualTo(65504);
        assertThat(FloatFormat.FP16.toDouble(0x0400)).isEqualTo(Math.scalb(1.0, -14));
        assertThat(FloatFormat.FP16.toDouble(0x0001)).isEqualTo(Math.scalb(1.0, -24));
        assertThat(FloatFormat.FP16.quietNaN()).isEqualTo(0x7E00);
    }

    @Test
    void tiesGoToTheEvenCode() {
        // 2049 lies halfway between the fp16 values 2048 (mantissa 0, even) and 2050 (mantissa 1): goes to 2048.
        assertThat(FloatFormat.FP16.toDouble(FloatFormat.FP16.round(Dyadic.of(2049)))).isEqualTo(2048);
        // 2051 lies halfway between 2050 (odd) and 2052 (even): goes to 2052.
        assertThat(FloatFormat.FP16.toDouble(FloatFormat.FP16.round(Dyadic.of(2051)))).isEqualTo(2052);
        // 65519 is below 65520 and rounds to 65504; 65520 is the tie whose even neighbour is the infinity code.
        assertThat(FloatFormat.FP16.toDouble(FloatFormat.FP16.round(Dyadic.of(65519)))).isEqualTo(65504);
        assertThat(FloatFormat.FP16.round(Dyadic.of(65520))).isEqualTo(FloatFormat.FP16.infinity(false));
    }

    @Test
    void aTinyNegativeValueRoundsToMinusZero() {
        // 2^-26 is a quarter of fp16's smallest subnormal: it rounds to zero and keeps its sign.
        assertThat(FloatFormat.FP16.round(Dyadic.of(-1, -26))).isEqualTo(0x8000);
    }

    @Test
    void ieeeSpecialValuesInSumsAndProducts() {
        ExtendedReal inf = ExtendedReal.infinity(false);
        ExtendedReal negZero = ExtendedReal.zero(true);
        assertThat(inf.multiply(ExtendedReal.zero(false)).isNaN()).isTrue();
        assertThat(inf.add(ExtendedReal.infinity(true)).isNaN()).isTrue();
        assertThat(negZero.add(negZero)).isEqualTo(negZero);
        assertThat(negZero.add(ExtendedReal.zero(false))).isEqualTo(ExtendedReal.zero(false));
        ExtendedReal one = ExtendedReal.ofDouble(1);
        assertThat(one.add(ExtendedReal.ofDouble(-1))).isEqualTo(ExtendedReal.zero(false));
        assertThat(ExtendedReal.ofDouble(-2).multiply(ExtendedReal.zero(false))).isEqualTo(negZero);
    }
}
