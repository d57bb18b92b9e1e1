package org.bitsweep.pe;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an accumulator does when a sum leaves its range. */
public enum Overflow {
    /** Keep the low bits: two's complement wrap-around, what a plain adder does. */
    WRAP,
    /** Clamp to the largest or smallest value, at every step. */
    SATURATE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String validIds() {
        return Arrays.stream(values()).map(Overflow::id).collect(Collectors.joining(", "));
    }
}
