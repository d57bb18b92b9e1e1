package org.bitsweep.workloads.format;

import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * A mixture of data types (BitMoD, Chen et al., HPCA 2025): each group of weights is quantized with every candidate
 * and keeps the one with the least squared error; the choice is stored per group in ⌈log2 candidates⌉ selector bits.
 * Candidates share a width; a code is read through the candidate its group's selector names.
 */
public record MixtureFormat(String name, List<NumberFormat> candidates, String source) implements NumberFormat {
    public MixtureFormat {
        Checks.nonBlank("format name", name);
        candidates = List.copyOf(candidates);
        if (candidates.size() < 2)
            throw new IllegalArgumentException(name + ": a mixture needs at least two candidates");
        int bits = candidates.get(0).bits();
        if (candidates.stream().anyMatch(c -> c.bits() != bits))
            throw new IllegalArgumentException(name + ": every candidate must have the same width");
    }

    public int selectorBits() {
        return 32 - Integer.numberOfLeadingZeros(candidates.size() - 1);
    }

    @Override
    public int bits() {
        return candidates.get(0).bits();
    }

    /** A code means nothing without its group's selector: decode through the candidate it names. */
    @Override
    public double decode(int code) {
        throw new UnsupportedOperationException(name + ": a mixture chooses its type per group; decode with the "
                + "candidate the group's selector names");
    }

    /** A mixture encodes whole groups, not single values: use the Quantizer. */
    @Override
    public int encode(double value) {
        throw new UnsupportedOperationException(name + ": a mixture chooses its type per group; quantize groups "
                + "with the Quantizer");
    }

    @Override
    public double maxValue() {
        return candidates.stream().mapToDouble(NumberFormat::maxValue).max().orElseThrow();
    }

    @Override
    public double minValue() {
        return candidates.stream().mapToDouble(NumberFormat::minValue).min().orElseThrow();
    }

    @Override
    public double minPositiveNormal() {
        return candidates.stream().mapToDouble(NumberFormat::minPositiveNormal).min().orElseThrow();
    }

    /** The union of the candidates' values, computed once per mixture (a PE asks for them on every check). */
    @Override
    public double[] values() {
        return VALUES.computeIfAbsent(this, m -> m.candidates.stream()
                .flatMapToDouble(c -> java.util.Arrays.stream(c.values())).distinct().sorted().toArray()).clone();
    }

    private static final java.util.Map<MixtureFormat, double[]> VALUES = new java.util.concurrent.ConcurrentHashMap<>();
}
