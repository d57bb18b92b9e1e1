package org.bitsweep.pe.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact binary rational, {@code significand · 2^exponent}. Every value of every number format is one (a format
 * value is a double, and a double is a dyadic rational), and sums and products of dyadics stay dyadic, so the PEs'
 * exact references never round. Kept normalized: the significand is odd, or zero with exponent 0.
 */
public record Dyadic(BigInteger significand, int exponent) implements Comparable<Dyadic> {
    public static final Dyadic ZERO = new Dyadic(BigInteger.ZERO, 0);

    public Dyadic {
        Objects.requireNonNull(significand, "significand");
        if (significand.signum() == 0) {
            exponent = 0;
        } else {
            int trailing = significand.getLowestSetBit();
            if (trailing > 0) {
                significand = significand.shiftRight(trailing);
                exponent = Math.addExact(exponent, trailing);
            }
        }
    }

    public static Dyadic of(long significand, int exponent) {
        return new Dyadic(BigInteger.valueOf(significand), exponent);
    }

    public static Dyadic of(long integer) {
        return of(integer, 0);
    }

    /** The exact value of a finite double. */
    public static Dyadic ofDouble(double d) {
        if (!Double.isFinite(d))
            throw new IllegalArgumentException("not a finite number: " + d);
        if (d == 0)
            return ZERO;
        long bits = Double.doubleToRawLongBits(d);
        int field = (int) ((bits >>> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        long sig = field == 0 ? mantissa : mantissa | (1L << 52);
        int exp = (field == 0 ? 1 : field) - 1023 - 52;
        return of(d < 0 ? -sig : sig, exp);
    }

    public int signum() {
        return significand.signum();
    }

    public boolean isZero() {
        return significand.signum() == 0;
    }

    public Dyadic negate() {
        return new Dyadic(significand.negate(), exponent);
    }

    public Dyadic abs() {
        return signum() < 0 ? negate() : this;
    }

    public Dyadic add(Dyadic o) {
        if (isZero())
            return o;
        if (o.isZero())
            return this;
        int e = Math.min(exponent, o.exponent);
        BigInteger a = significand.shiftLeft(exponent - e);
        BigInteger b = o.significand.shiftLeft(o.exponent - e);
        return new Dyadic(a.add(b), e);
    }

    public Dyadic subtract(Dyadic o) {
        return add(o.negate());
    }

    public Dyadic multiply(Dyadic o) {
        return new Dyadic(significand.multiply(o.significand), Math.addExact(exponent, o.exponent));
    }

    /** This times 2^k, exactly. */
    public Dyadic scaleByPowerOfTwo(int k) {
        return new Dyadic(significand, Math.addExact(exponent, k));
    }

    /** ⌊log2 |this|⌋: the position of the leading one bit. */
    public int leadingBitExponent() {
        if (isZero())
            throw new ArithmeticException("zero has no leading bit");
        return exponent + significand.abs().bitLength() - 1;
    }

    /** The value as an integer, when it is one. */
    public long longValueExact() {
        if (exponent < 0)
            throw new ArithmeticException(this + " is not an integer");
        return significand.shiftLeft(exponent).longValueExact();
    }

    public BigDecimal toBigDecimal() {
        if (exponent >= 0)
            return new BigDecimal(significand.shiftLeft(exponent));
        // 2^−k = 5^k / 10^k, exactly.
        return new BigDecimal(significand.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    }

    /** The value as a double: exact when the significand has at most 53 bits, else the nearest double. */
    public double toDouble() {
        if (significand.bitLength() <= 53)
            return Math.scalb((double) significand.longValue(), exponent);
        return toBigDecimal().doubleValue();
    }

    @Override
    public int compareTo(Dyadic o) {
        return subtract(o).signum();
    }

    @Override
    public String toString() {
        return significand + "·2^" + exponent;
    }
}
