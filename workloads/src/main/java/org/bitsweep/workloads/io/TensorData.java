package org.bitsweep.workloads.io;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.bitsweep.workloads.Checks;

/**
 * A tensor as a file stored it: its name, its shape, and its values in row-major (C) order, widened to float.
 * Values are kept exactly as read, NaN and ±∞ included, because what to do about them is a policy for the caller
 * to choose, not something a file reader should decide.
 *
 * <p>Arrays are copied in and out, so an instance never changes; read {@link #data()} once, not per element, or use
 * {@link #get(int)}.
 *
 * @param name  the file's stem for a .npy file, the tensor's key for a safetensors file
 * @param shape every dimension, outermost first; empty for a scalar; each at least 1
 * @param data  the values, as many as the product of the shape
 */
public record TensorData(String name, int[] shape, float[] data) {
    public TensorData {
        Checks.nonBlank("tensor name", name);
        shape = shape.clone();
        data = data.clone();
        long size = 1;
        for (int dim : shape) {
            if (dim < 1)
                throw new IllegalArgumentException("%s: every dimension must be >= 1, got shape %s"
                        .formatted(name, Arrays.toString(shape)));
            size *= dim;   // cannot overflow: while size fits in an int, size × dim fits in a long
            if (size > Integer.MAX_VALUE)
                throw new IllegalArgumentException("%s: shape %s holds more than %d values"
                        .formatted(name, Arrays.toString(shape), Integer.MAX_VALUE));
        }
        if (size != data.length)
            throw new IllegalArgumentException("%s: shape %s needs %d values, got %d"
                    .formatted(name, Arrays.toString(shape), size, data.length));
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values; for a large tensor, call this once and keep the array. */
    @Override
    public float[] data() {
        return data.clone();
    }

    /** The value at a row-major index. */
    public float get(int index) {
        return data[index];
    }

    public int size() {
        return data.length;
    }

    /**
     * Columns of the 2-D view the quantizers work on: the last dimension, which is the reduction dimension of a
     * weight matrix stored as (out, in); 1 for a scalar.
     */
    public int cols() {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** Rows of the 2-D view: the product of every dimension but the last; 1 for a scalar or a vector. */
    public int rows() {
        return data.length / cols();
    }

    /** The shape as users write it, e.g. {@code 4096×4096}, {@code 11008} for a vector, {@code scalar} for (). */
    public String shapeString() {
        return shape.length == 0 ? "scalar"
                : Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("×"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorData t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "TensorData[%s, %s]".formatted(name, shapeString());
    }
}
