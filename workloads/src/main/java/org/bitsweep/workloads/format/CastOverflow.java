package org.bitsweep.workloads.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a dtype cast does with a value beyond the largest finite one. */
public enum CastOverflow {
    /** Clamp to the largest finite value of the same sign. */
    SATURATE,
    /** Become NaN (the OCP FP8 non-saturating mode of E4M3, and ml_dtypes' casts to fn types). */
    NAN,
    /** Become ±∞ (IEEE 754). */
    INF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String validIds() {
        return Arrays.stream(values()).map(CastOverflow::id).collect(Collectors.joining(", "));
    }
}
