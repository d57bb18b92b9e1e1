package org.bitsweep.sweep.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.bitsweep.sim.spec.Raw;
import org.bitsweep.workloads.UserInputException;

/**
 * {@code quantization.layers} as written: weight formats by layer-name pattern ({@code {"lm_head": int8,
 * "blocks.*.mlp.*": int4}}), in the order given. A pattern is a layer name in which {@code *} stands for any run of
 * characters within one dot-separated part and {@code **} for any run at all; the most specific pattern wins
 * (LayerPatterns). Layers no pattern matches take {@code quantization.weights}.
 */
public record LayerFormats(Map<String, WeightChoice> patterns) {
    public static final LayerFormats NONE = new LayerFormats(Map.of());

    public LayerFormats {
        patterns = Collections.unmodifiableMap(new LinkedHashMap<>(patterns));
    }

    /** A mapping of PATTERN: FORMAT[:GRANULARITY], as a sweep file gives it. */
    public static LayerFormats parse(Object raw) {
        if (!(raw instanceof Map<?, ?> map))
            throw new UserInputException("expected a mapping of layer pattern to weight format, e.g. {\"lm_head\": int8, "
                    + "\"blocks.*.mlp.*\": int4}, got " + Raw.describe(raw));
        if (map.isEmpty())
            throw new UserInputException("an empty mapping; give layer patterns and formats, e.g. {fc1: int4}, or "
                    + "leave quantization.layers out");
        Map<String, WeightChoice> patterns = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String pattern = String.valueOf(e.getKey()).trim();
            if (pattern.isEmpty())
                throw new UserInputException("a layer pattern is empty; write a layer name, e.g. fc1, or a glob, e.g. "
                        + "conv*");
            try {
                patterns.put(pattern, WeightChoice.parse(Raw.text(e.getValue())));
            } catch (UserInputException x) {
                throw new UserInputException("\"%s\": %s".formatted(pattern, x.getMessage()), x);
            }
        }
        return new LayerFormats(patterns);
    }

    /** Each pattern's weights for a point whose granularity is {@code point}. */
    public LayerWeights resolve(GranularityChoice point) {
        Map<String, WeightQuantization> resolved = new LinkedHashMap<>();
        patterns.forEach((pattern, choice) -> resolved.put(pattern, choice.resolve(point)));
        return new LayerWeights(toString(), resolved);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** As results write it: {@code PATTERN=FORMAT} joined by {@code ;}, empty for none. */
    @Override
    public String toString() {
        return patterns.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    /** As sweep.resolved.yaml writes it: the mapping. */
    public Map<String, Object> plain() {
        Map<String, Object> m = new LinkedHashMap<>();
        patterns.forEach((p, c) -> m.put(p, c.written()));
        return m;
    }
}
