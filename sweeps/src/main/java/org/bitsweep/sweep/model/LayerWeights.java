package org.bitsweep.sweep.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A point's per-layer weights, resolved: {@code quantization.layers}' patterns, each with its format and granularity.
 *
 * @param written   the setting as results write it ({@link LayerFormats#toString()})
 * @param byPattern pattern → weights, in the order given
 */
public record LayerWeights(String written, Map<String, WeightQuantization> byPattern) {
    public static final LayerWeights NONE = new LayerWeights("", Map.of());

    public LayerWeights {
        Objects.requireNonNull(written, "written");
        byPattern = Collections.unmodifiableMap(new LinkedHashMap<>(byPattern));
    }

    public boolean isEmpty() {
        return byPattern.isEmpty();
    }
}
