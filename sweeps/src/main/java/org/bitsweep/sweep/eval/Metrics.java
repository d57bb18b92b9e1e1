package org.bitsweep.sweep.eval;

import org.bitsweep.sim.SimResult;
import org.bitsweep.sweep.space.DesignPoint;

/**
 * What one design point measured: its accuracy (the sweep's accuracy metric), the storage per weight including
 * scales, and the simulation of the whole workload.
 */
public record Metrics(DesignPoint point, double accuracy, double weightBitsPerElement, SimResult sim) {
}
