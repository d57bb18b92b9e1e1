package org.bitsweep.workloads.quant;

import java.util.Arrays;

/** Nearest-rank percentiles: the smallest value with at least p % of the values at or below it. */
final class Percentiles {
    private Percentiles() {
    }

    static double ofMagnitudes(float[] x, int from, int to, double p) {
        float[] a = new float[to - from];
        for (int i = from; i < to; i++)
            a[i - from] = Math.abs(x[i]);
        return rank(a, p);
    }

    static double ofValues(float[] x, int from, int to, double p) {
        return rank(Arrays.copyOfRange(x, from, to), p);
    }

    private static double rank(float[] a, double p) {
        Arrays.sort(a);
        int rank = (int) Math.ceil(p / 100 * a.length);
        return a[Math.max(0, Math.min(a.length - 1, rank - 1))];
    }
}
