package org.bitsweep.workloads.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Test
    void everyFloat16CodeDecodesToItsExactValue() {
        checkEveryCode(5, 10, code -> HalfFloats.float16ToFloat((short) code));
    }

    @Test
    void everyBfloat16CodeDecodesToItsExactValue() {
        checkEveryCode(8, 7, code -> HalfFloats.bfloat16ToFloat((short) code));
    }

    @Test
    void float16LandmarksDerivedByHand() {
        assertThat(HalfFloats.float16ToFloat((short) 0x3c00)).isEqualTo(1.0f);      // e = 15, f = 0: 2^0
        assertThat(HalfFloats.float16ToFloat((short) 0xc000)).isEqualTo(-2.0f);     // sign, e = 16: −2^1
        assertThat(HalfFloats.float16ToFloat((short) 0x7bff)).isEqualTo(65504f);    // (1 + 1023/1024)·2^15, the max
        assertThat(HalfFloats.float16ToFloat((short) 0x0400)).isEqualTo(0x1p-14f);  // smallest normal, 2^(1−15)
        assertThat(HalfFloats.float16ToFloat((short) 0x0001)).isEqualTo(0x1p-24f);  // smallest subnormal, 2^−14·2^−10
        assertThat(HalfFloats.float16ToFloat((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f);  // largest subnormal
        // 0x3555: e = 13, f = 0x155 = 341: (1024 + 341)/1024 · 2^−2 = 1365/4096, the float16 nearest 1/3
        assertThat(HalfFloats.float16ToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(HalfFloats.float16ToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloats.float16ToFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfFloats.float16ToFloat((short) 0x7e00)).isNaN();
        assertThat(Float.floatToRawIntBits(HalfFloats.float16ToFloat((short) 0x8000))).isEqualTo(0x8000_0000); // −0
    }

    @Test
    void bfloat16IsTheTopHalfOfAFloat() {
        assertThat(HalfFloats.bfloat16ToFloat((short) 0x3f80)).isEqualTo(1.0f);      // 0x3f800000
        assertThat(HalfFloats.bfloat16ToFloat((short) 0x4049)).isEqualTo(3.140625f); // 0x40490000 = 1.5703125·2
        assertThat(HalfFloats.bfloat16ToFloat((short) 0xff80)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfFloats.bfloat16ToFloat((short) 0x7fc0)).isNaN();
    }

    /**
     * The oracle: a binary float with {@code e} exponent bits (bias 2^(e−1) − 1) and {@code m} fraction bits is
     * (−1)^s · (2^m + f) · 2^(exp − bias − m) for exp ≥ 1, and (−1)^s · f · 2^(1 − bias − m) for exp = 0; an
     * all-ones exponent is ±∞ when f = 0, else NaN. The decoded float must equal it exactly (BigDecimal holds a
     * float's value without rounding), keep the sign of zero, and keep a NaN's fraction as its top bits.
     */
    private static void checkEveryCode(int e, int m, IntFunction<Float> decode) {
        int bias = (1 << (e - 1)) - 1;
        int maxExponent = (1 << e) - 1;
        for (int code = 0; code < 1 << (1 + e + m); code++) {
            boolean negative = (code >>> (e + m)) != 0;
            int exponent = (code >>> m) & maxExponent;
            int fraction = code & ((1 << m) - 1);
            float decoded = decode.apply(code);
            String what = "code 0x%04x".formatted(code);
            assertThat(Float.floatToRawIntBits(decoded) < 0).as(what + " sign").isEqualTo(negative);
            if (exponent == maxExponent && fraction == 0) {
                assertThat(decoded).as(what).isInfinite();
            } else if (exponent == maxExponent) {
                assertThat(decoded).as(what).isNaN();
                assertThat((Float.floatToRawIntBits(decoded) >>> (23 - m)) & ((1 << m) - 1)).as(what + " payload")
                        .isEqualTo(fraction);
            } else {
                BigDecimal significand = BigDecimal.valueOf(exponent == 0 ? fraction : (1 << m) + fraction);
                BigDecimal exact = significand.multiply(powerOfTwo(Math.max(exponent, 1) - bias - m));
                assertThat(new BigDecimal(decoded).compareTo(negative ? exact.negate() : exact)).as(what).isZero();
            }
        }
    }

    private static BigDecimal powerOfTwo(int k) {
        return k >= 0 ? TWO.pow(k) : BigDecimal.ONE.divide(TWO.pow(-k));
    }
}
