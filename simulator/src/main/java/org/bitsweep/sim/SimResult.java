package org.bitsweep.sim;

import java.util.List;

/**
 * A whole trace on one accelerator.
 *
 * @param areaUm2     the PE array (R·C PEs priced from their inventory); buffers are not priced yet
 * @param utilization useful PE-cycles over available PE-cycles, over all layers
 */
public record SimResult(long cycles, long macs, double seconds, EnergyBreakdown energy, double areaUm2,
                        double utilization, List<LayerResult> layers) {
    public SimResult {
        layers = List.copyOf(layers);
    }
}
