package org.bitsweep.workloads.precision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A format for every layer, as the allocator chose it.
 *
 * @param formats       layer name → format, in the network's order
 * @param predictedDrop Σ of the chosen cells' measured drops: the ILP's objective (layers' effects taken as additive,
 *                      as HAWQ-V3 takes its perturbations)
 * @param bitsPerWeight weight storage per weight over the network at the chosen formats, scales included
 * @param cost          what the allocation spends in the budget's unit (bits or pJ)
 * @param budget        the budget's limit in the same unit
 * @param solver        how the allocation was found, e.g. {@code ILP (ojAlgo 55.2.0), certified by exhaustive search}
 */
public record Allocation(Map<String, String> formats, double predictedDrop, double bitsPerWeight, double cost,
                         double budget, String solver) {
    public Allocation {
        formats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(formats));
    }
}
