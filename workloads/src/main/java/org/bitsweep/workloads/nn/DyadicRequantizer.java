package org.bitsweep.workloads.nn;

import java.math.BigInteger;

/**
 * HAWQ-V3's dyadic scaling (Yao et al., ICML 2021, §3.2): a positive real ratio r held as {@code m / 2^shift} with m
 * an integer of {@code bits} bits (2^(bits − 1) <= m < 2^bits), so that scaling an integer v by r is one integer
 * multiply and one arithmetic shift, {@code (v·m + 2^(shift − 1)) >> shift}: v·m / 2^shift rounded to nearest, ties
 * upward, as their integer-only inference does.
 *
 * <p>Built from doubles, which are exact binary fractions, m is r·2^shift rounded to nearest (ties to even)
 * exactly, over integers: no double rounding creeps in. So |m/2^shift − r| <= 2^(−shift−1), a relative error below
 * 2^(−bits).
 */
public record DyadicRequantizer(long multiplier, int shift) {
    public DyadicRequantizer {
        if (multiplier < 1 || shift < 0 || shift > 126)
            throw new IllegalArgumentException("dyadic m / 2^shift needs m >= 1 and 0 <= shift <= 126, got %d / 2^%d"
                    .formatted(multiplier, shift));
    }

    /**
     * r = a·b / c as m / 2^shift with m of {@code bits} bits.
     *
     * @throws IllegalArgumentException unless a, b, c are finite and > 0 and r·2^0 < 2^bits (r too large to need a
     *                                  shift)
     */
    public static DyadicRequantizer of(double a, double b, double c, int bits) {
        if (bits < 2 || bits > 62)
            throw new IllegalArgumentException("multiplier bits must be in [2, 62], got " + bits);
        Rational r = Rational.of(a).times(Rational.of(b)).over(Rational.of(c));
        // The shift that puts r·2^shift in [2^(bits−1), 2^bits): from the bit lengths, then one step of correction.
        int shift = bits - 1 - (r.numerator.bitLength() - r.denominator.bitLength());
        for (int tries = 0; tries < 3; tries++) {
            BigInteger m = r.scaledRounded(shift);
            if (m.bitLength() > bits) {
                shift--;
            } else if (m.bitLength() < bits) {
                shift++;
            } else {
                if (shift < 0)
                    throw new IllegalArgumentException("ratio %s·%s/%s is too large for a %d-bit multiplier"
                            .formatted(a, b, c, bits));
                return new DyadicRequantizer(m.longValueExact(), shift);
            }
        }
        throw new IllegalStateException("no %d-bit dyadic form of %s·%s/%s".formatted(bits, a, b, c));
    }

    /** round(v · m / 2^shift), ties upward; exact for every long v (through 128-bit arithmetic when needed). */
    public long apply(long v) {
        long high = Math.multiplyHigh(v, multiplier);
        long low = v * multiplier;
        if (shift <= 62 && (high == 0 && low >= 0 || high == -1 && low < 0)) {
            long half = shift == 0 ? 0 : 1L << (shift - 1);
            if (low <= Long.MAX_VALUE - half)
                return (low + half) >> shift;
        }
        BigInteger p = BigInteger.valueOf(v).multiply(BigInteger.valueOf(multiplier));
        if (shift > 0)
            p = p.add(BigInteger.ONE.shiftLeft(shift - 1));
        return p.shiftRight(shift).longValueExact();
    }

    /**
     * The integer nearest to x / (a·b), ties to even, exactly: the bias in units of the accumulator, s_w·s_a.
     *
     * @throws ArithmeticException where it does not fit a long
     */
    public static long nearestInteger(double x, double a, double b) {
        return Rational.of(x).over(Rational.of(a).times(Rational.of(b))).scaledRounded(0).longValueExact();
    }

    /** A signed rational numerator / denominator, denominator > 0. */
    private record Rational(BigInteger numerator, BigInteger denominator) {
        static Rational of(double d) {
            if (!Double.isFinite(d))
                throw new IllegalArgumentException("not a finite number: " + d);
            if (d == 0)
                return new Rational(BigInteger.ZERO, BigInteger.ONE);
            // d = significand · 2^exponent exactly, significand a 53-bit integer.
            int exponent = Math.getExponent(d) - 52;
            long significand = (long) Math.scalb(d, -exponent);
            BigInteger n = BigInteger.valueOf(significand);
            return exponent >= 0 ? new Rational(n.shiftLeft(exponent), BigInteger.ONE)
                    : new Rational(n, BigInteger.ONE.shiftLeft(-exponent));
        }

        Rational times(Rational o) {
            return new Rational(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
        }

        Rational over(Rational o) {
            if (o.numerator.signum() == 0)
                throw new IllegalArgumentException("division by zero");
            BigInteger n = numerator.multiply(o.denominator);
            BigInteger d = denominator.multiply(o.numerator);
            return d.signum() < 0 ? new Rational(n.negate(), d.negate()) : new Rational(n, d);
        }

        /** this · 2^shift rounded to the nearest integer, ties to even. */
        BigInteger scaledRounded(int shift) {
            BigInteger n = shift >= 0 ? numerator.shiftLeft(shift) : numerator;
            BigInteger d = shift >= 0 ? denominator : denominator.shiftLeft(-shift);
            BigInteger[] qr = n.divideAndRemainder(d);
            BigInteger q = qr[0];
            int twice = qr[1].abs().shiftLeft(1).compareTo(d);
            int sign = n.signum();
            if (twice > 0 || twice == 0 && q.testBit(0))
                q = sign < 0 ? q.subtract(BigInteger.ONE) : q.add(BigInteger.ONE);
            return q;
        }
    }
}
