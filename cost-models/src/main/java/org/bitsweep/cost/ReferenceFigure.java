package org.bitsweep.cost;

import java.util.Objects;

/**
 * One figure a seed paper (or its code) reports, kept as the source states it, so that our own models can be set
 * beside it. A point value has {@code low == high}; a range (the FP8-versus-INT8 "50 to 180 % less efficient") has
 * both ends.
 *
 * @param id       stable key, e.g. {@code bitmod.pe.energy}
 * @param paper    the paper the figure belongs to
 * @param subject  what the figure describes, in the source's terms
 * @param unit     the unit as the source states or implies it (an inferred unit says so)
 * @param node     the technology node as the source states it, or why it is unknown
 * @param verified whether the figure was checked in the primary source or a faithful copy (see {@code note})
 * @param note     what was and was not checked
 * @param source   where the figure was read
 */
public record ReferenceFigure(String id, String paper, String subject, double low, double high, String unit,
                              String node, boolean verified, String note, String source) {
    public ReferenceFigure {
        Objects.requireNonNull(id, "id");
        if (!(low > 0) || !(high >= low))
            throw new IllegalArgumentException("figure %s: bad value %s..%s".formatted(id, low, high));
    }

    public boolean isRange() {
        return high != low;
    }

    /** @throws IllegalStateException for a range */
    public double value() {
        if (isRange())
            throw new IllegalStateException("figure %s is a range %s..%s, not a point".formatted(id, low, high));
        return low;
    }

    /** Ours over theirs, for a point figure in the same unit. */
    public double ratio(double ours) {
        return ours / value();
    }

    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
