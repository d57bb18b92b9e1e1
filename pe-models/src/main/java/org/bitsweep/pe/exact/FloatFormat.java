package org.bitsweep.pe.exact;

import java.math.BigInteger;
import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * An IEEE 754 binary interchange format, as the floating-point accumulators of the PEs use it: a sign bit, E exponent
 * bits with bias 2^(E−1) − 1, M mantissa bits with a hidden one, subnormals, ±∞ in the all-ones exponent with a zero
 * mantissa and NaN otherwise. A code is the bit pattern in the low bits of a {@code long}: fp32's codes are
 * {@link Float#floatToRawIntBits} read as unsigned.
 *
 * <p>{@link #round} is IEEE 754's roundTiesToEven: the exact value is rounded once, as if the exponent were
 * unbounded, and a result beyond the largest finite value becomes ±∞ (IEEE's default overflow), a tiny one keeps
 * its sign when it rounds to zero.
 */
public record FloatFormat(String name, int exponentBits, int mantissaBits) {
    public static final FloatFormat FP32 = new FloatFormat("fp32", 8, 23);
    public static final FloatFormat FP16 = new FloatFormat("fp16", 5, 10);
    public static final FloatFormat BF16 = new FloatFormat("bf16", 8, 7);

    public FloatFormat {
        Checks.nonBlank("format name", name);
        Checks.inRange("exponent bits", exponentBits, 2, 11);
        Checks.inRange("mantissa bits", mantissaBits, 1, 52);
    }

    /** The accumulator formats a PE may name. */
    public static List<FloatFormat> accumulators() {
        return List.of(FP16, FP32);
    }

    public int bits() {
        return 1 + exponentBits + mantissaBits;
    }

    public int bias() {
        return (1 << (exponentBits - 1)) - 1;
    }

    /** The exponent of the lowest binade, where subnormals are spaced 2^(minExponent − M) apart. */
    public int minExponent() {
        return 1 - bias();
    }

    public int maxExponent() {
        return bias();
    }

    private long signBit() {
        return 1L << (exponentBits + mantissaBits);
    }

    private int exponentMask() {
        return (1 << exponentBits) - 1;
    }

    private int field(long code) {
        return (int) ((code >>> mantissaBits) & exponentMask());
    }

    private long mantissa(long code) {
        return code & ((1L << mantissaBits) - 1);
    }

    public void checkCode(long code) {
        if (code < 0 || code >= 1L << bits())
            throw new IllegalArgumentException("%s: %d is not a %d-bit pattern".formatted(name, code, bits()));
    }

    public boolean isNaN(long code) {
        return field(code) == exponentMask() && mantissa(code) != 0;
    }

    public boolean isInfinite(long code) {
        return field(code) == exponentMask() && mantissa(code) == 0;
    }

    public boolean isZero(long code) {
        return (code & ~signBit()) == 0;
    }

    public boolean isNegative(long code) {
        return (code & signBit()) != 0;
    }

    /** The quiet NaN with only the top mantissa bit set, the one IEEE hardware commonly returns. */
    public long quietNaN() {
        return ((long) exponentMask() << mantissaBits) | (1L << (mantissaBits - 1));
    }

    public long infinity(boolean negative) {
        return (negative ? signBit() : 0) | ((long) exponentMask() << mantissaBits);
    }

    public long zero(boolean negative) {
        return negative ? signBit() : 0;
    }

    public long largestFinite(boolean negative) {
        return (negative ? signBit() : 0) | ((long) (exponentMask() - 1) << mantissaBits) | ((1L << mantissaBits) - 1);
    }

    /** The exact value of a finite code. */
    public Dyadic value(long code) {
        checkCode(code);
        if (field(code) == exponentMask())
            throw new IllegalArgumentException("%s code %#x is %s, not a finite number"
                    .formatted(name, code, isNaN(code) ? "NaN" : "infinite"));
        int f = field(code);
        long sig = f == 0 ? mantissa(code) : mantissa(code) | (1L << mantissaBits);
        int exp = (f == 0 ? minExponent() : f - bias()) - mantissaBits;
        return Dyadic.of(isNegative(code) ? -sig : sig, exp);
    }

    /** The value as a double: NaN, ±∞, ±0 included (exact for every format up to fp32 and for bf16). */
    public double toDouble(long code) {
        checkCode(code);
        if (isNaN(code))
            return Double.NaN;
        if (isInfinite(code))
            return isNegative(code) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (isZero(code))
            return isNegative(code) ? -0.0 : 0.0;
        return value(code).toDouble();
    }

    /**
     * The exact value rounded to nearest, ties to even; overflow gives ±∞. An exact zero gives +0 (the sign of a zero
     * sum is the caller's business: IEEE gives −0 only for (−0) + (−0)).
     */
    public long round(Dyadic exact) {
        if (exact.isZero())
            return 0;
        boolean negative = exact.signum() < 0;
        BigInteger mag = exact.significand().abs();
        int lead = exact.exponent() + mag.bitLength() - 1;
        // The binade the result lies in, floored at the subnormal one; its quantum is 2^(binade − M).
        int binade = Math.max(lead, minExponent());
        int quantum = binade - mantissaBits;
        int shift = quantum - exact.exponent();
        BigInteger n;
        if (shift <= 0) {
            n = mag.shiftLeft(-shift);
        } else {
            n = mag.shiftRight(shift);
            BigInteger rest = mag.subtract(n.shiftLeft(shift));
            int cmp = rest.compareTo(BigInteger.ONE.shiftLeft(shift - 1));
            if (cmp > 0 || (cmp == 0 && n.testBit(0)))
                n = n.add(BigInteger.ONE);
        }
        long sig = n.longValueExact();
        if (sig == 1L << (mantissaBits + 1)) {
            // Rounding carried into the next binade.
            sig >>= 1;
            binade++;
        }
        long sign = negative ? signBit() : 0;
        if (sig == 0)
            return sign;
        if (sig < 1L << mantissaBits)
            return sign | sig;                                       // subnormal (binade is the lowest one)
        int biased = binade + bias();
        if (biased >= exponentMask())
            return infinity(negative);
        return sign | ((long) biased << mantissaBits) | (sig - (1L << mantissaBits));
    }

    /** The code of a double, rounded to nearest even (NaN, ±∞ and ±0 kept). */
    public long fromDouble(double d) {
        if (Double.isNaN(d))
            return quietNaN();
        if (Double.isInfinite(d))
            return infinity(d < 0);
        if (d == 0)
            return zero(Double.doubleToRawLongBits(d) < 0);
        long code = round(Dyadic.ofDouble(d));
        return isZero(code) ? zero(d < 0) : code;
    }

    @Override
    public String toString() {
        return name;
    }
}
