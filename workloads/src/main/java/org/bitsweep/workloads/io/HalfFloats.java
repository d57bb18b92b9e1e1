package org.bitsweep.workloads.io;

/**
 * Exact widening of the two 16-bit float encodings that tensor files use, to {@code float}. Both fit in a float
 * without rounding, so these conversions lose nothing: every finite code gives its exact value, ±0 and ±∞ keep their
 * sign, and a NaN stays a NaN with its payload.
 *
 * <p>Java 20 has {@code Float.float16ToFloat}; this project targets Java 17, so the IEEE binary16 case is written
 * out here from the encoding's fields (1 sign, 5 exponent with bias 15, 10 fraction bits).
 */
public final class HalfFloats {
    // binary16 → binary32: the exponent bias grows from 15 to 127, and the fraction moves up 23 − 10 = 13 bits.
    private static final int REBIAS = 127 - 15;
    private static final int FRACTION_SHIFT = 23 - 10;
    // A binary16 subnormal is fraction × 2^−24 (2^(1 − 15) for the exponent, 2^−10 for the fraction).
    private static final float SUBNORMAL_UNIT = 0x1p-24f;

    private HalfFloats() {
    }

    /** The value of an IEEE 754 binary16 code (NumPy {@code float16}, safetensors {@code F16}). */
    public static float float16ToFloat(short code) {
        int bits = code & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0x1f)   // ±∞ when the fraction is 0, else NaN; the payload moves up with the fraction
            return Float.intBitsToFloat(sign | 0x7f80_0000 | (fraction << FRACTION_SHIFT));
        if (exponent == 0) {    // ±0 and subnormals; binary32 normals cover them, and the product is exact
            float magnitude = fraction * SUBNORMAL_UNIT;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + REBIAS) << 23) | (fraction << FRACTION_SHIFT));
    }

    /** The value of a bfloat16 code: the top half of a binary32, so the low 16 bits are zero. */
    public static float bfloat16ToFloat(short code) {
        return Float.intBitsToFloat((code & 0xffff) << 16);
    }
}
