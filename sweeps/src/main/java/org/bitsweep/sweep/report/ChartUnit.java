package org.bitsweep.sweep.report;

import java.util.List;

import org.bitsweep.sweep.model.Units;

/**
 * A unit for a chart axis, chosen so that tick labels read as plain numbers: results.csv keeps pJ, µm² and seconds, a
 * chart of a 16.7 mJ decode step shows mJ.
 */
record ChartUnit(String symbol, double perBaseUnit) {
    private static final List<ChartUnit> ENERGY = List.of(new ChartUnit("pJ", 1), new ChartUnit("nJ", 1e3),
            new ChartUnit("µJ", 1e6), new ChartUnit("mJ", 1e9), new ChartUnit("J", 1e12));
    private static final List<ChartUnit> AREA = List.of(new ChartUnit("µm²", 1), new ChartUnit("mm²", 1e6));
    private static final List<ChartUnit> TIME = List.of(new ChartUnit("ns", 1e-9), new ChartUnit("µs", 1e-6),
            new ChartUnit("ms", 1e-3), new ChartUnit("s", 1));

    /** The largest unit in which the largest value is still at least 1 (pJ for an all-zero axis). */
    static ChartUnit energyFromPj(double maxPj) {
        return largestBelow(ENERGY, maxPj);
    }

    /** µm² up to 10,000 µm² (0.01 mm²), mm² above. */
    static ChartUnit areaFromUm2(double maxUm2) {
        return maxUm2 >= 1e4 ? AREA.get(1) : AREA.get(0);
    }

    /** The unit a column's values are shown in, given the largest of them: scaled for pJ, µm² and s, else as is. */
    static ChartUnit forColumn(String column, double maxAbs) {
        String unit = Units.of(column);
        return switch (unit) {
            case "pJ" -> energyFromPj(maxAbs);
            case "µm²" -> areaFromUm2(maxAbs);
            case "s" -> largestBelow(TIME, maxAbs);
            default -> new ChartUnit(unit, 1);
        };
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
