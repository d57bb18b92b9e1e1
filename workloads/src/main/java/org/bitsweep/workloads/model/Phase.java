package org.bitsweep.workloads.model;

/** Prefill runs a whole prompt at once (compute-bound); decode makes one token per step (memory-bound). */
public enum Phase {
    PREFILL, DECODE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
