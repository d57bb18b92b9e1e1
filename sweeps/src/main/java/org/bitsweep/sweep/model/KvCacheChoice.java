package org.bitsweep.sweep.model;

import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.NumberFormat;

/**
 * The KV cache's format as a sweep or {@code simulate} gives it: a format, or {@code auto}, the activation format (the
 * keys and values are the k and v projections' outputs, activations stored for later tokens).
 *
 * @param explicit the format given; null for auto
 */
public record KvCacheChoice(NumberFormat explicit) {
    public static final KvCacheChoice AUTO = new KvCacheChoice(null);

    public static KvCacheChoice parse(String text) {
        String t = text == null ? "" : text.trim();
        return t.equals("auto") ? AUTO : new KvCacheChoice(Formats.parse(t));
    }

    public NumberFormat resolve(NumberFormat activations) {
        return explicit == null ? activations : explicit;
    }

    @Override
    public String toString() {
        return explicit == null ? "auto" : explicit.name();
    }
}
