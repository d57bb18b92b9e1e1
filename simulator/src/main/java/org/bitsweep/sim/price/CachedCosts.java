package org.bitsweep.sim.price;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;

/**
 * The cost model's prices, remembered per (node, part). An {@link AsicCostModel} is a pure function of its node over
 * bundled tables, and pricing one part there takes microseconds (it interpolates with streams and formats its basis);
 * a sweep prices the same few dozen parts millions of times.
 */
public final class CachedCosts {
    private record Key(String node, Part part) {
    }

    private static final Map<Key, Double> ENERGY_PJ = new ConcurrentHashMap<>();
    private static final Map<Key, Double> AREA_UM2 = new ConcurrentHashMap<>();
    private static final Map<Key, Double> LEAKAGE_UW = new ConcurrentHashMap<>();
    private static final Map<Key, String> BASIS = new ConcurrentHashMap<>();

    private record SramKey(String node, long capacityBytes, boolean write) {
    }

    private static final Map<SramKey, Double> SRAM_PJ_PER_BIT = new ConcurrentHashMap<>();

    private CachedCosts() {
    }

    public static double energyPj(AsicCostModel cost, Part p) {
        return ENERGY_PJ.computeIfAbsent(new Key(cost.node(), p), k -> cost.energyPj(p));
    }

    public static double areaUm2(AsicCostModel cost, Part p) {
        return AREA_UM2.computeIfAbsent(new Key(cost.node(), p), k -> cost.areaUm2(p));
    }

    public static double leakageUw(AsicCostModel cost, Part p) {
        return LEAKAGE_UW.computeIfAbsent(new Key(cost.node(), p), k -> cost.leakageUw(p));
    }

    /** {@link AsicCostModel#basis(Part)}, prefixed with the part. */
    public static String basis(AsicCostModel cost, Part p) {
        return BASIS.computeIfAbsent(new Key(cost.node(), p), k -> p + ": " + cost.basis(p));
    }

    /**
     * Energy per bit of an SRAM access at this capacity: the table's access (of {@link AsicCostModel#sramAccessBits()}
     * bits) over its bits, since the tables scale linearly in width.
     */
    public static double sramPjPerBit(AsicCostModel cost, long capacityBytes, boolean write) {
        return SRAM_PJ_PER_BIT.computeIfAbsent(new SramKey(cost.node(), capacityBytes, write), k -> {
            Part p = write ? Part.sramWrite(capacityBytes) : Part.sramRead(capacityBytes);
            return energyPj(cost, p) / cost.sramAccessBits();
        });
    }

    /** An activity's energy: each part's count times its price. */
    public static double energyPj(AsicCostModel cost, Activity activity) {
        double sum = 0;
        for (Map.Entry<Part, Double> e : activity.counts().entrySet())
            sum += e.getValue() * energyPj(cost, e.getKey());
        return sum;
    }

    public static double areaUm2(AsicCostModel cost, Inventory inventory) {
        double sum = 0;
        for (Map.Entry<Part, Integer> e : inventory.counts().entrySet())
            sum += e.getValue() * areaUm2(cost, e.getKey());
        return sum;
    }

    public static double leakageUw(AsicCostModel cost, Inventory inventory) {
        double sum = 0;
        for (Map.Entry<Part, Integer> e : inventory.counts().entrySet())
            sum += e.getValue() * leakageUw(cost, e.getKey());
        return sum;
    }
}
