package org.bitsweep.workloads.quant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bitsweep.workloads.UserInputException;

/**
 * Settings per layer by name pattern, as in {@code quantization.layers: {"lm_head": int8, "blocks.*.mlp.*": int4}}.
 * A pattern is a layer name in which {@code *} stands for any run of characters within one dot-separated part of the
 * name and {@code **} for any run at all, dots included. Where several patterns match a layer, the most specific one
 * wins: an exact name (no {@code *}) beats every glob, and among globs the one with more literal characters wins.
 */
public final class LayerPatterns {
    private LayerPatterns() {
    }

    /**
     * The setting of each layer that some pattern matches, in the order of {@code layers}.
     *
     * @param what names the setting in messages, e.g. {@code quantization.layers}
     * @throws UserInputException for a pattern that matches no layer (naming the layers there are), or for a layer
     *                            that two equally specific patterns match
     */
    public static <T> Map<String, T> resolve(Map<String, T> patterns, List<String> layers, String what) {
        Map<String, T> resolved = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (String pattern : patterns.keySet())
            if (layers.stream().noneMatch(layer -> matches(pattern, layer)))
                unmatched.add(pattern);
        if (!unmatched.isEmpty())
            throw new UserInputException("%s: %s \"%s\" match%s no layer; the layers are: %s".formatted(what,
                    unmatched.size() == 1 ? "pattern" : "patterns", String.join("\", \"", unmatched),
                    unmatched.size() == 1 ? "es" : "", String.join(", ", layers)));
        for (String layer : layers) {
            String best = null;
            for (String pattern : patterns.keySet()) {
                if (!matches(pattern, layer))
                    continue;
                if (best == null || specificity(pattern) > specificity(best)) {
                    best = pattern;
                } else if (specificity(pattern) == specificity(best)) {
                    throw new UserInputException(("%s: layer %s matches \"%s\" and \"%s\", equally specific; name the "
                            + "layer itself or make one pattern longer").formatted(what, layer, best, pattern));
                }
            }
            if (best != null)
                resolved.put(layer, patterns.get(best));
        }
        return resolved;
    }

    /** Whether {@code pattern} matches the whole of {@code name}. */
    public static boolean matches(String pattern, String name) {
        return regex(pattern).matcher(name).matches();
    }

    /** An exact name ranks above every glob; a glob ranks by its literal characters. */
    static int specificity(String pattern) {
        if (pattern.indexOf('*') < 0)
            return Integer.MAX_VALUE;
        return pattern.replace("*", "").length();
    }

    private static Pattern regex(String pattern) {
        if (pattern.isBlank())
            throw new UserInputException("a layer pattern is empty; write a layer name, e.g. fc1, or a glob, e.g. conv*");
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                r.append(".*");
                i++;
            } else if (c == '*') {
                r.append("[^.]*");
            } else {
                r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(r.toString());
    }
}
