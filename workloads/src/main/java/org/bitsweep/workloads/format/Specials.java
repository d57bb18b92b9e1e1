package org.bitsweep.workloads.format;

/**
 * Which codes of a minifloat are not finite numbers. The names follow ml_dtypes (jax-ml/ml_dtypes README).
 */
public enum Specials {
    /** IEEE 754: the all-ones exponent holds ±∞ (mantissa 0) and NaN (any other mantissa). */
    IEEE,
    /** "fn", as OCP FP8 E4M3: no infinities; only exponent and mantissa all ones is NaN, once per sign. */
    FN,
    /** "fnuz": no infinities and no negative zero; the one NaN is the code of −0 (sign 1, all else 0). */
    FNUZ,
    /** Every code is a finite number, as the OCP MX FP6 and FP4 elements. */
    NONE
}
