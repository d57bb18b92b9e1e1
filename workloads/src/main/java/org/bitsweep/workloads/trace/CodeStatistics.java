package org.bitsweep.workloads.trace;

import java.util.Arrays;

import org.bitsweep.workloads.format.FixedPointFormat;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;

/**
 * Exact statistics of a tensor's codes in one format, for PEs whose timing or energy depends on the data
 * (Pragmatic-style essential-bit skipping, zero skipping). One pass over the codes fills the histogram; everything
 * else is derived from it, since each statistic depends on the code alone.
 *
 * @param histogram count of each code
 */
public record CodeStatistics(NumberFormat format, long[] histogram) {
    public CodeStatistics {
        if (histogram.length != format.codeCount())
            throw new IllegalArgumentException("a %d-bit format needs %d histogram bins, got %d"
                    .formatted(format.bits(), format.codeCount(), histogram.length));
        histogram = histogram.clone();
    }

    /** One pass over the codes. */
    public static CodeStatistics of(NumberFormat format, int[] codes) {
        long[] h = new long[format.codeCount()];
        for (int c : codes)
            h[c]++;
        return new CodeStatistics(format, h);
    }

    public long count() {
        return Arrays.stream(histogram).sum();
    }

    /** The share of elements whose value is zero. */
    public double zeroFraction() {
        long zeros = 0;
        for (int c = 0; c < histogram.length; c++)
            if (format.decode(c) == 0)
                zeros += histogram[c];
        return (double) zeros / count();
    }

    /** Mean number of one bits in each value's magnitude: the terms a Pragmatic-style serial PE processes. */
    public double meanEssentialBits() {
        double sum = 0;
        for (int c = 0; c < histogram.length; c++)
            if (histogram[c] > 0)
                sum += histogram[c] * (double) essentialBits(format, c);
        return sum / count();
    }

    /**
     * The one bits of a code's magnitude as the hardware holds it: the integer's magnitude for integers and fixed
     * point; the significand (with its hidden bit for normals) for minifloats; for lookup grids of integers, the
     * integer; −1 where the format has no such binary magnitude (NF4's irrational levels, NaN).
     */
    public static int essentialBits(NumberFormat format, int code) {
        if (format instanceof IntFormat i)
            return Long.bitCount(Math.abs(i.decodeInt(code)));
        if (format instanceof FixedPointFormat p)
            return Long.bitCount(Math.abs(p.integer().decodeInt(code)));
        double v = format.decode(code);
        if (!Double.isFinite(v))
            return -1;
        if (format instanceof MinifloatFormat m) {
            if (v == 0)
                return 0;
            long significand = (long) Math.scalb(Math.abs(v), m.mantissaBits() - Math.getExponent(Math.abs(v)));
            return Long.bitCount(significand);
        }
        return v == Math.rint(v) && Math.abs(v) < 1L << 53 ? Long.bitCount((long) Math.abs(v)) : -1;
    }

    /** The smallest and largest binary exponent ⌊log2 |v|⌋ over the nonzero values present; empty if none. */
    public int[] exponentRange() {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int c = 0; c < histogram.length; c++) {
            double v = format.decode(c);
            if (histogram[c] > 0 && v != 0 && Double.isFinite(v)) {
                lo = Math.min(lo, Math.getExponent(v));
                hi = Math.max(hi, Math.getExponent(v));
            }
        }
        return lo > hi ? new int[0] : new int[] {lo, hi};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeStatistics s && format.equals(s.format) && Arrays.equals(histogram, s.histogram);
    }

    @Override
    public int hashCode() {
        return format.hashCode() * 31 + Arrays.hashCode(histogram);
    }

    @Override
    public String toString() {
        return "CodeStatistics[%s, %d codes]".formatted(format.name(), count());
    }
}
