package org.bitsweep.sim.fpga;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.bitsweep.workloads.UserInputException;

/** Which on-chip RAM holds the weights: block RAM, UltraRAM, or block RAM unless it does not fit ({@code auto}). */
public enum RamStyle {
    AUTO, BRAM, URAM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws UserInputException naming the valid ids */
    public static RamStyle byId(String id) {
        for (RamStyle s : values())
            if (s.id().equals(id))
                return s;
        throw new UserInputException("weight_ram \"%s\"; valid: %s".formatted(id, validIds()));
    }

    public static String validIds() {
        return Arrays.stream(values()).map(RamStyle::id).collect(Collectors.joining(", "));
    }
}
