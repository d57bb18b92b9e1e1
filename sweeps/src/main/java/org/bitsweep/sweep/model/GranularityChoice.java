package org.bitsweep.sweep.model;

import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;

/**
 * A weight granularity as a sweep file or {@code simulate} gives it: one of {@link Granularity}'s forms, or
 * {@code auto}, the one default both share: a block format's own block (32 for MX), groups of 128 for the rest, the
 * group size of BitMoD's, ANT's and the LLM quantization papers' results.
 *
 * @param explicit the granularity given; null for auto
 */
public record GranularityChoice(Granularity explicit) {
    public static final GranularityChoice AUTO = new GranularityChoice(null);
    /** The group size auto gives formats without a block of their own. */
    public static final int DEFAULT_GROUP = 128;

    public static GranularityChoice parse(String text) {
        String t = text == null ? "" : text.trim();
        return t.equals("auto") ? AUTO : new GranularityChoice(Granularity.parse(t));
    }

    /** The granularity the weights get. */
    public Granularity resolve(NumberFormat weights) {
        if (explicit != null)
            return explicit;
        return weights instanceof MxFormat mx ? Granularity.group(mx.blockSize()) : Granularity.group(DEFAULT_GROUP);
    }

    public boolean isAuto() {
        return explicit == null;
    }

    @Override
    public String toString() {
        return explicit == null ? "auto" : explicit.toString();
    }
}
