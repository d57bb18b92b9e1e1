package org.bitsweep.sim.accelerator;

import java.util.Arrays;
import java.util.Locale;

import org.bitsweep.workloads.UserInputException;

/**
 * What the mapper minimises for each layer: cycles, energy, or their product (the energy-delay product, which
 * neither buys time with energy nor energy with time); for the first two the other quantity breaks ties.
 */
public enum Objective {
    CYCLES("cycles"),
    ENERGY("energy"),
    EDP("edp");

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
                .orElseThrow(() -> new UserInputException("%s: \"%s\"; valid: cycles, energy, edp".formatted(option, text)));
    }

    /** Whether a layer of {@code cycles} and {@code energyPj} is better than the best so far under this objective. */
    public boolean better(double cycles, double energyPj, double bestCycles, double bestEnergyPj) {
        return switch (this) {
            case CYCLES -> cycles < bestCycles || (cycles == bestCycles && energyPj < bestEnergyPj);
            case ENERGY -> energyPj < bestEnergyPj || (energyPj == bestEnergyPj && cycles < bestCycles);
            case EDP -> {
                double edp = cycles * energyPj;
                double best = bestCycles * bestEnergyPj;
                yield edp < best || (edp == best && cycles < bestCycles);
            }
        };
    }
}
