package org.bitsweep.workloads.quant;

/**
 * Quantizes one group of consecutive elements of the working array (see {@link Quantizer}): writes each element's
 * code and dequantized value, records what the group stores, and returns the group's squared error (NaN where a
 * codec skips summing it because nothing compares groups: the plain integer path).
 */
interface GroupCodec {
    double quantize(float[] x, int from, int to, int group, int[] codes, float[] values, GroupRecord record);

    /** Bits a group stores beside its codes (scale, zero point, selector). */
    int bitsPerGroup();

    /** What one group keeps beside its codes; arrays are indexed by group. */
    record GroupRecord(double[] scales, int[] zeroPoints, int[] selectors) {
    }
}
