package org.bitsweep.workloads.model;

import java.util.Objects;

import org.bitsweep.workloads.Checks;

/**
 * One named GEMM of a workload, e.g. {@code blocks.3.mlp.up_proj}, run {@code count} times (the heads of an
 * attention matmul are {@code count} independent GEMMs of one shape).
 *
 * @param kind whether the B operand is a weight tensor or activations (attention against the KV cache)
 */
public record Layer(String name, GemmShape shape, long count, LayerKind kind) {
    public Layer {
        Checks.nonBlank("layer name", name);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(kind, "kind");
        Checks.positive("count", count);
    }

    /** A weight GEMM run once. */
    public Layer(String name, GemmShape shape) {
        this(name, shape, 1, LayerKind.WEIGHT);
    }

    public long macs() {
        return Math.multiplyExact(shape.macs(), count);
    }

    /** Weights this layer stores: none for attention, whose B operand is the KV cache. */
    public long weights() {
        return kind == LayerKind.WEIGHT ? Math.multiplyExact(shape.weights(), count) : 0;
    }
}
