package org.bitsweep.sim.accelerator;

import java.util.Arrays;
import java.util.Locale;

import org.bitsweep.workloads.UserInputException;

/** What the mapper minimises for each layer; the other quantity breaks ties. */
public enum Objective {
    CYCLES("cycles"),
    ENERGY("energy");

    private final String id;

    Objective(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Objective parse(String option, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(t)).findFirst()
                .orElseThrow(() -> new UserInputException("%s: \"%s\"; valid: cycles, energy".formatted(option, text)));
    }
}
