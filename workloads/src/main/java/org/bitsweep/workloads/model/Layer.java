package org.bitsweep.workloads.model;

import java.util.Objects;

import org.bitsweep.workloads.Checks;

/**
 * One named GEMM of a workload, e.g. {@code blocks.3.mlp.up_proj}, run {@code count} times (the heads of an
 * attention matmul are {@code count} independent GEMMs of one shape).
 *
 * @param layerClass what the layer is, which decides the unit that runs it and whether its B operand is a weight
 *                   tensor or the KV cache
 */
public record Layer(String name, GemmShape shape, long count, LayerClass layerClass) {
    public Layer {
        Checks.nonBlank("layer name", name);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(layerClass, "layer class");
        Checks.positive("count", count);
    }

    /** A linear layer run once. */
    public Layer(String name, GemmShape shape) {
        this(name, shape, 1, LayerClass.LINEAR);
    }

    /** A layer of one class run once. */
    public Layer(String name, GemmShape shape, LayerClass layerClass) {
        this(name, shape, 1, layerClass);
    }

    /** Whether the B operand is a weight tensor or the KV cache. */
    public LayerKind kind() {
        return layerClass.isAttention() ? LayerKind.ATTENTION : LayerKind.WEIGHT;
    }

    /** The same layer over {@code batch} inputs: more rows of A for weight layers, more GEMMs for attention. */
    public Layer batched(int batch) {
        if (batch == 1)
            return this;
        if (layerClass.isAttention())
            return new Layer(name, shape, Math.multiplyExact(count, batch), layerClass);
        return new Layer(name, new GemmShape(Math.multiplyExact(shape.m(), batch), shape.n(), shape.k()), count,
                layerClass);
    }

    public long macs() {
        return Math.multiplyExact(shape.macs(), count);
    }

    /** Weights this layer stores: none for attention, whose B operand is the KV cache. */
    public long weights() {
        return layerClass.isAttention() ? 0 : Math.multiplyExact(shape.weights(), count);
    }
}
