package org.bitsweep.workloads.trace;

import java.util.List;

import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.Quantizer;

/** A workload after quantization: one {@link LayerTrace} per layer, in the workload's order. */
public record Trace(Workload workload, List<LayerTrace> layers) {
    public Trace {
        layers = List.copyOf(layers);
    }

    /**
     * Weight layers run with the given formats; weights carry what their quantizer stores per group (an FP16 scale,
     * and a selector for mixtures). Attention layers multiply activations by the KV cache, which is kept in the
     * activation format. Activations carry one scale per tensor, whose share per element is negligible and counted
     * as zero.
     */
    public static Trace uniform(Workload workload, OperandFormats formats, Granularity weightGranularity) {
        Quantizer weights = new Quantizer(QuantConfig.of(formats.weight(), weightGranularity));
        OperandFormats attention = OperandFormats.of(formats.activation(), formats.activation());
        return new Trace(workload, workload.layers().stream().map(layer -> {
            if (layer.kind() == LayerKind.ATTENTION)
                return new LayerTrace(layer, attention, formats.activation().bits(), formats.activation().bits());
            long group = layer.shape().weights();
            if (weightGranularity instanceof Granularity.PerGroup g)
                group = g.size();
            else if (weightGranularity instanceof Granularity.PerChannel ch)
                group = ch.axis() == 0 ? layer.shape().k() : layer.shape().n();
            return new LayerTrace(layer, formats, weights.bitsPerElement(group), formats.activation().bits());
        }).toList());
    }
}
