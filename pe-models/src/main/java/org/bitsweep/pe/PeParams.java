package org.bitsweep.pe;

import java.util.Objects;

import org.bitsweep.workloads.Checks;

/**
 * The knobs a sweep file sets on a PE. For floating-point PEs the accumulator width names the accumulator format:
 * 16 is fp16 and 32 is fp32 (IEEE 754 binary16 and binary32).
 *
 * @param statistics code histograms for PEs whose timing depends on values (Bit-Pragmatic); a stand-in until
 *                   {@code LayerTrace} carries them per layer
 */
public record PeParams(int accumulatorBits, Overflow overflow, OperandStatistics statistics) {
    public static final int MIN_ACC_BITS = 8;
    public static final int MAX_ACC_BITS = 64;

    public PeParams {
        Checks.inRange("accumulator bits", accumulatorBits, MIN_ACC_BITS, MAX_ACC_BITS);
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(statistics, "statistics");
    }

    public PeParams(int accumulatorBits, Overflow overflow) {
        this(accumulatorBits, overflow, OperandStatistics.NONE);
    }
}
