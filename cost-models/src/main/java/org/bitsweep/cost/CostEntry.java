package org.bitsweep.cost;

import java.util.Objects;

/**
 * One row of a cost table: a measured (or estimated) component of a given size at a node.
 *
 * @param areaUm2     NaN where the table gives energy only
 * @param basis       the {@code source:} or {@code estimate:} text of the row, carried into every price it makes
 * @param estimate    whether the row is an estimate rather than read from a source
 * @param energyPjMax the top of the range where the source gives a range rather than a point (DRAM), else NaN;
 *                    {@code energyPj} is then the end the file chose to price, and says why
 */
public record CostEntry(String node, long size, double energyPj, double areaUm2, String basis, boolean estimate,
                        double energyPjMax) {
    public CostEntry {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(basis, "basis");
        if (size < 1 || !(energyPj > 0) || !(Double.isNaN(areaUm2) || areaUm2 > 0))
            throw new IllegalArgumentException("bad cost entry: size %d, energy %s pJ, area %s um2"
                    .formatted(size, energyPj, areaUm2));
        if (!Double.isNaN(energyPjMax) && !(energyPjMax >= energyPj))
            throw new IllegalArgumentException("bad cost entry: energy range %s..%s pJ".formatted(energyPj, energyPjMax));
    }

    /** A row priced at a point. */
    public CostEntry(String node, long size, double energyPj, double areaUm2, String basis, boolean estimate) {
        this(node, size, energyPj, areaUm2, basis, estimate, Double.NaN);
    }

    public boolean hasArea() {
        return !Double.isNaN(areaUm2);
    }

    public boolean hasRange() {
        return !Double.isNaN(energyPjMax);
    }
}
