package org.bitsweep.sim;

import org.bitsweep.sim.mapping.Mapping;
import org.bitsweep.workloads.model.GemmShape;

/**
 * One layer on one accelerator: all {@code count} of its GEMMs (the heads of an attention matmul run one after
 * another), so cycles, MACs, energy and traffic are the totals of the count.
 *
 * @param computeCycles stall-free cycles of the PE array (the dataflow's fill, stream and drain per fold)
 * @param memoryCycles  cycles the layer's DRAM traffic takes at the DRAM's bandwidth, alone
 * @param cycles        compute cycles plus the cycles the array waits on DRAM (see {@link Mapping#stallCycles()})
 * @param utilization   useful PE-cycles over available PE-cycles
 * @param mapping       the mapper's choice for one of the count GEMMs
 * @param unit          what ran it: the PE array's dataflow ({@code os}, {@code dp}, …), or {@code attention_unit}
 */
public record LayerResult(String name, GemmShape shape, long count, long cycles, long computeCycles,
                          long memoryCycles, long macs, EnergyBreakdown energy, double utilization, Bound bound,
                          long dramBytes, Mapping mapping, String unit) {
}
