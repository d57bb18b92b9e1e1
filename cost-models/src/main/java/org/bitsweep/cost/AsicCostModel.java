package org.bitsweep.cost;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Prices parts and activity at one ASIC technology node from the bundled tables. Every number it returns comes from
 * a table row or from the table's stated scaling rule; {@link #basis(Part)} says which. A table's rows are at the
 * base node (45 nm); at any other node in {@code asic/node-scaling.yaml} a price is the base price times that node's
 * energy or area factor (Stillmaker & Baas 2017), except for tables that say they do not follow the logic node
 * (off-chip DRAM). A table with rows of its own at a node is priced from them there, unscaled.
 */
public final class AsicCostModel {
    private static final Map<Component, CostTable> TABLES = loadAll();
    private static final NodeScaling SCALING = NodeScaling.bundled();
    private static final LeakageTable LEAKAGE = LeakageTable.bundled();

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

    /**
     * Nodes every component can be priced at: those the node scaling reaches from a base node that every table has
     * rows for (largest feature size first), then any node every table has rows of its own for.
     */
    public static List<String> nodes() {
        List<String> common = TABLES.get(Component.INT_ADDER).nodes().stream()
                .filter(n -> TABLES.values().stream().allMatch(t -> t.nodes().contains(n))).toList();
        List<String> nodes = new ArrayList<>();
        if (common.contains(SCALING.baseNode()))
            nodes.addAll(SCALING.nodeNames());
        common.stream().filter(n -> !nodes.contains(n)).forEach(nodes::add);
        return List.copyOf(nodes);
    }

    /** The node whose tables every other node's prices derive from. */
    public static String baseNode() {
        return SCALING.baseNode();
    }

    /** The node scaling, with its factors and sources, for reports. */
    public static NodeScaling nodeScaling() {
        return SCALING;
    }

    public String node() {
        return node;
    }

    /** Energy per operation here over energy at the base node (1 at the base node). */
    public double energyFactor() {
        return SCALING.nodeNames().contains(node) ? SCALING.energyFactor(node) : 1;
    }

    /** Area here over area at the base node (1 at the base node). */
    public double areaFactor() {
        return SCALING.nodeNames().contains(node) ? SCALING.areaFactor(node) : 1;
    }

    /** Bits one SRAM access moves in the tables; the sram rows price one such access (64 in Horowitz's figure). */
    public int sramAccessBits() {
        return TABLES.get(Component.SRAM_READ).accessBits();
    }

    /**
     * Energy of one operation of the part: one add, one multiply, one shift, one register write, one SRAM read or
     * write, one DRAM access.
     */
    public double energyPj(Part part) {
        CostTable t = TABLES.get(part.component());
        return t.energyPj(rowsNode(t), part.size(), part.accessBits()) * energyScale(t);
    }

    /** The price's range where the source gives one (DRAM); a point price at both ends otherwise. */
    public EnergyRange energyRangePj(Part part) {
        CostTable t = TABLES.get(part.component());
        return t.energyRangePj(rowsNode(t), part.size(), part.accessBits()).times(energyScale(t));
    }

    /** DRAM energy per bit moved, at the priced end of the source's range. */
    public double dramEnergyPjPerBit() {
        return energyPj(Part.dramAccess(1));
    }

    public double areaUm2(Part part) {
        CostTable t = TABLES.get(part.component());
        return t.areaUm2(rowsNode(t), part.size()) * (scaled(t) ? SCALING.areaFactor(node) : 1);
    }

    /**
     * Leakage power of one instance of the part: the part's area in its table (at the base node) times the leakage
     * density of its kind of logic ({@code asic/leakage.yaml}), times the node's leakage factor.
     *
     * @throws IllegalStateException for parts with no sourced leakage or no sourced area (memories)
     */
    public double leakageUw(Part part) {
        CostTable t = TABLES.get(part.component());
        double density = LEAKAGE.density(part.component()).uwPerUm2();
        return t.areaUm2(rowsNode(t), part.size()) * density * (scaled(t) ? SCALING.leakageFactor(node) : 1);
    }

    /** How {@link #energyPj(Part)} and {@link #areaUm2(Part)} got their numbers: rows, rules, node scaling. */
    public String basis(Part part) {
        CostTable t = TABLES.get(part.component());
        String rows = t.basis(rowsNode(t), part.size(), part.accessBits());
        if (rowsNode(t).equals(node))
            return rows;
        if (!t.scalesWithNode())
            return rows + "; the same at " + node + ": asic/" + t.component().id() + ".yaml does not follow the logic node";
        return rows + "; " + SCALING.basis(node);
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

    public double leakageUw(Inventory inventory) {
        double sum = 0;
        for (Map.Entry<Part, Integer> e : inventory.counts().entrySet())
            sum += e.getValue() * leakageUw(e.getKey());
        return sum;
    }

    /** The node whose rows price this table here: this node if the table has rows for it, else the base node. */
    private String rowsNode(CostTable t) {
        return t.nodes().contains(node) ? node : SCALING.baseNode();
    }

    private boolean scaled(CostTable t) {
        return !rowsNode(t).equals(node) && t.scalesWithNode();
    }

    private double energyScale(CostTable t) {
        return scaled(t) ? SCALING.energyFactor(node) : 1;
    }

    private static Map<Component, CostTable> loadAll() {
        Map<Component, CostTable> tables = new EnumMap<>(Component.class);
        for (Component c : Component.values())
            tables.put(c, CostTableLoader.bundled(c));
        return tables;
    }
}
