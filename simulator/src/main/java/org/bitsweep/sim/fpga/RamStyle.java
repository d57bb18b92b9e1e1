package org.bitsweep.sim.fpga;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which on-chip RAM holds the weights: block RAM, UltraRAM, or block RAM unless it does not fit ({@code auto}). */
public enum RamStyle {
    AUTO, BRAM, URAM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String validIds() {
        return Arrays.stream(values()).map(RamStyle::id).collect(Collectors.joining(", "));
    }
}
