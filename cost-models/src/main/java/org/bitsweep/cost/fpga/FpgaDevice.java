package org.bitsweep.cost.fpga;

import java.util.Objects;

/**
 * One FPGA device as {@code fpga/devices.yaml} describes it: the resources a design can use, the board memory's
 * bandwidth and the clock a large accelerator on it typically reaches.
 *
 * @param bram36           36 Kb block RAMs (each is two 18 Kb halves)
 * @param uram             288 Kb UltraRAMs
 * @param countsBasis      where the resource counts were read
 * @param countsVerified   whether they were read in the primary source (see the data file's header)
 * @param countsCheck      what an independent copy confirms
 * @param typicalClockMhz  a design clock, not a silicon limit
 * @param dramGbps         the board memory's peak bandwidth, 10^9 bytes per second
 */
public record FpgaDevice(String id, String name, FpgaFamily family, long luts, long ffs, long dsps, long bram36,
                         long uram, String countsBasis, boolean countsVerified, String countsCheck,
                         double typicalClockMhz, String clockBasis, boolean clockEstimate, double dramGbps,
                         String dramBasis, boolean dramEstimate) {
    public FpgaDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        if (luts < 1 || ffs < 1 || dsps < 0 || bram36 < 0 || uram < 0)
            throw new IllegalArgumentException("device %s: bad resource counts".formatted(id));
        if (!(typicalClockMhz > 0) || !(dramGbps > 0))
            throw new IllegalArgumentException("device %s: clock and DRAM bandwidth must be > 0".formatted(id));
    }

    /** Everything the device has, in the units {@link FpgaResources} counts (block RAM in 18 Kb halves). */
    public FpgaResources capacity() {
        return new FpgaResources(luts, ffs, dsps, 2.0 * bram36, uram);
    }
}
