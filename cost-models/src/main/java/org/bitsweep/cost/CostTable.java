package org.bitsweep.cost;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The rows of one component's data file and the one scaling rule every file states: between two neighbouring
 * rows of a node, a power law in size (a straight line on log-log axes); beyond the table, the nearest segment's
 * power law; with a single row, proportional to size. Memory tables price one access of {@code accessBits} bits;
 * an access of another width costs in proportion to its bits.
 *
 * @param scaling        the file's own statement of the rule and why it fits that component
 * @param accessBits     bits per priced access for memory tables (0 for logic and for DRAM, whose size is its bits)
 * @param scalesWithNode whether prices at other nodes follow the logic node scaling ({@code node_scaling:} in the
 *                       file); off-chip DRAM does not
 */
public record CostTable(Component component, String scaling, int accessBits, boolean scalesWithNode,
                        List<CostEntry> entries) {
    public CostTable {
        entries = entries.stream().sorted(Comparator.comparingLong(CostEntry::size)).toList();
    }

    /** A table whose prices follow the node scaling. */
    public CostTable(Component component, String scaling, int accessBits, List<CostEntry> entries) {
        this(component, scaling, accessBits, true, entries);
    }

    public List<String> nodes() {
        return entries.stream().map(CostEntry::node).distinct().toList();
    }

    public double energyPj(String node, long size) {
        return interpolate(rows(node, e -> true), size, CostEntry::energyPj);
    }

    /** Energy of one access of {@code bits} bits (0: the table's own width); for logic, {@code bits} must be 0. */
    public double energyPj(String node, long size, int bits) {
        return energyPj(node, size) * widthFactor(bits);
    }

    /**
     * The low and high end of the price where the rows carry a range (every row of the node must), else the
     * point price at both ends.
     */
    public EnergyRange energyRangePj(String node, long size, int bits) {
        List<CostEntry> rows = rows(node, e -> true);
        double low = interpolate(rows, size, CostEntry::energyPj) * widthFactor(bits);
        if (!rows.stream().allMatch(CostEntry::hasRange))
            return new EnergyRange(low, low);
        return new EnergyRange(low, interpolate(rows, size, CostEntry::energyPjMax) * widthFactor(bits));
    }

    public double areaUm2(String node, long size) {
        List<CostEntry> rows = rows(node, CostEntry::hasArea);
        if (rows.isEmpty())
            throw new IllegalStateException("asic/%s.yaml has no sourced area at %s".formatted(component.id(), node));
        return interpolate(rows, size, CostEntry::areaUm2);
    }

    /** The rows a price at this size is derived from, with how. */
    public String basis(String node, long size) {
        List<CostEntry> rows = rows(node, e -> true);
        for (CostEntry e : rows)
            if (e.size() == size)
                return "table row %s size %d: %s".formatted(node, size, e.basis());
        int[] seg = segment(rows, size);
        if (seg[0] == seg[1])
            return "proportional to size from the %s row of size %d: %s"
                    .formatted(node, rows.get(seg[0]).size(), rows.get(seg[0]).basis());
        return "power law through the %s rows of size %d and %d (asic/%s.yaml scaling rule)"
                .formatted(node, rows.get(seg[0]).size(), rows.get(seg[1]).size(), component.id());
    }

    /** The basis of an access of {@code bits} bits, with the width rule where it applies. */
    public String basis(String node, long size, int bits) {
        String rows = basis(node, size);
        if (bits == 0 || bits == accessBits)
            return rows;
        return rows + "; x %d/%d for a %d-bit access (linear in access width, asic/%s.yaml)"
                .formatted(bits, accessBits, bits, component.id());
    }

    private double widthFactor(int bits) {
        if (bits == 0)
            return 1;
        if (accessBits == 0)
            throw new IllegalStateException("asic/%s.yaml prices no access width; got a %d-bit access"
                    .formatted(component.id(), bits));
        return (double) bits / accessBits;
    }

    private List<CostEntry> rows(String node, Predicate<CostEntry> keep) {
        List<CostEntry> rows = entries.stream().filter(e -> e.node().equals(node)).filter(keep).toList();
        if (rows.isEmpty() && entries.stream().noneMatch(e -> e.node().equals(node)))
            throw new IllegalArgumentException("asic/%s.yaml has no rows for node %s; nodes: %s"
                    .formatted(component.id(), node, nodes()));
        return rows;
    }

    private static double interpolate(List<CostEntry> rows, long size, ToDoubleFunction<CostEntry> value) {
        for (CostEntry e : rows)
            if (e.size() == size)
                return value.applyAsDouble(e);
        int[] seg = segment(rows, size);
        CostEntry lo = rows.get(seg[0]);
        double v0 = value.applyAsDouble(lo);
        if (seg[0] == seg[1])
            return v0 * size / lo.size();
        CostEntry hi = rows.get(seg[1]);
        double exponent = Math.log(value.applyAsDouble(hi) / v0) / Math.log((double) hi.size() / lo.size());
        return v0 * Math.pow((double) size / lo.size(), exponent);
    }

    /** Indices of the two rows whose segment covers {@code size}, or the nearest end segment; equal if one row. */
    private static int[] segment(List<CostEntry> rows, long size) {
        if (rows.size() == 1)
            return new int[] {0, 0};
        int hi = 1;
        while (hi < rows.size() - 1 && rows.get(hi).size() < size)
            hi++;
        return new int[] {hi - 1, hi};
    }
}
