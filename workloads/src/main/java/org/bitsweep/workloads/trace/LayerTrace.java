package org.bitsweep.workloads.trace;

import org.bitsweep.workloads.model.Layer;

/**
 * One layer after quantization, as PE models see it: its shape, its operand formats, the storage each operand
 * element costs including its share of scales (4-bit weights in groups of 128 with FP16 scales cost 4.125 bits), and,
 * where known, exact statistics of the weight codes for PEs whose timing depends on the data.
 *
 * @param weightStatistics statistics of the B operand's codes, or null when the trace carries none
 */
public record LayerTrace(Layer layer, OperandFormats formats, double weightBitsPerElement,
                         double activationBitsPerElement, CodeStatistics weightStatistics) {
    public LayerTrace {
        if (!(weightBitsPerElement > 0) || !(activationBitsPerElement > 0))
            throw new IllegalArgumentException("bits per element must be > 0");
    }

    /** A layer without code statistics. */
    public LayerTrace(Layer layer, OperandFormats formats, double weightBitsPerElement,
                      double activationBitsPerElement) {
        this(layer, formats, weightBitsPerElement, activationBitsPerElement, null);
    }

    public java.util.Optional<CodeStatistics> statistics() {
        return java.util.Optional.ofNullable(weightStatistics);
    }
}
