package org.bitsweep.cost;

/** A price the source gives as a range (Horowitz's DRAM access, 1.3 to 2.6 nJ); equal ends where it gives a point. */
public record EnergyRange(double lowPj, double highPj) {
    public EnergyRange {
        if (!(lowPj > 0) || !(highPj >= lowPj))
            throw new IllegalArgumentException("bad energy range %s..%s pJ".formatted(lowPj, highPj));
    }

    public EnergyRange times(double factor) {
        return new EnergyRange(lowPj * factor, highPj * factor);
    }
}
