package org.bitsweep.workloads.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.bitsweep.workloads.UserInputException;

/**
 * The layer-output accuracy metrics, by the name a sweep file and a result column use: the error of
 * {@code Y = X·Wᵀ} computed with quantized operands against the product of the unquantized ones.
 */
public enum OutputMetric {
    /** 10·log10(Σ y² / Σ (y − ŷ)²), in dB. */
    OUTPUT_SQNR_DB("output_sqnr_db", "output SQNR (dB)", true),
    /** Σ (y − ŷ)² / count. */
    OUTPUT_MSE("output_mse", "output MSE", false),
    /** Σ y·ŷ / (|y|·|ŷ|). */
    OUTPUT_COSINE("output_cosine", "output cosine similarity", true);

    private final String id;
    private final String label;
    private final boolean higherIsBetter;

    OutputMetric(String id, String label, boolean higherIsBetter) {
        this.id = id;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    public String id() {
        return id;
    }

    /** For chart axes. */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(OutputError e) {
        return switch (this) {
            case OUTPUT_SQNR_DB -> e.sqnrDb();
            case OUTPUT_MSE -> e.mse();
            case OUTPUT_COSINE -> e.cosine();
        };
    }

    public static OutputMetric parse(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (OutputMetric m : values())
            if (m.id.equals(key))
                return m;
        throw new UserInputException("unknown output metric \"%s\"; valid: %s".formatted(id,
                Arrays.stream(values()).map(OutputMetric::id).collect(Collectors.joining(", "))));
    }
}
