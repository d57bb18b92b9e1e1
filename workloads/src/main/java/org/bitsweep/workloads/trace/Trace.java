package org.bitsweep.workloads.trace;

import java.util.List;

import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
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
     * Weight layers run with the given formats, the KV cache in the activation format: {@link #of} with
     * {@code kvCache = formats.activation()}.
     */
    public static Trace uniform(Workload workload, OperandFormats formats, Granularity weightGranularity) {
        return of(workload, formats, formats.activation(), weightGranularity);
    }

    /**
     * Weight layers run with the given formats; weights carry what their quantizer stores per group (an FP16 scale,
     * and a selector for mixtures). Attention layers multiply activations by the KV cache, stored in {@code kvCache}
     * (a block format with its shared scales). Activations carry one scale per tensor, whose share per element is
     * negligible and counted as zero.
     */
    public static Trace of(Workload workload, OperandFormats formats, NumberFormat kvCache,
                           Granularity weightGranularity) {
        Quantizer weights = new Quantizer(QuantConfig.of(formats.weight(), weightGranularity));
        OperandFormats attention = OperandFormats.of(kvCache, formats.activation());
        double kvBits = storedBits(kvCache);
        int groupSize = weightGranularity instanceof Granularity.PerGroup g ? g.size() : 0;
        return new Trace(workload, workload.layers().stream().map(layer -> {
            if (layer.kind() == LayerKind.ATTENTION)
                return new LayerTrace(layer, attention, kvBits, formats.activation().bits());
            long group = layer.shape().weights();
            if (weightGranularity instanceof Granularity.PerGroup g)
                group = g.size();
            else if (weightGranularity instanceof Granularity.PerChannel ch)
                group = ch.axis() == 0 ? layer.shape().k() : layer.shape().n();
            return new LayerTrace(layer, formats, weights.bitsPerElement(group), formats.activation().bits())
                    .withWeightGroupSize(groupSize);
        }).toList());
    }

    /** Bits a format stores per element: its code, plus a block format's shared scale spread over its block. */
    static double storedBits(NumberFormat f) {
        if (f instanceof MxFormat mx)
            return new Quantizer(QuantConfig.of(mx, Granularity.group(mx.blockSize()))).bitsPerElement(mx.blockSize());
        return f.bits();
    }
}
