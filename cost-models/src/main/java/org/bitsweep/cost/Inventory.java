package org.bitsweep.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a PE (or any block) builds: how many of each part. */
public record Inventory(Map<Part, Integer> counts) {
    public Inventory {
        // Insertion order, not Map.copyOf's per-JVM random order: sums over parts must round the same every run.
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        counts.forEach((p, n) -> {
            if (n < 1)
                throw new IllegalArgumentException("count of " + p + " must be >= 1, got " + n);
        });
    }

    /** This inventory {@code n} times over, e.g. one per lane. */
    public Inventory times(int n) {
        if (n < 1)
            throw new IllegalArgumentException("times must be >= 1, got " + n);
        Map<Part, Integer> m = new LinkedHashMap<>();
        counts.forEach((p, c) -> m.put(p, Math.multiplyExact(c, n)));
        return new Inventory(m);
    }

    /** One of each part; a part listed twice is counted twice. */
    public static Inventory of(Part... parts) {
        Map<Part, Integer> counts = new LinkedHashMap<>();
        for (Part p : parts)
            counts.merge(p, 1, Integer::sum);
        return new Inventory(counts);
    }
}
