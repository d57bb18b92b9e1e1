package org.bitsweep.sweep.space;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;

/** One point of a design space: a quantization and a target, with its index in the space as its id. */
public record DesignPoint(long id, NumberFormat weights, NumberFormat activations, Granularity granularity, String pe,
                          OutputStationaryArray array, int accumulatorBits, Overflow overflow, int bufferKib,
                          double clockMhz, String node) {

    public OperandFormats formats() {
        return OperandFormats.of(weights, activations);
    }

    public PeParams peParams() {
        return new PeParams(accumulatorBits, overflow);
    }
}
