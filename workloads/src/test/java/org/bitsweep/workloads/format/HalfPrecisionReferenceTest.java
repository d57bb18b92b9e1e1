package org.bitsweep.workloads.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * fp16 and bf16 encoding agree with independent bit-manipulation conversions of the float bits (Java 17 has no
 * Float.floatToFloat16), on every code's value, every midpoint between neighbours, and a million random floats.
 */
class HalfPrecisionReferenceTest {
    final MinifloatFormat fp16 = (MinifloatFormat) Formats.parse("fp16");
    final MinifloatFormat bf16 = (MinifloatFormat) Formats.parse("bf16");

    /** IEEE binary32 → binary16, round to nearest even, overflow to ±inf, the classic shift-and-round. */
    static int floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7FFFFF;
        if (exp == 0xFF)
            return sign | 0x7C00 | (mant != 0 ? 0x200 : 0);
        int e = exp - 127 + 15;
        if (e >= 0x1F)
            return sign | 0x7C00;
        if (e <= 0) {
            if (e < -10)
                return sign;
            int m = mant | 0x800000;
            int shift = 14 - e;
            int half = m >> shift;
            int rem = m & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rem > halfway || (rem == halfway && (half & 1) == 1))
                half++;
            return sign | half;
        }
        int half = (e << 10) | (mant >> 13);
        int rem = mant & 0x1FFF;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1))
            half++;
        return sign | half;
    }

    /** binary32 → bfloat16 by rounding the low 16 bits to nearest even (for non-NaN input). */
    static int floatToBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        return ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16) & 0xFFFF;
    }

    @Test
    void fp16AgreesOnEveryCodeEveryMidpointAndRandomFloats() {
        for (int code = 0; code < 1 << 16; code++) {
            double v = fp16.decode(code);
            if (Double.isNaN(v))
                continue;
            assertThat(fp16.encode(v, CastOverflow.INF)).isEqualTo(floatToHalf((float) v));
            if (code != 0x7BFF && code != 0xFBFF && Double.isFinite(v) && code != 0x7C00) {
                double next = fp16.decode(code + 1);
                if (Double.isFinite(next)) {
                    float mid = (float) ((v + next) / 2);
                    assertThat(fp16.encode(mid, CastOverflow.INF)).as("mid after code %x", code)
                            .isEqualTo(floatToHalf(mid));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 1_000_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isNaN(f))
                assertThat(fp16.encode(f, CastOverflow.INF)).isEqualTo(floatToHalf(f));
        }
    }

    @Test
    void bf16AgreesOnEveryCodeEveryMidpointAndRandomFloats() {
        for (int code = 0; code < 1 << 16; code++) {
            double v = bf16.decode(code);
            if (Double.isNaN(v))
                continue;
            assertThat(bf16.encode(v, CastOverflow.INF)).isEqualTo(floatToBfloat16((float) v));
            // The float halfway to the next code up: the low 16 bits are exactly 0x8000.
            float mid = Float.intBitsToFloat((code << 16) | 0x8000);
            if (!Float.isNaN(mid))
                assertThat(bf16.encode(mid, CastOverflow.INF)).as("mid above code %x", code)
                        .isEqualTo(floatToBfloat16(mid));
        }
        SplittableRandom random = new SplittableRandom(32);
        for (int i = 0; i < 1_000_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isNaN(f))
                assertThat(bf16.encode(f, CastOverflow.INF)).isEqualTo(floatToBfloat16(f));
        }
    }
}
