package org.bitsweep.sim;

import java.util.List;
import java.util.Map;

import org.bitsweep.sim.target.TargetResult;

/**
 * A whole trace on one accelerator; the layers run one after another.
 *
 * @param cycles        the layers' cycles, summed
 * @param computeCycles the layers' stall-free compute cycles, summed
 * @param memoryCycles  the layers' DRAM traffic at the DRAM's bandwidth, in cycles, summed
 * @param energy        summed over the layers; leakage is the PE array's over {@code seconds}
 * @param area          the PE array priced; what cannot be priced is listed
 * @param utilization   useful PE-cycles over available PE-cycles, over all layers
 * @param bound         memory when the DRAM traffic alone takes longer than the compute, over the whole trace
 * @param dramBytes     bytes read from and written to DRAM
 * @param pricing       the parts that priced the run; {@link #sources()} names their cost-model rows
 * @param layers        one result per layer of the trace, in its order
 */
public record SimResult(long cycles, long computeCycles, long memoryCycles, long macs, double seconds,
                        EnergyBreakdown energy, AreaBreakdown area, double utilization, Bound bound, long dramBytes,
                        Pricing pricing, List<LayerResult> layers) implements TargetResult {
    public SimResult {
        if (!(layers instanceof LayerResults))
            layers = List.copyOf(layers);
    }

    @Override
    public String boundId() {
        return bound.id();
    }

    @Override
    public double energyPj() {
        return energy.totalPj();
    }

    /** The priced area, µm². */
    public double areaUm2() {
        return area.totalUm2();
    }

    /**
     * Breakdown key (as in {@link EnergyBreakdown#entries()} and {@link AreaBreakdown#entries()}) → the parts that
     * price it, each with the cost-model rows behind it and their source.
     */
    public Map<String, List<String>> sources() {
        return pricing.sources();
    }
}
