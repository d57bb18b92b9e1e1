package org.bitsweep.sim.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Part;
import org.bitsweep.sim.price.CachedCosts;
import org.bitsweep.workloads.Checks;

/**
 * Off-chip DRAM: one channel that every operand's reads and writes share.
 *
 * @param gbps      bandwidth in 10^9 bytes per second
 * @param pjPerBit  energy per bit moved, read or write
 * @param basis     where {@code pjPerBit} came from: a cost-model entry, or the user
 */
public record Dram(double gbps, double pjPerBit, String basis) {
    public Dram {
        Checks.finitePositive("DRAM GB/s", gbps);
        Checks.finitePositive("DRAM pJ per bit", pjPerBit);
        Checks.nonBlank("DRAM energy basis", basis);
    }

    private static final Map<String, Dram> PRICED = new ConcurrentHashMap<>();

    /** Priced by the cost model's DRAM table (Horowitz's 64-bit access, per bit). */
    public static Dram priced(double gbps, AsicCostModel cost) {
        Dram at = PRICED.computeIfAbsent(cost.node(), node -> new Dram(1,
                CachedCosts.energyPj(cost, Part.dramAccess(1)),
                CachedCosts.basis(cost, Part.dramAccess(64)) + "; priced per bit"));
        return new Dram(gbps, at.pjPerBit, at.basis);
    }

    /** Bytes per cycle of a clock at {@code clockMhz}: GB/s × 10^9 / (MHz × 10^6). */
    public double bytesPerCycle(double clockMhz) {
        return gbps * 1000 / clockMhz;
    }
}
