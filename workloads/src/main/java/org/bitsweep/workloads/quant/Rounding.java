package org.bitsweep.workloads.quant;

/** How a scaled value lands on the format's grid. */
public enum Rounding {
    /** To the nearest representable value, ties to the even code. */
    NEAREST_EVEN,
    /**
     * Up or down to one of the two neighbouring values, up with probability equal to the distance from the lower
     * one over the gap: unbiased in expectation. Draws come from a seeded generator per group.
     */
    STOCHASTIC
}
