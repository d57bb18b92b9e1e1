package org.bitsweep.sweep.model;

/** A column to optimize: {@code max} (accuracy) or {@code min} (energy, area). */
public record Objective(String column, boolean maximize) {
    public String direction() {
        return maximize ? "max" : "min";
    }
}
