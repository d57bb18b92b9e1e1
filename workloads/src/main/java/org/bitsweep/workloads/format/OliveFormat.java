package org.bitsweep.workloads.format;

import java.util.Arrays;
import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * OliVe's outlier-victim pair encoding (Guo et al., ISCA 2023). Values are scaled so that the normal range ends at
 * {@code normalLimit}; a scaled value beyond it is an outlier, kept in the wider "abfloat" grid of
 * {@code outlierMagnitudes}, and its pair neighbour (elements 2k and 2k+1) is pruned to zero, its code slot serving
 * as the marker. Normal values use whichever of {@code normalTypes} has the lower error per group. Every element
 * still takes {@code bits} bits, so memory stays aligned. Value sets: the official code's {@code quant_modules.py}
 * (ANCHORS.md §3c).
 */
public record OliveFormat(String name, int bits, List<LookupFormat> normalTypes, double[] outlierMagnitudes,
                          double normalLimit, String source) implements NumberFormat {
    /**
     * The victim's code: sign-magnitude "negative zero" (0b1000), which no normal value uses. Codes are 4-bit
     * sign-magnitude: a normal value is sign · index into its type's non-negative magnitudes (0 is zero); an outlier
     * is sign · (1 + its index among {@link #outlierMagnitudes}).
     */
    public static final int VICTIM_CODE = 0b1000;
    private static final int SIGN_BIT = 0b1000;

    public OliveFormat {
        Checks.nonBlank("format name", name);
        normalTypes = List.copyOf(normalTypes);
        outlierMagnitudes = outlierMagnitudes.clone();
        Arrays.sort(outlierMagnitudes);
        if (normalTypes.isEmpty() || outlierMagnitudes.length == 0 || !(normalLimit > 0))
            throw new IllegalArgumentException(name + ": needs normal types, outlier values and a normal limit");
    }

    /** The outlier value nearest to a scaled magnitude beyond the normal limit (ties to the smaller). */
    public double nearestOutlier(double magnitude) {
        int i = Arrays.binarySearch(outlierMagnitudes, magnitude);
        if (i >= 0)
            return outlierMagnitudes[i];
        int above = -i - 1;
        if (above == 0)
            return outlierMagnitudes[0];
        if (above == outlierMagnitudes.length)
            return outlierMagnitudes[above - 1];
        double lo = outlierMagnitudes[above - 1];
        double hi = outlierMagnitudes[above];
        return magnitude - lo <= hi - magnitude ? lo : hi;
    }

    /** The non-negative magnitudes of a normal type, ascending: index 0 is zero, 1 … 7 the codes' magnitudes. */
    public double[] normalMagnitudes(int normalType) {
        return Arrays.stream(normalTypes.get(normalType).values()).filter(v -> v >= 0).toArray();
    }

    /**
     * The two unscaled values of a pair of codes: a victim code makes its partner an outlier; otherwise both are
     * normal values of the group's type.
     *
     * @param normalType the group's normal type (its selector)
     */
    public double[] decodePair(int normalType, int first, int second) {
        if (first == VICTIM_CODE)
            return new double[] {0, signed(outlierMagnitudes[(second & 0b111) - 1], second)};
        if (second == VICTIM_CODE)
            return new double[] {signed(outlierMagnitudes[(first & 0b111) - 1], first), 0};
        double[] normals = normalMagnitudes(normalType);
        return new double[] {signed(normals[first & 0b111], first), signed(normals[second & 0b111], second)};
    }

    private static double signed(double magnitude, int code) {
        return (code & SIGN_BIT) != 0 ? -magnitude : magnitude;
    }

    @Override
    public double[] outlierMagnitudes() {
        return outlierMagnitudes.clone();
    }

    /** A code means nothing without its pair partner: see the quantizer's OliVe codec. */
    @Override
    public double decode(int code) {
        throw new UnsupportedOperationException(name + ": OliVe codes are decoded in pairs, with the group's scale");
    }

    /** OliVe encodes pairs of values, not single values: use the Quantizer. */
    @Override
    public int encode(double value) {
        throw new UnsupportedOperationException(name + ": OliVe encodes pairs of values; use the Quantizer");
    }

    @Override
    public double maxValue() {
        return outlierMagnitudes[outlierMagnitudes.length - 1];
    }

    @Override
    public double minValue() {
        return -maxValue();
    }

    @Override
    public double minPositiveNormal() {
        return normalTypes.stream().mapToDouble(LookupFormat::minPositiveNormal).min().orElseThrow();
    }

    /** The normal types' values and the signed outliers. */
    @Override
    public double[] values() {
        double[] normals = normalTypes.stream().flatMapToDouble(t -> Arrays.stream(t.values())).toArray();
        double[] outliers = Arrays.stream(outlierMagnitudes).flatMap(m -> Arrays.stream(new double[] {-m, m})).toArray();
        double[] all = Arrays.copyOf(normals, normals.length + outliers.length);
        System.arraycopy(outliers, 0, all, normals.length, outliers.length);
        return Arrays.stream(all).map(v -> v == 0 ? 0.0 : v).distinct().sorted().toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OliveFormat f && name.equals(f.name) && bits == f.bits && normalTypes.equals(f.normalTypes)
                && Arrays.equals(outlierMagnitudes, f.outlierMagnitudes) && normalLimit == f.normalLimit;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(outlierMagnitudes);
    }

    @Override
    public String toString() {
        return name;
    }
}
