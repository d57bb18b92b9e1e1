package org.bitsweep.workloads.format;

import org.bitsweep.workloads.Checks;

/**
 * A signed (two's complement) or unsigned integer of 2 to 16 bits. A code is the bit pattern itself, so for
 * int4 the code 0b1101 is the value -3.
 */
public record IntFormat(int bits, boolean signed) implements NumberFormat {
    public static final int MIN_BITS = 2;
    public static final int MAX_BITS = 16;

    public IntFormat {
        Checks.inRange("integer format bits", bits, MIN_BITS, MAX_BITS);
    }

    public static IntFormat signed(int bits) {
        return new IntFormat(bits, true);
    }

    public static IntFormat unsigned(int bits) {
        return new IntFormat(bits, false);
    }

    @Override
    public String name() {
        return (signed ? "int" : "uint") + bits;
    }

    public long minInt() {
        return signed ? -(1L << (bits - 1)) : 0;
    }

    public long maxInt() {
        return signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    }

    /** The integer a code stands for: the top bit of a signed code is worth -2^(bits-1). */
    public long decodeInt(int code) {
        checkCode(code);
        return signed && (code >>> (bits - 1)) != 0 ? code - (1L << bits) : code;
    }

    /** The code of an integer in [{@link #minInt()}, {@link #maxInt()}]. */
    public int encodeInt(long value) {
        if (value < minInt() || value > maxInt())
            throw new IllegalArgumentException("%d is outside %s [%d, %d]".formatted(value, name(), minInt(), maxInt()));
        return (int) (value & ((1L << bits) - 1));
    }

    /** Rounds half to even and saturates, as a quantizer does after dividing by the scale. */
    public long roundToInt(double value) {
        if (Double.isNaN(value))
            throw new IllegalArgumentException("cannot round NaN to " + name());
        double r = Math.rint(value);
        return (long) Math.max(minInt(), Math.min(maxInt(), r));
    }

    @Override
    public double nearest(double value) {
        return roundToInt(value);
    }

    @Override
    public double decode(int code) {
        return decodeInt(code);
    }

    @Override
    public int encode(double value) {
        return encodeInt(roundToInt(value));
    }

    @Override
    public double maxValue() {
        return maxInt();
    }

    @Override
    public double minValue() {
        return minInt();
    }

    @Override
    public double minPositiveNormal() {
        return 1;
    }

    @Override
    public double[] values() {
        double[] v = new double[codeCount()];
        for (int i = 0; i < v.length; i++)
            v[i] = minInt() + i;
        return v;
    }

    private void checkCode(int code) {
        if (code < 0 || code >= codeCount())
            throw new IllegalArgumentException("code %d is not a %d-bit pattern".formatted(code, bits));
    }
}
