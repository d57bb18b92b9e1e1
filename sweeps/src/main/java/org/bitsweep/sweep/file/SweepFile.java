package org.bitsweep.sweep.file;

import java.util.List;
import java.util.Objects;

import org.bitsweep.pe.Overflow;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.quant.Granularity;

/**
 * A sweep file as understood: every key checked, every default filled in. Each hardware and quantization field is a
 * list of the values to sweep; a single value in the file is a list of one.
 */
public record SweepFile(String name, String file, long seed, String workloadSpec, Workload workload,
                        AccuracySpec accuracy,
                        List<NumberFormat> weights, List<NumberFormat> activations, List<Granularity> granularity,
                        List<String> pe, List<OutputStationaryArray> array, List<Integer> accumulatorBits,
                        List<Overflow> overflow, List<Integer> bufferKib, List<Double> clockMhz, List<String> node) {
    public SweepFile {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(accuracy, "accuracy");
        weights = List.copyOf(weights);
        activations = List.copyOf(activations);
        granularity = List.copyOf(granularity);
        pe = List.copyOf(pe);
        array = List.copyOf(array);
        accumulatorBits = List.copyOf(accumulatorBits);
        overflow = List.copyOf(overflow);
        bufferKib = List.copyOf(bufferKib);
        clockMhz = List.copyOf(clockMhz);
        node = List.copyOf(node);
    }
}
