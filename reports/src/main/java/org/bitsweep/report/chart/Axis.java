package org.bitsweep.report.chart;

import java.util.Objects;

/**
 * One chart axis. The label carries the unit, e.g. {@code "energy per token (pJ)"}, because a chart that leaves
 * its file is read without the sweep that made it.
 */
public record Axis(String label, AxisScale scale) {
    public Axis {
        Objects.requireNonNull(label, "axis label");
        Objects.requireNonNull(scale, "scale of axis " + label);
        if (label.isBlank())
            throw new IllegalArgumentException("axis label must not be blank; give the quantity and its unit");
    }

    /** An axis whose scale is chosen from the data ({@link AxisScale#AUTO}). */
    public static Axis auto(String label) { return new Axis(label, AxisScale.AUTO); }
}
