package org.bitsweep.workloads.trace;

import java.util.List;

import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantizedTensor;

/** A workload after quantization: one {@link LayerTrace} per layer, in the workload's order. */
public record Trace(Workload workload, List<LayerTrace> layers) {
    public Trace {
        layers = List.copyOf(layers);
    }

    /**
     * Every layer runs with the same operand formats; weights carry one FP32 scale per group (or per tensor),
     * activations one per tensor, whose share per element is negligible and counted as zero.
     */
    public static Trace uniform(Workload workload, OperandFormats formats, Granularity weightGranularity) {
        return new Trace(workload, workload.layers().stream().map(layer -> {
            long group = weightGranularity instanceof Granularity.PerGroup g ? g.size() : layer.shape().weights();
            double weightBits = formats.weight().bits() + (double) QuantizedTensor.SCALE_BITS / group;
            return new LayerTrace(layer, formats, weightBits, formats.activation().bits());
        }).toList());
    }
}
