package org.bitsweep.cost.memory;

/**
 * What one SRAM costs at one node: per access, its area, and its leakage power.
 *
 * @param basis which table points, which interpolation and which node scaling gave these numbers
 */
public record SramPrice(double readPj, double writePj, double areaUm2, double leakageMw, String basis) {
    public SramPrice {
        for (double v : new double[] {readPj, writePj, areaUm2, leakageMw})
            if (!(v > 0) || !Double.isFinite(v))
                throw new IllegalArgumentException("SRAM prices must be finite and > 0: %s, %s, %s, %s"
                        .formatted(readPj, writePj, areaUm2, leakageMw));
    }

    /** Leakage energy in one clock cycle: 1 mW for 1 ns (1000 MHz) is 1 pJ. */
    public double leakagePjPerCycle(double clockMhz) {
        if (!(clockMhz > 0) || !Double.isFinite(clockMhz))
            throw new IllegalArgumentException("clock must be finite and > 0 MHz, got " + clockMhz);
        return leakageMw * 1000 / clockMhz;
    }
}
