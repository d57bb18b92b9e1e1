package org.bitsweep.workloads.format;

/** How a quantizer chooses a group's scale for a format, unless the format brings its own (MX, OliVe). */
public enum ScaleRule {
    /** The group's clipping value (its largest magnitude under min-max calibration) maps to the format's largest. */
    ABSMAX,
    /**
     * The scale is the group's mean magnitude, and x/scale is rounded onto the grid: BitNet b1.58's absmean
     * ternary quantization, and sign × mean|w| for binary weights.
     */
    ABSMEAN
}
