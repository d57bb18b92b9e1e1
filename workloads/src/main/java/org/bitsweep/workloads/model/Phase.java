package org.bitsweep.workloads.model;

/**
 * Prefill runs a whole prompt at once (compute-bound); decode makes one token per step (memory-bound); an image or
 * encoder model runs one inference.
 */
public enum Phase {
    PREFILL, DECODE, INFERENCE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
