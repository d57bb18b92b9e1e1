package org.bitsweep.cost;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Prices parts and activity at one ASIC technology node from the bundled tables. Every number it returns comes from
 * a table row or from the table's stated scaling rule; {@link #basis(Part)} says which.
 */
public final class AsicCostModel {
    private static final Map<Component, CostTable> TABLES = loadAll();

    private final String node;

    private AsicCostModel(String node) {
        this.node = node;
    }

    /** @throws IllegalArgumentException for a node with no rows; check {@link #nodes()} first for user input */
    public static AsicCostModel at(String node) {
        if (!nodes().contains(node))
            throw new IllegalArgumentException("no cost tables for node " + node + "; nodes: " + nodes());
        return new AsicCostModel(node);
    }

    /** Nodes that every component table covers. */
    public static List<String> nodes() {
        return TABLES.get(Component.INT_ADDER).nodes().stream()
                .filter(n -> TABLES.values().stream().allMatch(t -> t.nodes().contains(n))).toList();
    }

    public String node() {
        return node;
    }

    /** Bits one SRAM read moves; the sram-read rows price one such access (64 in Horowitz's figure). */
    public int sramAccessBits() {
        return TABLES.get(Component.SRAM_READ).accessBits();
    }

    /** Energy of one operation of the part: one add, one multiply, one register write, one SRAM read. */
    public double energyPj(Part part) {
        return TABLES.get(part.component()).energyPj(node, part.size());
    }

    public double areaUm2(Part part) {
        return TABLES.get(part.component()).areaUm2(node, part.size());
    }

    public String basis(Part part) {
        return TABLES.get(part.component()).basis(node, part.size());
    }

    public double energyPj(Activity activity) {
        double sum = 0;
        for (Map.Entry<Part, Double> e : activity.counts().entrySet())
            sum += e.getValue() * energyPj(e.getKey());
        return sum;
    }

    public double areaUm2(Inventory inventory) {
        double sum = 0;
        for (Map.Entry<Part, Integer> e : inventory.counts().entrySet())
            sum += e.getValue() * areaUm2(e.getKey());
        return sum;
    }

    private static Map<Component, CostTable> loadAll() {
        Map<Component, CostTable> tables = new EnumMap<>(Component.class);
        for (Component c : Component.values())
            tables.put(c, CostTableLoader.bundled(c));
        return tables;
    }
}
