package org.bitsweep.sweep.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One value of {@code quantization.allocate}: HAWQ-V3's per-layer bit allocation under one budget. The point's
 * accuracy model's layers are measured one at a time at each candidate format (the rest at
 * {@code quantization.weights}), PrecisionAllocator picks the formats of least summed {@code metric} drop whose weight
 * storage is at most {@code budgetBits} per weight, and the point runs with them.
 *
 * @param budgetBits average weight storage per weight over the network, scales included
 * @param candidates the formats a layer may get, as written
 * @param metric     what each layer's sensitivity is measured by
 */
public record AllocateChoice(double budgetBits, List<WeightChoice> candidates, String metric) {
    /** The one sensitivity measure: each layer's top-1 drop alone (LayerSensitivity). */
    public static final String TOP1 = "top1";

    public AllocateChoice {
        if (!(budgetBits > 0) || Double.isInfinite(budgetBits))
            throw new IllegalArgumentException("a bit budget is a finite number > 0, got " + budgetBits);
        candidates = List.copyOf(candidates);
        if (candidates.size() < 2)
            throw new IllegalArgumentException("an allocation chooses among at least two candidates");
        Objects.requireNonNull(metric, "metric");
    }

    /** The candidates' weights for a point whose granularity is {@code point}, by their written names. */
    public BitBudget resolve(GranularityChoice point) {
        Map<String, WeightQuantization> c = new LinkedHashMap<>();
        for (WeightChoice w : candidates)
            c.put(w.written(), w.resolve(point));
        return new BitBudget(budgetBits, c, metric);
    }

    @Override
    public String toString() {
        return "%s bits per weight of %s".formatted(budgetBits, candidates);
    }
}
