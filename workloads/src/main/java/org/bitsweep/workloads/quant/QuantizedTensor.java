package org.bitsweep.workloads.quant;

import java.util.Objects;

import org.bitsweep.workloads.format.NumberFormat;

/**
 * A tensor after quantization: the code of every element, what each group stored beside its codes (scale, zero
 * point, choice of type), the dequantized values those imply, and the storage it all costs.
 *
 * @param codes          one code per element, in the tensor's row-major order, in the format of its group (for a
 *                       mixture, the candidate {@code selectors} names; for OliVe, see {@link OliveCodec})
 * @param values         the dequantized values, row-major
 * @param scales         one per group (empty for a cast), as stored, i.e. already rounded to the scale format
 * @param zeroPoints     one per group for asymmetric quantization, else empty
 * @param selectors      one per group for mixtures (index of the candidate) and OliVe (index of the normal type),
 *                       else empty
 * @param groupSize      elements per group, counted along the grouping axis
 * @param bitsPerElement storage per element: its code plus its share of scales, zero points and selectors
 */
public record QuantizedTensor(String name, int rows, int cols, NumberFormat format, Granularity granularity,
                              int[] codes, float[] values, double[] scales, int[] zeroPoints, int[] selectors,
                              int groupSize, double bitsPerElement) {
    public QuantizedTensor {
        Objects.requireNonNull(format, "format");
        if (codes.length != (long) rows * cols || values.length != codes.length)
            throw new IllegalArgumentException("inconsistent quantized tensor " + name);
    }

    /** The dequantized values, a copy. */
    public float[] dequantize() {
        return values.clone();
    }

    public int groups() {
        return scales.length;
    }
}
