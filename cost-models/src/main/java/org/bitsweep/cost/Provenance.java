package org.bitsweep.cost;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a number came from: the text of its entry's {@code source:} (read from a paper, datasheet or code) or
 * {@code estimate:} (derived, with how and from what). Every entry of every data file has exactly one of the two.
 */
public record Provenance(String text, boolean estimate) {
    public static Provenance of(String file, JsonNode entry, String where) {
        boolean hasSource = entry.hasNonNull("source");
        boolean hasEstimate = entry.hasNonNull("estimate");
        if (hasSource == hasEstimate)
            throw new IllegalStateException("%s: %s: has %s; every entry needs exactly one".formatted(file, where,
                    hasSource ? "both source: and estimate:" : "neither source: nor estimate:"));
        return new Provenance(Yaml.text(file, entry, hasSource ? "source" : "estimate", where), hasEstimate);
    }
}
