package org.bitsweep.pe.exact;

import java.util.Objects;

/**
 * A value of IEEE 754 arithmetic held exactly: NaN, ±∞, ±0 or a finite non-zero {@link Dyadic}. Sums and products
 * follow IEEE 754's rules for the special values and are otherwise exact; rounding happens only when a value is put
 * into a format ({@link FloatFormat#round}, {@link #roundTo}).
 *
 * @param negative the sign of ∞ and of zero; for finite values it agrees with {@code value}'s sign
 * @param value    the exact value of a finite non-zero number, {@link Dyadic#ZERO} otherwise
 */
public record ExtendedReal(Kind kind, boolean negative, Dyadic value) {
    public enum Kind { NAN, INFINITE, ZERO, FINITE }

    public static final ExtendedReal NAN = new ExtendedReal(Kind.NAN, false, Dyadic.ZERO);

    public ExtendedReal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (kind == Kind.FINITE && (value.isZero() || (value.signum() < 0) != negative))
            throw new IllegalArgumentException("a finite value must be non-zero with a matching sign: " + value);
        if (kind != Kind.FINITE && !value.isZero())
            throw new IllegalArgumentException(kind + " carries no finite value");
    }

    public static ExtendedReal zero(boolean negative) {
        return new ExtendedReal(Kind.ZERO, negative, Dyadic.ZERO);
    }

    public static ExtendedReal infinity(boolean negative) {
        return new ExtendedReal(Kind.INFINITE, negative, Dyadic.ZERO);
    }

    /** A finite value; an exact zero becomes +0, as IEEE's x + (−x) does under round-to-nearest. */
    public static ExtendedReal of(Dyadic v) {
        return v.isZero() ? zero(false) : new ExtendedReal(Kind.FINITE, v.signum() < 0, v);
    }

    public static ExtendedReal ofDouble(double d) {
        if (Double.isNaN(d))
            return NAN;
        if (Double.isInfinite(d))
            return infinity(d < 0);
        if (d == 0)
            return zero(Double.doubleToRawLongBits(d) < 0);
        return of(Dyadic.ofDouble(d));
    }

    /** The value of a code of an IEEE-style format. */
    public static ExtendedReal of(FloatFormat f, long code) {
        f.checkCode(code);
        if (f.isNaN(code))
            return NAN;
        if (f.isInfinite(code))
            return infinity(f.isNegative(code));
        if (f.isZero(code))
            return zero(f.isNegative(code));
        return of(f.value(code));
    }

    public boolean isNaN() {
        return kind == Kind.NAN;
    }

    public boolean isFinite() {
        return kind == Kind.ZERO || kind == Kind.FINITE;
    }

    /** IEEE multiplication, exact: NaN for NaN or ∞ × 0, the sign always the XOR of the signs. */
    public ExtendedReal multiply(ExtendedReal o) {
        if (isNaN() || o.isNaN())
            return NAN;
        boolean sign = negative ^ o.negative;
        if (kind == Kind.INFINITE || o.kind == Kind.INFINITE)
            return kind == Kind.ZERO || o.kind == Kind.ZERO ? NAN : infinity(sign);
        if (kind == Kind.ZERO || o.kind == Kind.ZERO)
            return zero(sign);
        return of(value.multiply(o.value));
    }

    /** IEEE addition, exact: NaN for NaN or ∞ − ∞; (−0) + (−0) = −0; any other exact zero sum is +0. */
    public ExtendedReal add(ExtendedReal o) {
        if (isNaN() || o.isNaN())
            return NAN;
        if (kind == Kind.INFINITE && o.kind == Kind.INFINITE)
            return negative == o.negative ? this : NAN;
        if (kind == Kind.INFINITE)
            return this;
        if (o.kind == Kind.INFINITE)
            return o;
        if (kind == Kind.ZERO && o.kind == Kind.ZERO)
            return zero(negative && o.negative);
        if (kind == Kind.ZERO)
            return o;
        if (o.kind == Kind.ZERO)
            return this;
        return of(value.add(o.value));
    }

    /** This value rounded into a format, to nearest even; NaN, ±∞ and the sign of zero are kept. */
    public long roundTo(FloatFormat f) {
        return switch (kind) {
            case NAN -> f.quietNaN();
            case INFINITE -> f.infinity(negative);
            case ZERO -> f.zero(negative);
            case FINITE -> f.round(value);
        };
    }

    /** As a double: exact for the values our formats hold, nearest otherwise. */
    public double toDouble() {
        return switch (kind) {
            case NAN -> Double.NaN;
            case INFINITE -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case ZERO -> negative ? -0.0 : 0.0;
            case FINITE -> value.toDouble();
        };
    }
}
