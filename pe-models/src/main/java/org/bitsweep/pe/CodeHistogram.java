package org.bitsweep.pe;

import java.util.Arrays;
import java.util.Objects;

import org.bitsweep.workloads.format.NumberFormat;

/**
 * How often each code of one operand occurs in a layer: the exact statistic from which value-dependent PEs
 * (Bit-Pragmatic's essential-bit skipping) take their timing. ARCHITECTURE.md's traces are to carry code histograms;
 * until {@code LayerTrace} does, a sweep passes one through {@link PeParams}.
 *
 * @param counts one count per code, {@code format.codeCount()} of them
 */
public record CodeHistogram(NumberFormat format, long[] counts) {
    public CodeHistogram {
        Objects.requireNonNull(format, "format");
        counts = counts.clone();
        if (counts.length != format.codeCount())
            throw new IllegalArgumentException("%s has %d codes, got %d counts"
                    .formatted(format.name(), format.codeCount(), counts.length));
        long total = 0;
        for (long c : counts) {
            if (c < 0)
                throw new IllegalArgumentException("counts must be >= 0");
            total = Math.addExact(total, c);
        }
        if (total == 0)
            throw new IllegalArgumentException("a histogram needs at least one count");
    }

    /** The histogram of a list of codes. */
    public static CodeHistogram of(NumberFormat format, int[] codes) {
        long[] counts = new long[format.codeCount()];
        for (int c : codes) {
            if (c < 0 || c >= counts.length)
                throw new IllegalArgumentException("code %d is not a %d-bit pattern".formatted(c, format.bits()));
            counts[c]++;
        }
        return new CodeHistogram(format, counts);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public long count(int code) {
        return counts[code];
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeHistogram h && format.equals(h.format) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return format.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CodeHistogram[" + format.name() + ", " + total() + " codes]";
    }
}
