package org.bitsweep.workloads.format;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.bitsweep.workloads.Checks;

/**
 * A floating-point format with E exponent bits and M mantissa bits (ExMy): an optional sign bit, a biased exponent,
 * and a mantissa with an implicit leading one. Everything (range, specials, rounding) derives from the parameters,
 * as ml_dtypes specifies its float8 types; no limit is written down per format.
 *
 * <p>Encoding rounds to nearest, ties to even, exactly: the input is scaled by a power of two (exact in binary
 * floating point) onto the integer grid of its binade and rounded with {@link Math#rint}, as if the exponent were
 * unbounded; a result beyond the largest finite value then overflows. This is IEEE 754's rule, and it is why
 * 65520 rounds to +∞ in fp16 (its tie goes to the even code 0x7C00) while 464 rounds to 448 in OCP E4M3 (the even
 * code is 0x7E, because 0x7F is NaN).
 */
public final class MinifloatFormat implements NumberFormat {
    public static final int MAX_EXPONENT_BITS = 8;
    public static final int MAX_MANTISSA_BITS = 10;

    private final String name;
    private final List<String> aliases;
    private final int exponentBits;
    private final int mantissaBits;
    private final int bias;
    private final boolean signed;
    private final ExponentZero exponentZero;
    private final Specials specials;

    // Derived once: the value of every code, and the limits.
    private final double[] codeValues;
    private final double maxValue;
    private final double minNormal;
    private final double[] sortedValues;

    public MinifloatFormat(String name, List<String> aliases, int exponentBits, int mantissaBits, int bias,
                           boolean signed, ExponentZero exponentZero, Specials specials) {
        this.name = Checks.nonBlank("format name", name);
        this.aliases = List.copyOf(aliases);
        this.exponentBits = Checks.inRange("exponent bits", exponentBits, 1, MAX_EXPONENT_BITS);
        this.mantissaBits = Checks.inRange("mantissa bits", mantissaBits, 0, MAX_MANTISSA_BITS);
        this.bias = bias;
        this.signed = signed;
        this.exponentZero = Objects.requireNonNull(exponentZero);
        this.specials = Objects.requireNonNull(specials);
        if (!signed && specials == Specials.FNUZ)
            throw new IllegalArgumentException("fnuz needs a sign bit: its NaN is the code of -0");
        if (specials == Specials.IEEE && exponentBits == 1)
            throw new IllegalArgumentException("an IEEE-style format needs at least 2 exponent bits: with 1, the "
                    + "all-ones exponent is the only normal one");
        this.codeValues = new double[1 << bits()];
        for (int c = 0; c < codeValues.length; c++)
            codeValues[c] = computeValue(c);
        this.sortedValues = Arrays.stream(codeValues).filter(Double::isFinite).map(v -> v == 0 ? 0.0 : v)
                .distinct().sorted().toArray();
        this.maxValue = sortedValues[sortedValues.length - 1];
        this.minNormal = Math.scalb(1.0, lowestExponent());
    }

    /** IEEE-style defaults: bias 2^(E−1) − 1 (2^(E−1) for fnuz, as ml_dtypes), signed, subnormals on. */
    public static MinifloatFormat of(String name, int exponentBits, int mantissaBits, Specials specials,
                                     String... aliases) {
        return new MinifloatFormat(name, List.of(aliases), exponentBits, mantissaBits,
                defaultBias(exponentBits, specials), true, ExponentZero.SUBNORMAL, specials);
    }

    public static int defaultBias(int exponentBits, Specials specials) {
        return (1 << (exponentBits - 1)) - (specials == Specials.FNUZ ? 0 : 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public int bits() {
        return (signed ? 1 : 0) + exponentBits + mantissaBits;
    }

    public int exponentBits() {
        return exponentBits;
    }

    public int mantissaBits() {
        return mantissaBits;
    }

    public int bias() {
        return bias;
    }

    public boolean signed() {
        return signed;
    }

    public ExponentZero exponentZero() {
        return exponentZero;
    }

    public Specials specials() {
        return specials;
    }

    @Override
    public double decode(int code) {
        if (code < 0 || code >= codeValues.length)
            throw new IllegalArgumentException("code %d is not a %d-bit pattern".formatted(code, bits()));
        return codeValues[code];
    }

    @Override
    public double maxValue() {
        return maxValue;
    }

    @Override
    public double minValue() {
        return signed ? -maxValue : sortedValues[0];
    }

    @Override
    public double minPositiveNormal() {
        return minNormal;
    }

    @Override
    public OptionalDouble minPositiveSubnormal() {
        return exponentZero == ExponentZero.SUBNORMAL && mantissaBits > 0
                ? OptionalDouble.of(Math.scalb(1.0, lowestExponent() - mantissaBits)) : OptionalDouble.empty();
    }

    @Override
    public double[] values() {
        return sortedValues.clone();
    }

    public boolean hasInfinity() {
        return specials == Specials.IEEE;
    }

    public boolean hasNaN() {
        return specials == Specials.IEEE ? mantissaBits > 0 : specials == Specials.FN || specials == Specials.FNUZ;
    }

    /** How a dtype conversion library treats overflow by default: IEEE to ∞, fn and fnuz to NaN, others clamp. */
    public CastOverflow defaultCastOverflow() {
        if (hasInfinity())
            return CastOverflow.INF;
        return hasNaN() ? CastOverflow.NAN : CastOverflow.SATURATE;
    }

    @Override
    public int encode(double value) {
        return encode(value, CastOverflow.SATURATE);
    }

    /**
     * Casts a value as a dtype conversion does: round to nearest even; beyond the largest finite value, saturate,
     * become NaN or become ±∞. NaN becomes the format's NaN, ±∞ becomes ±∞ where the format has it and otherwise
     * overflows like any too-large value.
     *
     * @throws IllegalArgumentException when the format cannot represent the outcome (NaN or ∞ in a format without)
     */
    public int encode(double value, CastOverflow overflow) {
        if (Double.isNaN(value))
            return nanCode();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (negative && !signed) {
            if (overflow == CastOverflow.SATURATE)
                return codeOf(sortedValues[0], false);
            return nanCode();
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0 && exponentZero == ExponentZero.NORMAL && overflow != CastOverflow.SATURATE)
            return nanCode();
        if (Double.isInfinite(magnitude) && hasInfinity() && overflow != CastOverflow.SATURATE)
            return infinityCode(negative);
        double rounded = roundMagnitude(magnitude);
        if (rounded > maxValue) {
            return switch (overflow) {
                case SATURATE -> codeOf(maxValue, negative);
                case NAN -> nanCode();
                case INF -> {
                    if (!hasInfinity())
                        throw new IllegalArgumentException(name + " has no infinity; use --overflow "
                                + (hasNaN() ? "nan or saturate" : "saturate"));
                    yield infinityCode(negative);
                }
            };
        }
        return codeOf(rounded, negative);
    }

    /** The nearest magnitude on the unbounded-exponent grid (ties to the even code), before any overflow check. */
    private double roundMagnitude(double a) {
        int low = lowestExponent();
        if (a == 0)
            return exponentZero == ExponentZero.NORMAL ? minNormal : 0;
        if (a < minNormal && exponentZero != ExponentZero.SUBNORMAL) {
            // Below the lowest binade there is only zero (flush) or nothing (no zero at all).
            if (exponentZero == ExponentZero.NORMAL)
                return minNormal;
            return a > minNormal / 2 ? minNormal : 0;
        }
        int e = Math.max(Math.getExponent(a), low);
        double scaled = Math.scalb(a, mantissaBits - e);
        // With no mantissa bits a binade holds only 2^e, so a tie (1.5 · 2^e) rounds up to the even integer 2:
        // what ml_dtypes does for float8_e8m0fnu (1.5 -> 2, 3 -> 4).
        return Math.scalb(Math.rint(scaled), e - mantissaBits);
    }

    /** The code of a representable magnitude with the given sign; fnuz has no −0, so a negative zero is +0. */
    private int codeOf(double magnitude, boolean negative) {
        int signBit = signed && negative && !(magnitude == 0 && specials == Specials.FNUZ)
                ? 1 << (exponentBits + mantissaBits) : 0;
        if (magnitude == 0)
            return signBit;
        int low = lowestExponent();
        int e = Math.getExponent(magnitude);
        int field;
        long mantissa;
        if (e < low) {
            field = 0;
            mantissa = (long) Math.scalb(magnitude, mantissaBits - low);
        } else {
            field = e + bias;
            mantissa = (long) Math.scalb(magnitude, mantissaBits - e) - (1L << mantissaBits);
        }
        int code = signBit | (field << mantissaBits) | (int) mantissa;
        if (codeValues[code] != (negative && signBit != 0 ? -magnitude : magnitude))
            throw new IllegalStateException("%s: %s does not encode to code %d".formatted(name, magnitude, code));
        return code;
    }

    private int nanCode() {
        return switch (specials) {
            case IEEE -> {
                if (mantissaBits == 0)
                    throw new IllegalArgumentException(name + " has no NaN");
                yield (((1 << exponentBits) - 1) << mantissaBits) | (1 << (mantissaBits - 1));
            }
            case FN -> (1 << (exponentBits + mantissaBits)) - 1;
            case FNUZ -> 1 << (exponentBits + mantissaBits);
            case NONE -> throw new IllegalArgumentException(name + " has no NaN: every code is a finite number");
        };
    }

    private int infinityCode(boolean negative) {
        int sign = negative ? 1 << (exponentBits + mantissaBits) : 0;
        return sign | (((1 << exponentBits) - 1) << mantissaBits);
    }

    /** The exponent of the lowest binade: where subnormals are spaced, or the bottom normal binade. */
    private int lowestExponent() {
        return exponentZero == ExponentZero.NORMAL ? -bias : 1 - bias;
    }

    private double computeValue(int code) {
        int mantissaMask = (1 << mantissaBits) - 1;
        int exponentMask = (1 << exponentBits) - 1;
        boolean negative = signed && (code >>> (exponentBits + mantissaBits)) != 0;
        int field = (code >>> mantissaBits) & exponentMask;
        int mantissa = code & mantissaMask;
        switch (specials) {
            case IEEE -> {
                if (field == exponentMask)
                    return mantissa == 0 ? (negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                            : Double.NaN;
            }
            case FN -> {
                if (field == exponentMask && mantissa == mantissaMask)
                    return Double.NaN;
            }
            case FNUZ -> {
                if (negative && field == 0 && mantissa == 0)
                    return Double.NaN;
            }
            case NONE -> {
            }
        }
        double magnitude;
        if (field == 0 && exponentZero != ExponentZero.NORMAL)
            magnitude = exponentZero == ExponentZero.FLUSH ? 0 : Math.scalb((double) mantissa, 1 - bias - mantissaBits);
        else
            magnitude = Math.scalb((double) ((1L << mantissaBits) | mantissa), field - bias - mantissaBits);
        return negative ? -magnitude : magnitude;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinifloatFormat f && name.equals(f.name) && exponentBits == f.exponentBits
                && mantissaBits == f.mantissaBits && bias == f.bias && signed == f.signed
                && exponentZero == f.exponentZero && specials == f.specials;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, exponentBits, mantissaBits, bias, signed, exponentZero, specials);
    }

    @Override
    public String toString() {
        return name;
    }
}
