package org.bitsweep.workloads.nn;

/** One layer of a small {@link Network}: what it computes and the shape it turns its input into. */
public sealed interface NetLayer permits NetLayer.Weighted, Relu, MaxPool {
    /**
     * @throws IllegalArgumentException when {@code input} does not fit this layer
     */
    Shape output(Shape input);

    /**
     * A layer that is one GEMM per image: a weight matrix of {@link #outputs()} rows (output channels) by
     * {@link #reduction()} columns (the dot-product length K) and one bias per row. These are the layers whose
     * inputs and weights get quantized.
     */
    sealed interface Weighted extends NetLayer permits Dense, Conv2d {
        /** Names the layer's tensors: {@code NAME.weight} and {@code NAME.bias}. */
        String name();

        int outputs();

        int reduction();
    }
}
