package org.bitsweep.sim.fpga;

import org.bitsweep.sim.Bound;
import org.bitsweep.workloads.model.GemmShape;

/**
 * One layer on an FPGA accelerator: all {@code count} of its GEMMs, one after another.
 *
 * @param computeCycles the MAC units' cycles, pipeline fill included
 * @param memoryCycles  the layer's DRAM traffic at the DRAM's bandwidth, alone
 * @param cycles        the larger of the two (buffers are double-buffered, so transfers overlap compute)
 * @param utilization   useful lane-cycles over available lane-cycles
 */
public record FpgaLayerResult(String name, GemmShape shape, long count, long cycles, long computeCycles,
                              long memoryCycles, long macs, long dramBytes, double seconds, Bound bound,
                              double utilization) {
}
