package org.bitsweep.cost.memory;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.NodeScaling;
import org.bitsweep.cost.TechNode;
import org.bitsweep.cost.NotPricedException;

/**
 * Prices an on-chip SRAM, a scratchpad with one read-write port, at one node from CACTI 7 runs
 * ({@code memory/sram-cacti.yaml}): the energy of one read and one write of {@code widthBits} bits, the area of the
 * whole array, and its leakage power. A shape is its capacity in bytes, its access width in bits and its bank count.
 *
 * <p>At a node CACTI models (90, 65, 45, 32, 28 and 22 nm) the prices are CACTI's, interpolated between grid shapes
 * as the data file states. Below CACTI's smallest node they are the 22 nm prices times Stillmaker & Baas's factors
 * from 22 nm to that node, the node scaling the rest of cost-models uses ({@code asic/node-scaling.yaml}), with 22 nm
 * placed between that table's 32 and 20 nm nodes as the data file states.
 *
 * <p>This model stands beside {@link AsicCostModel}'s Horowitz-based SRAM prices and does not change them.
 */
public final class SramModel {
    private static final SramTable TABLE = SramTable.bundled();
    private static final NodeScaling SCALING = AsicCostModel.nodeScaling();
    private static final TechNode SCALE_FROM = referenceNode();

    private final String node;
    private final SramGrid grid;
    /** Factors from the grid's node to this one; 1 at a CACTI node. */
    private final double energyFactor;
    private final double areaFactor;
    private final double leakageFactor;

    private SramModel(String node, SramGrid grid, double energyFactor, double areaFactor, double leakageFactor) {
        this.node = node;
        this.grid = grid;
        this.energyFactor = energyFactor;
        this.areaFactor = areaFactor;
        this.leakageFactor = leakageFactor;
    }

    /** @throws NotPricedException for a node neither CACTI nor the node scaling reaches; the message lists them */
    public static SramModel at(String node) {
        SramGrid g = TABLE.grid(node);
        if (g != null)
            return new SramModel(node, g, 1, 1, 1);
        if (!scaledNodes().contains(node))
            throw new NotPricedException("no SRAM prices at node \"%s\"; nodes: %s".formatted(node,
                    String.join(", ", nodes())));
        TechNode target = SCALING.node(node);
        double energy = target.energyPolynomial(SCALING.vddV()) / SCALE_FROM.energyPolynomial(SCALING.vddV());
        // Leakage follows the energy factor, as asic/node-scaling.yaml's leakage: rule says for all logic.
        return new SramModel(node, TABLE.grid(TABLE.scaleFrom()), energy, target.areaFactor() / SCALE_FROM.areaFactor(),
                energy);
    }

    /** CACTI's nodes, largest first, then the nodes priced by scaling from the smallest of them. */
    public static List<String> nodes() {
        List<String> nodes = new ArrayList<>(TABLE.grids().stream().map(SramGrid::node).toList());
        nodes.addAll(scaledNodes());
        return List.copyOf(nodes);
    }

    public String node() {
        return node;
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
                + "between %s and %s; %s)".formatted(TABLE.scaleFromBetween().get(0), TABLE.scaleFromBetween().get(1),
                SramTable.FILE);
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

    /** The file's statements of its rules, for reports. */
    public static String rules() {
        return "interpolation: %s leakage: %s node scaling: %s".formatted(TABLE.interpolation(), TABLE.leakage(),
                TABLE.scaling());
    }

    private static List<String> scaledNodes() {
        return SCALING.nodes().stream().filter(n -> n.featureNm() < SCALE_FROM.featureNm())
                .filter(n -> TABLE.grid(n.name()) == null).map(TechNode::name).toList();
    }

    private static TechNode referenceNode() {
        TechNode a = SCALING.node(TABLE.scaleFromBetween().get(0));
        TechNode b = SCALING.node(TABLE.scaleFromBetween().get(1));
        TechNode lo = a.featureNm() < b.featureNm() ? a : b;
        TechNode hi = lo == a ? b : a;
        return TechNode.between(TABLE.scaleFrom(), TABLE.scaleFromFeatureNm(), lo, hi, TABLE.scaleFromBasis());
    }
}
