package org.bitsweep.pe;

import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/** Layers for PE tests that need a group size: a LLaMA-2-7B-like projection, 16 tokens × 11008 outputs × k. */
public final class TestLayers {
    private TestLayers() {
    }

    /**
     * A linear layer of reduction {@code k} whose weights share an fp16 scale per {@code groupSize} weights along k
     * (0: one per output channel); the scale's 16 bits are spread over its weights in the stored bits.
     */
    public static LayerTrace linear(OperandFormats f, long k, int groupSize) {
        double weightBits = f.weight().bits() + 16.0 / (groupSize > 0 ? groupSize : k);
        return new LayerTrace(new Layer("mlp.up_proj", new GemmShape(16, 11008, k)), f, weightBits,
                f.activation().bits()).withWeightGroupSize(groupSize);
    }
}
