package org.bitsweep.sim;

import org.bitsweep.workloads.model.GemmShape;

/** One layer on one accelerator. */
public record LayerResult(String name, GemmShape shape, long cycles, long macs, EnergyBreakdown energy,
                          double utilization) {
}
