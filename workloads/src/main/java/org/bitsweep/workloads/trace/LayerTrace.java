package org.bitsweep.workloads.trace;

import org.bitsweep.workloads.model.Layer;

/**
 * One layer after quantization, as PE models see it: its shape, its operand formats, and the storage each operand
 * element costs including its share of scales (so 4-bit weights in groups of 128 with FP32 scales cost 4.25 bits).
 * Later traces add code statistics (histograms, essential bits, zero fractions) for PEs whose timing depends on them.
 */
public record LayerTrace(Layer layer, OperandFormats formats, double weightBitsPerElement,
                         double activationBitsPerElement) {
    public LayerTrace {
        if (!(weightBitsPerElement > 0) || !(activationBitsPerElement > 0))
            throw new IllegalArgumentException("bits per element must be > 0");
    }
}
