package org.bitsweep.sweep.space;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sweep.file.SweepFileReader.WorkloadChoice;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;

/** One point of a design space: a workload, a quantization and a target, with its index in the space as its id. */
public record DesignPoint(long id, WorkloadChoice workload, NumberFormat weights, NumberFormat activations,
                          Granularity granularity, String pe, OutputStationaryArray array, Dataflow dataflow,
                          int accumulatorBits, Overflow overflow, int bufferKib, double clockMhz, double dramGbps,
                          Timing timing, String node) {

    public OperandFormats formats() {
        return OperandFormats.of(weights, activations);
    }

    public PeParams peParams() {
        return new PeParams(accumulatorBits, overflow);
    }

    /** The numeric parameters expressions may read (ResultColumns.NUMERIC_PARAMETERS), NaN for other names. */
    public double parameter(String name) {
        return switch (name) {
            case "rows" -> array.rows();
            case "cols" -> array.cols();
            case "pes" -> array.pes();
            case "accumulator_bits" -> accumulatorBits;
            case "buffer_kib" -> bufferKib;
            case "clock_mhz" -> clockMhz;
            case "dram_gbps" -> dramGbps;
            case "weight_bits" -> weights.bits();
            case "activation_bits" -> activations.bits();
            case "group_size" -> granularity instanceof Granularity.PerGroup g ? g.size() : 0;
            default -> Double.NaN;
        };
    }
}
