package org.bitsweep.pe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Component;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * One PE for one pair of formats, counted and priced at one node: what {@code bitsweep pes describe} prints.
 * Value-dependent timing is taken with the PE's own statistics (or its worst case), as for a layer with no trace.
 * Per-group dequantization is spread over the layer's group ({@link #grouped}), or over
 * {@link GroupDequantizing#DEFAULT_GROUP_SIZE} MACs where no layer is given (int-mac then counts none).
 *
 * @param areaUm2            the whole PE, all lanes
 * @param dequantizerAreaUm2 one per-group dequantization unit, for PEs that have one ({@link GroupDequantizing}),
 *                           else 0; not in {@code areaUm2}
 * @param energyPerMacPj     dynamic energy of one MAC (one lane's share of shared work included)
 * @param inventory          what is built, part by part, in the PE's order: the sum of the areas is {@code areaUm2}
 * @param activityPerMac     what toggles per MAC, part by part: the sum of the energies is {@code energyPerMacPj}
 */
public record PeDescription(String pe, String formats, String node, double areaUm2, double dequantizerAreaUm2,
                            double energyPerMacPj, long cyclesPerMac, double meanCyclesPerMac, int lanes,
                            String operands, List<Built> inventory, List<Toggled> activityPerMac) {
    public PeDescription {
        inventory = List.copyOf(inventory);
        activityPerMac = List.copyOf(activityPerMac);
    }

    /** {@code count} instances of a part, {@code areaUm2} for all of them, and where the price comes from. */
    public record Built(String part, int count, double areaUm2, String basis) {
    }

    /** {@code operations} of a part per MAC, costing {@code energyPj} in all, and where the price comes from. */
    public record Toggled(String part, double operations, double energyPj, String basis) {
    }

    /** @throws UserInputException when the PE cannot run the formats; the message lists what it runs */
    public static PeDescription of(PeModel pe, OperandFormats f, AsicCostModel cost) {
        return of(pe, f, cost, null);
    }

    /**
     * The PE as it runs layer {@code t} (null: no layer), whose group size sets each MAC's share of a dequantization.
     *
     * @throws UserInputException when the PE cannot run the formats; the message lists what it runs
     */
    public static PeDescription of(PeModel pe, OperandFormats f, AsicCostModel cost, LayerTrace t) {
        if (!pe.supports(f))
            throw new UserInputException(pe.unsupportedReason(f));
        Inventory inv = pe.inventory(f);
        Activity act = pe.activityPerMac(f, t);
        List<Built> built = new ArrayList<>();
        inv.counts().forEach((p, n) -> built.add(new Built(p.label(), n, n * cost.areaUm2(p), cost.basis(p))));
        List<Toggled> toggled = new ArrayList<>();
        act.counts().forEach((p, n) -> toggled.add(new Toggled(p.label(), n, n * cost.energyPj(p), cost.basis(p))));
        double dequantizer = pe instanceof GroupDequantizing g ? cost.areaUm2(g.dequantizerInventory(f)) : 0;
        return new PeDescription(pe.id(), f.toString(), cost.node(), cost.areaUm2(inv), dequantizer, cost.energyPj(act),
                pe.cyclesPerMac(f, t), pe.meanCyclesPerMac(f, t), pe.lanes(), pe.operands(f).description(),
                built, toggled);
    }

    /**
     * A one-layer trace whose weights share a scale per {@code groupSize} weights along k: a 1 × 1 × 2·groupSize GEMM
     * in groups of {@code groupSize} (two groups, so each output sums rescaled groups), one dequantization per
     * {@code groupSize} MACs.
     */
    public static LayerTrace grouped(OperandFormats f, int groupSize) {
        if (groupSize < 1)
            throw new IllegalArgumentException("group size must be >= 1, got " + groupSize);
        return new LayerTrace(new Layer("groups of " + groupSize, new GemmShape(1, 1, 2L * groupSize)), f,
                f.weight().bits(), f.activation().bits()).withWeightGroupSize(groupSize);
    }

    /** Part label → count: the inventory without prices. */
    public Map<String, Integer> inventoryCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        inventory.forEach(b -> counts.merge(b.part(), b.count(), Integer::sum));
        return counts;
    }

    /** Area per lane: what one MAC stream costs in silicon. */
    public double areaPerLaneUm2() {
        return areaUm2 / lanes;
    }

    /** Energy of the MAC datapath alone, registers left out, as Horowitz-style per-operation tables count it. */
    public static double datapathEnergyPj(Activity activity, AsicCostModel cost) {
        double sum = 0;
        for (Map.Entry<Part, Double> e : activity.counts().entrySet())
            if (e.getKey().component() != Component.REGISTER)
                sum += e.getValue() * cost.energyPj(e.getKey());
        return sum;
    }
}
