package org.bitsweep.workloads.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a layer is, which decides the unit of a target that runs it: linear projections and the LM head on the PE
 * array, attention's two matmuls on the array or on an attention unit, convolutions (lowered to GEMMs) on the array.
 * Attention multiplies activations by the KV cache, so its B operand is not a weight tensor.
 */
public enum LayerClass {
    /** A projection by a weight matrix (q, k, v, o, the MLP). */
    LINEAR,
    /** Attention scores, Q·Kᵀ: the keys of the KV cache are the B operand. */
    ATTENTION_SCORE,
    /** Attention output, P·V: the values of the KV cache are the B operand. */
    ATTENTION_VALUE,
    /** The language model head: the hidden state times the vocabulary's embedding. */
    LM_HEAD,
    /** A convolution lowered to a GEMM (im2col). */
    CONVOLUTION;

    /** The name sweep files and messages use: {@code attention_score}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the B operand is the KV cache rather than a weight tensor. */
    public boolean isAttention() {
        return this == ATTENTION_SCORE || this == ATTENTION_VALUE;
    }

    /** The classes with a weight operand. */
    public static List<LayerClass> weighted() {
        return Arrays.stream(values()).filter(c -> !c.isAttention()).toList();
    }
}
