package org.bitsweep.workloads.nn;

/**
 * How {@link ReferenceInference} runs the dot products of an arithmetic. Both give the same logits, bit for bit;
 * pe-models' {@code FastInferenceTest} checks that for every PE family.
 */
public enum DotProductPath {
    /**
     * Whole dot products in tight loops where the arithmetic's {@link org.bitsweep.workloads.arith.MacForm} allows
     * (exact integer sums, float sums over many outputs at once, tables of products); MAC by MAC elsewhere.
     */
    FAST,
    /** Every MAC a call to the arithmetic, in order k = 0, 1, …: the reference the fast path is tested against. */
    MAC_BY_MAC
}
