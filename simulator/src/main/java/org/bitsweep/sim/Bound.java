package org.bitsweep.sim;

/** What sets a layer's time: the PE array's cycles, or the DRAM traffic at its bandwidth, whichever is longer. */
public enum Bound {
    COMPUTE, MEMORY;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Bound of(long computeCycles, long memoryCycles) {
        return memoryCycles > computeCycles ? MEMORY : COMPUTE;
    }
}
