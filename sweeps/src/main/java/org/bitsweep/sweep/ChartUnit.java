package org.bitsweep.sweep;

import java.util.List;

/**
 * A unit for a chart axis, chosen so that tick labels read as plain numbers: results.csv keeps pJ and µm², a chart
 * of a 16.7 mJ decode step shows mJ.
 */
record ChartUnit(String symbol, double perBaseUnit) {
    private static final List<ChartUnit> ENERGY = List.of(new ChartUnit("pJ", 1), new ChartUnit("nJ", 1e3),
            new ChartUnit("µJ", 1e6), new ChartUnit("mJ", 1e9), new ChartUnit("J", 1e12));
    private static final List<ChartUnit> AREA = List.of(new ChartUnit("µm²", 1), new ChartUnit("mm²", 1e6));

    /** The largest unit in which the largest value is still at least 1 (pJ for an all-zero axis). */
    static ChartUnit energyFromPj(double maxPj) {
        return largestBelow(ENERGY, maxPj);
    }

    /** µm² up to 10,000 µm² (0.01 mm²), mm² above. */
    static ChartUnit areaFromUm2(double maxUm2) {
        return maxUm2 >= 1e4 ? AREA.get(1) : AREA.get(0);
    }

    double convert(double baseValue) {
        return baseValue / perBaseUnit;
    }

    private static ChartUnit largestBelow(List<ChartUnit> units, double max) {
        ChartUnit pick = units.get(0);
        for (ChartUnit u : units)
            if (max >= u.perBaseUnit)
                pick = u;
        return pick;
    }
}
