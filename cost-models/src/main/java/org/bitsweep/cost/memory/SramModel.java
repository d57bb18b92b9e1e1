package org.bitsweep.cost.memory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.NodeScaling;
import org.bitsweep.cost.NotPricedException;
import org.bitsweep.cost.TechNode;

/**
 * Prices an on-chip SRAM, a scratchpad with one read-write port, at one node and of one cell type from CACTI 7 runs
 * ({@code memory/sram-cacti.yaml} for {@link SramCells#HP}, {@code memory/sram-cacti-lstp.yaml} for
 * {@link SramCells#LSTP}, the same shapes and nodes in both): the energy of one read and one write of
 * {@code widthBits} bits, the area of the whole array, and its leakage power. A shape is its capacity in bytes, its
 * access width in bits and its bank count.
 *
 * <p>At a node CACTI models (90, 65, 45, 32, 28 and 22 nm) the prices are CACTI's, interpolated between grid shapes
 * as the data file states. Below CACTI's smallest node they are the 22 nm prices times Stillmaker & Baas's factors
 * from 22 nm to that node, the node scaling the rest of cost-models uses ({@code asic/node-scaling.yaml}), with 22 nm
 * placed between that table's 32 and 20 nm nodes as the data file states.
 *
 * <p>This model stands beside {@link AsicCostModel}'s Horowitz-based SRAM prices and does not change them.
 */
public final class SramModel {
    private static final NodeScaling SCALING = AsicCostModel.nodeScaling();
    private static final Map<SramCells, SramTable> TABLES = bundledTables();

    private final String node;
    private final SramCells cells;
    private final SramTable table;
    private final SramGrid grid;
    /** Factors from the grid's node to this one; 1 at a CACTI node. */
    private final double energyFactor;
    private final double areaFactor;
    private final double leakageFactor;

    private SramModel(String node, SramCells cells, SramTable table, SramGrid grid, double energyFactor,
                      double areaFactor, double leakageFactor) {
        this.node = node;
        this.cells = cells;
        this.table = table;
        this.grid = grid;
        this.energyFactor = energyFactor;
        this.areaFactor = areaFactor;
        this.leakageFactor = leakageFactor;
    }

    /**
     * SRAMs of high-performance cells ({@link SramCells#HP}), as this model priced them before it had a second cell
     * type; the same as {@code at(node, SramCells.HP)}.
     *
     * <p>For an accelerator's buffers, low-standby-power cells ({@link SramCells#LSTP}) are the usual choice. That is
     * an estimate, from one tool's default and the reasoning below: Accelergy's CACTI plug-in, the memory estimator of
     * Timeloop/Accelergy, builds every SRAM from {@code itrs-lstp} cells and periphery by default
     * ({@code Accelergy-Project/accelergy-cacti-plug-in}, {@code default_cfg.cfg}); ZigZag's CACTI template, which
     * BitMoD's simulator uses, keeps CACTI's {@code itrs-hp}. The reasoning (ours): a buffer's words sit idle most
     * cycles, so leakage is paid every cycle and dynamic energy only per access; in CACTI's data HP leaks hundreds of
     * milliwatts per half mebibyte, enough to outweigh an accelerator's dynamic energy, while LSTP leaks hundreds to
     * thousands of times less for reads that cost about 1.4 times as much. What LSTP gives up is speed, which this
     * model does not price: CACTI's random cycle time for LSTP is about 3 to 4 times HP's (docs/cost-models.md gives
     * examples), so a fast clock needs more banks or more cycles per access. A caller that adds SRAM leakage to a
     * design's energy should ask for LSTP.
     *
     * @throws NotPricedException for a node neither CACTI nor the node scaling reaches; the message lists them
     */
    public static SramModel at(String node) {
        return at(node, SramCells.HP);
    }

    /** @throws NotPricedException for a node neither CACTI nor the node scaling reaches; the message lists them */
    public static SramModel at(String node, SramCells cells) {
        Objects.requireNonNull(cells, "SRAM cell type");
        SramTable table = TABLES.get(cells);
        SramGrid g = table.grid(node);
        if (g != null)
            return new SramModel(node, cells, table, g, 1, 1, 1);
        if (!scaledNodes(table).contains(node))
            throw new NotPricedException("no SRAM prices at node \"%s\"; nodes: %s".formatted(node,
                    String.join(", ", nodes(table))));
        TechNode target = SCALING.node(node);
        TechNode from = referenceNode(table);
        double energy = target.energyPolynomial(SCALING.vddV()) / from.energyPolynomial(SCALING.vddV());
        // Leakage follows the energy factor, as asic/node-scaling.yaml's leakage: rule says for all logic. For LSTP
        // cells that is probably low: CACTI's LSTP leakage rises from 45 to 22 nm (sram-cacti-lstp.yaml's rule).
        return new SramModel(node, cells, table, table.grid(table.scaleFrom()), energy,
                target.areaFactor() / from.areaFactor(), energy);
    }

    /**
     * CACTI's nodes, largest first, then the nodes priced by scaling from the smallest of them; the same for every
     * cell type (checked when the files are read).
     */
    public static List<String> nodes() {
        return nodes(TABLES.get(SramCells.HP));
    }

    public String node() {
        return node;
    }

    public SramCells cells() {
        return cells;
    }

    /** Whether prices here are CACTI's own (true) or scaled from CACTI's smallest node (false). */
    public boolean fromCacti() {
        return grid.node().equals(node);
    }

    public double readPj(long capacityBytes, int widthBits, int banks) {
        return energyFactor * grid.price(capacityBytes, widthBits, banks, SramPoint::readPj);
    }

    public double writePj(long capacityBytes, int widthBits, int banks) {
        return energyFactor * grid.price(capacityBytes, widthBits, banks, SramPoint::writePj);
    }

    public double areaUm2(long capacityBytes, int widthBits, int banks) {
        return areaFactor * grid.price(capacityBytes, widthBits, banks, SramPoint::areaUm2);
    }

    /** Leakage of the whole SRAM, every bank. */
    public double leakageMw(long capacityBytes, int widthBits, int banks) {
        return leakageFactor * grid.price(capacityBytes, widthBits, banks, SramPoint::leakageMw);
    }

    /** All four prices and their basis. */
    public SramPrice price(long capacityBytes, int widthBits, int banks) {
        return new SramPrice(readPj(capacityBytes, widthBits, banks), writePj(capacityBytes, widthBits, banks),
                areaUm2(capacityBytes, widthBits, banks), leakageMw(capacityBytes, widthBits, banks),
                basis(capacityBytes, widthBits, banks));
    }

    /** Which CACTI points and rules priced this shape here. */
    public String basis(long capacityBytes, int widthBits, int banks) {
        String points = grid.basis(capacityBytes, widthBits, banks);
        if (fromCacti())
            return points;
        return "%s; scaled %s -> %s: energy and leakage x %.4f, area x %.4f (Stillmaker & Baas at %s V, %s placed "
                .formatted(points, grid.node(), node, energyFactor, areaFactor, SCALING.vddV(), grid.node())
                + "between %s and %s; %s)".formatted(table.scaleFromBetween().get(0), table.scaleFromBetween().get(1),
                table.file());
    }

    /** The shapes the table has at this node's CACTI grid: capacities, widths and bank counts, for callers to check. */
    public long[] capacities() {
        return grid.capacities();
    }

    public long[] widths() {
        return grid.widths();
    }

    public long[] bankCounts() {
        return grid.bankCounts();
    }

    /** The HP file's statements of its rules, for reports; {@link #rules(SramCells)} for either file. */
    public static String rules() {
        return rules(SramCells.HP);
    }

    public static String rules(SramCells cells) {
        SramTable t = TABLES.get(cells);
        return "interpolation: %s leakage: %s node scaling: %s".formatted(t.interpolation(), t.leakage(), t.scaling());
    }

    private static Map<SramCells, SramTable> bundledTables() {
        Map<SramCells, SramTable> tables = new EnumMap<>(SramCells.class);
        for (SramCells c : SramCells.values())
            tables.put(c, SramTable.bundled(c));
        for (SramTable t : tables.values())
            requireSameNodes(t, tables.get(SramCells.HP));
        return tables;
    }

    /** The grids are meant to be compared point by point, so every cell type prices the same nodes the same way. */
    static void requireSameNodes(SramTable table, SramTable hp) {
        if (!nodes(table).equals(nodes(hp)) || !table.scaleFrom().equals(hp.scaleFrom()))
            throw new IllegalStateException("%s prices nodes %s from %s; %s prices %s from %s".formatted(table.file(),
                    nodes(table), table.scaleFrom(), hp.file(), nodes(hp), hp.scaleFrom()));
    }

    private static List<String> nodes(SramTable table) {
        List<String> nodes = new ArrayList<>(table.grids().stream().map(SramGrid::node).toList());
        nodes.addAll(scaledNodes(table));
        return List.copyOf(nodes);
    }

    private static List<String> scaledNodes(SramTable table) {
        double below = referenceNode(table).featureNm();
        return SCALING.nodes().stream().filter(n -> n.featureNm() < below)
                .filter(n -> table.grid(n.name()) == null).map(TechNode::name).toList();
    }

    private static TechNode referenceNode(SramTable table) {
        TechNode a = SCALING.node(table.scaleFromBetween().get(0));
        TechNode b = SCALING.node(table.scaleFromBetween().get(1));
        TechNode lo = a.featureNm() < b.featureNm() ? a : b;
        TechNode hi = lo == a ? b : a;
        return TechNode.between(table.scaleFrom(), table.scaleFromFeatureNm(), lo, hi, table.scaleFromBasis());
    }
}
