package org.bitsweep.sim;

import java.util.Objects;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.PeModel;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.workloads.Checks;

/**
 * A PE model in an output-stationary array, with one weight buffer and one activation buffer of
 * {@code bufferBytes} each, a clock and the cost model that prices it.
 */
public record Accelerator(PeModel pe, OutputStationaryArray array, long bufferBytes, double clockMhz,
                          AsicCostModel cost) {
    public Accelerator {
        Objects.requireNonNull(pe, "pe");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(cost, "cost");
        Checks.positive("buffer bytes", bufferBytes);
        Checks.finitePositive("clock MHz", clockMhz);
    }
}
