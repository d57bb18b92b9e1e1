package org.bitsweep.cost.fpga;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a MAC unit's multipliers are built: in LUTs, or in DSP slices packed as the vendor documents. */
public enum MultiplierStyle {
    LUT, DSP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the valid ids */
    public static MultiplierStyle byId(String id) {
        for (MultiplierStyle s : values())
            if (s.id().equals(id))
                return s;
        throw new IllegalArgumentException("unknown multiplier style \"%s\"; valid: %s".formatted(id, validIds()));
    }

    public static String validIds() {
        return Arrays.stream(values()).map(MultiplierStyle::id).collect(Collectors.joining(", "));
    }
}
