package org.bitsweep.workloads.format;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.bitsweep.workloads.Checks;

/**
 * A format whose codes index a table of values: NF4, the BitMoD and ANT types, power-of-two and ternary grids. The
 * values are a relative grid; a quantizer scales them. A table may repeat a value (a second zero in a
 * sign-magnitude code, a code the type leaves unused), so there can be fewer distinct values than codes.
 *
 * <p>Encoding picks the nearest value; a value exactly halfway between two goes to the one nearer zero, and among
 * codes of equal value to the lowest code. The grids are symmetric or nearly so, so "nearer zero" is the rule that
 * keeps rounding symmetric in sign.
 *
 * <p>Each table names its source: the paper, table or file its values come from.
 */
public final class LookupFormat implements NumberFormat {
    private final String name;
    private final List<String> aliases;
    private final int bits;
    private final double[] codeValues;
    private final String source;
    private final ScaleRule scaleRule;
    private final double[] sorted;
    private final int[] codeOfSorted;
    /** Computed once: formats key the simulator's caches, which hash them for every layer of every point. */
    private final int hash;

    public LookupFormat(String name, List<String> aliases, int bits, double[] codeValues, String source,
                        ScaleRule scaleRule) {
        this.name = Checks.nonBlank("format name", name);
        this.scaleRule = java.util.Objects.requireNonNull(scaleRule);
        this.aliases = List.copyOf(aliases);
        this.bits = Checks.inRange("lookup format bits", bits, 1, 8);
        this.source = Checks.nonBlank("source", source);
        if (codeValues.length != 1 << bits)
            throw new IllegalArgumentException("%s: %d bits need %d code values, got %d"
                    .formatted(name, bits, 1 << bits, codeValues.length));
        for (double v : codeValues)
            if (!Double.isFinite(v))
                throw new IllegalArgumentException(name + ": lookup values must be finite");
        this.codeValues = codeValues.clone();
        this.sorted = Arrays.stream(codeValues).map(v -> v == 0 ? 0.0 : v).distinct().sorted().toArray();
        this.codeOfSorted = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++)
            for (int c = codeValues.length - 1; c >= 0; c--)
                if (codeValues[c] == sorted[i])
                    codeOfSorted[i] = c;
        this.hash = Objects.hash(name, Arrays.hashCode(this.codeValues));
    }

    /**
     * A table from a list of distinct values, codes assigned in ascending order of value; codes past the list
     * repeat zero (the redundant code of a sign-magnitude type).
     */
    public static LookupFormat ofValues(String name, int bits, double[] values, String source, String... aliases) {
        return ofValues(name, bits, values, source, ScaleRule.ABSMAX, aliases);
    }

    public static LookupFormat ofValues(String name, int bits, double[] values, String source, ScaleRule rule,
                                        String... aliases) {
        double[] sortedValues = values.clone();
        Arrays.sort(sortedValues);
        if (sortedValues.length > 1 << bits)
            throw new IllegalArgumentException("%s: %d values do not fit %d bits".formatted(name, values.length, bits));
        double[] table = new double[1 << bits];
        System.arraycopy(sortedValues, 0, table, 0, sortedValues.length);
        return new LookupFormat(name, List.of(aliases), bits, table, source, rule);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public int bits() {
        return bits;
    }

    public String source() {
        return source;
    }

    public ScaleRule scaleRule() {
        return scaleRule;
    }

    @Override
    public double decode(int code) {
        if (code < 0 || code >= codeValues.length)
            throw new IllegalArgumentException("code %d is not a %d-bit pattern".formatted(code, bits));
        return codeValues[code];
    }

    @Override
    public int encode(double value) {
        return codeOfSorted[nearestIndex(value)];
    }

    @Override
    public double nearest(double value) {
        return sorted[nearestIndex(value)];
    }

    private int nearestIndex(double value) {
        if (Double.isNaN(value))
            throw new IllegalArgumentException("cannot encode NaN in " + name);
        int i = Arrays.binarySearch(sorted, value);
        if (i >= 0)
            return i;
        int above = -i - 1;
        if (above == 0)
            return 0;
        if (above == sorted.length)
            return sorted.length - 1;
        double lo = sorted[above - 1];
        double hi = sorted[above];
        // The midpoint of two table values is exact in double: they are float or small dyadic constants.
        double mid = (lo + hi) * 0.5;
        if (value != mid)
            return value < mid ? above - 1 : above;
        return Math.abs(lo) <= Math.abs(hi) ? above - 1 : above;
    }

    @Override
    public double maxValue() {
        return sorted[sorted.length - 1];
    }

    @Override
    public double minValue() {
        return sorted[0];
    }

    /** The largest magnitude of the grid, onto which an absmax scale maps a group's largest |x|. */
    public double maxMagnitude() {
        return Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
    }

    @Override
    public double minPositiveNormal() {
        for (double v : sorted)
            if (v > 0)
                return v;
        return Double.NaN;
    }

    @Override
    public double[] values() {
        return sorted.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupFormat f && name.equals(f.name) && Arrays.equals(codeValues, f.codeValues);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return name;
    }
}
