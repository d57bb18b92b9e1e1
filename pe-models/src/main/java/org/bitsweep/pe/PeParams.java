package org.bitsweep.pe;

import java.util.Objects;

import org.bitsweep.workloads.Checks;

/** The knobs a sweep file sets on a PE. */
public record PeParams(int accumulatorBits, Overflow overflow) {
    public static final int MIN_ACC_BITS = 8;
    public static final int MAX_ACC_BITS = 64;

    public PeParams {
        Checks.inRange("accumulator bits", accumulatorBits, MIN_ACC_BITS, MAX_ACC_BITS);
        Objects.requireNonNull(overflow, "overflow");
    }
}
