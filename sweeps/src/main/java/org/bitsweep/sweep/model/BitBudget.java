package org.bitsweep.sweep.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A point's {@code quantization.allocate}, resolved ({@link AllocateChoice}).
 *
 * @param candidates candidate name (as written) → its weights, in the order given
 */
public record BitBudget(double budgetBits, Map<String, WeightQuantization> candidates, String metric) {
    public BitBudget {
        candidates = Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
        Objects.requireNonNull(metric, "metric");
    }
}
