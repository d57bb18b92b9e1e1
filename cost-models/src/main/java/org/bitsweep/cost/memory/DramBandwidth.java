package org.bitsweep.cost.memory;

/**
 * How fast one DRAM technology moves data: the peak rate of one unit (a channel, a stack or a device) and how many
 * units its default configuration has.
 *
 * @param gbpsPerUnit   peak GB/s (10^9 bytes per second) of one unit
 * @param unit          what one unit is: "channel", "stack" or "device"
 * @param defaultUnits  units in the default configuration
 * @param configuration the default configuration in words, e.g. "one HBM2 stack: eight 128-bit channels ..."
 * @param basis         the {@code source:} or {@code estimate:} text of the bandwidth
 * @param estimate      true where the bandwidth is derived rather than read
 */
public record DramBandwidth(double gbpsPerUnit, String unit, int defaultUnits, String configuration, String basis,
                            boolean estimate) {
    public DramBandwidth {
        if (!(gbpsPerUnit > 0) || !Double.isFinite(gbpsPerUnit))
            throw new IllegalArgumentException("GB/s per unit must be finite and > 0, got " + gbpsPerUnit);
        if (defaultUnits < 1)
            throw new IllegalArgumentException("default units must be >= 1, got " + defaultUnits);
    }

    /** Peak GB/s of the default configuration. */
    public double defaultGbps() {
        return gbps(defaultUnits);
    }

    /** Peak GB/s of {@code units} units side by side. */
    public double gbps(int units) {
        if (units < 1)
            throw new IllegalArgumentException("units must be >= 1, got " + units);
        return gbpsPerUnit * units;
    }
}
