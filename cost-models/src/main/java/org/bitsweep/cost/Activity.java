package org.bitsweep.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What toggles: how many operations of each part, for example per MAC. Counts may be fractional averages. */
public record Activity(Map<Part, Double> counts) {
    public Activity {
        // Insertion order, not Map.copyOf's per-JVM random order: sums over parts must round the same every run.
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        counts.forEach((p, n) -> {
            if (!(n >= 0) || Double.isInfinite(n))
                throw new IllegalArgumentException("count of " + p + " must be finite and >= 0, got " + n);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects counts; adding the same part twice sums them. */
    public static final class Builder {
        private final Map<Part, Double> counts = new LinkedHashMap<>();

        public Builder add(Part part, double count) {
            counts.merge(part, count, Double::sum);
            return this;
        }

        public Activity build() {
            return new Activity(counts);
        }
    }
}
