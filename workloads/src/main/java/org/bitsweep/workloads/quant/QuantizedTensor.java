package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.format.IntFormat;

/**
 * Integer codes and one scale per group. Element i of the tensor is {@code format.decodeInt(codes[i]) ·
 * scales[i / groupSize]}. A group is a run of consecutive elements of one row, or the whole tensor when
 * quantized per tensor.
 */
public record QuantizedTensor(String name, int rows, int cols, IntFormat format, int groupSize, int[] codes,
                              float[] scales) {
    /** Scales are stored as FP32 values, so each costs 32 bits of storage. */
    public static final int SCALE_BITS = Float.SIZE;

    public QuantizedTensor {
        if (codes.length != rows * cols || codes.length % groupSize != 0 || scales.length != codes.length / groupSize)
            throw new IllegalArgumentException("inconsistent quantized tensor " + name);
    }

    public float[] dequantize() {
        float[] out = new float[codes.length];
        for (int i = 0; i < codes.length; i++)
            out[i] = (float) (format.decodeInt(codes[i]) * (double) scales[i / groupSize]);
        return out;
    }

    /** Storage per element, counting each group's scale: {@code bits + 32 / groupSize}. */
    public double bitsPerElement() {
        return format.bits() + (double) SCALE_BITS / groupSize;
    }
}
