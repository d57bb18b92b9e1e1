package org.bitsweep.workloads.format;

/** What the all-zeros exponent field means. */
public enum ExponentZero {
    /** Subnormals: 0.m × 2^(1 − bias), gradual underflow down to zero. */
    SUBNORMAL,
    /** Subnormals off: every code with a zero exponent field is zero (flush to zero). */
    FLUSH,
    /** A normal binade like any other, so the format has no zero at all (OCP MX E8M0 scales). */
    NORMAL
}
