package org.bitsweep.workloads.model;

/** What the B operand of a layer's GEMM is. */
public enum LayerKind {
    /** A weight tensor: quantized with the weight format. */
    WEIGHT,
    /** Activations against activations, as attention's QKᵀ and A·V: the KV cache plays the weight's part. */
    ATTENTION
}
