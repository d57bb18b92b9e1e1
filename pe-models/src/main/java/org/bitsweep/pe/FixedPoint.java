package org.bitsweep.pe;

import java.util.Optional;
import java.util.OptionalInt;

import org.bitsweep.pe.exact.Dyadic;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;

/**
 * How a PE with an integer datapath holds the values of an operand format exactly: as integers in units of the
 * format's quantum 2^q, the weight of its lowest bit. An integer format or an integer grid (BitMoD's, ANT's, OliVe's
 * tables) has q = 0 and its values are the operands themselves; fp16 has q = −24 (its smallest subnormal), so the
 * fp16 value 1.5 enters as 1.5 · 2^24 = 25,165,824. Every fp16 value is such an integer and the largest, 65504, is
 * 2^40 − 2^29, so 41 signed bits hold any of them: a Kulisch-style exact fixed point. Formats whose range is too wide
 * for a 52-bit magnitude (bf16, fp32) have none.
 *
 * @param quantumExponent q: an operand n stands for n · 2^q
 * @param maxMagnitude    the largest |n|
 * @param significandBits the bits a multiplier sees: M + 1 for a minifloat (the exponent becomes a shift), the
 *                        magnitude bits for an integer grid
 * @param floating        whether the format is a minifloat, whose exponent a PE applies as an alignment shift
 */
public record FixedPoint(int quantumExponent, long maxMagnitude, int significandBits, boolean floating) {
    /** Widest magnitude an exact operand may have, so that products with any weight still fit a long. */
    public static final int MAX_MAGNITUDE_BITS = 52;

    public FixedPoint {
        if (maxMagnitude < 1 || 64 - Long.numberOfLeadingZeros(maxMagnitude) > MAX_MAGNITUDE_BITS)
            throw new IllegalArgumentException("max magnitude out of range: " + maxMagnitude);
    }

    /** The exact fixed-point form of a format's values, or empty where they are too wide or not listable. */
    public static Optional<FixedPoint> of(NumberFormat f) {
        if (f instanceof MinifloatFormat m)
            return ofMinifloat(m);
        double[] values;
        try {
            values = f.values();
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        int q = Integer.MAX_VALUE;
        double maxAbs = 0;
        for (double v : values) {
            if (!Double.isFinite(v))
                return Optional.empty();
            if (v == 0)
                continue;
            q = Math.min(q, Dyadic.ofDouble(v).exponent());
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        if (maxAbs == 0)
            return Optional.empty();
        return make(Math.min(0, q), maxAbs, OptionalInt.empty());
    }

    /** A minifloat's lowest bit is worth its lowest binade's 2^e over 2^M; no need to walk 63,000 fp16 values. */
    private static Optional<FixedPoint> ofMinifloat(MinifloatFormat m) {
        int q = Math.getExponent(m.minPositiveNormal()) - m.mantissaBits();
        return make(Math.min(0, q), m.maxValue(), OptionalInt.of(m.mantissaBits() + 1));
    }

    private static Optional<FixedPoint> make(int quantum, double maxAbs, OptionalInt significandBits) {
        Dyadic max = Dyadic.ofDouble(maxAbs).scaleByPowerOfTwo(-quantum);
        if (max.exponent() < 0 || max.leadingBitExponent() >= MAX_MAGNITUDE_BITS)
            return Optional.empty();
        long maxMagnitude = max.longValueExact();
        int sig = significandBits.orElse(64 - Long.numberOfLeadingZeros(maxMagnitude));
        return Optional.of(new FixedPoint(quantum, maxMagnitude, sig, significandBits.isPresent()));
    }

    /** The integer that stands for an exact value of the format. */
    public long operand(double value) {
        if (!Double.isFinite(value))
            throw new IllegalArgumentException("an exact fixed-point operand cannot hold " + value);
        Dyadic n = Dyadic.ofDouble(value).scaleByPowerOfTwo(-quantumExponent);
        if (n.exponent() < 0 || Math.abs(value) > Math.scalb((double) maxMagnitude, quantumExponent))
            throw new IllegalArgumentException("%s is not a value on the grid of quantum 2^%d up to %d"
                    .formatted(value, quantumExponent, maxMagnitude));
        return n.longValueExact();
    }

    /** The largest left shift that puts a significand in place: 0 for integers, the exponent span for minifloats. */
    public int alignShift() {
        return floating ? Math.max(0, 64 - Long.numberOfLeadingZeros(maxMagnitude) - significandBits) : 0;
    }
}
