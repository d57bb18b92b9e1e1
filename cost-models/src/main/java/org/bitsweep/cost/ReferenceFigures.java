package org.bitsweep.cost;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seed papers' reported PE energies, areas and efficiency ratios, from {@code asic/reference-pes.yaml}: kept
 * as data so that docs and tests compare our PE costs with them instead of copying them into our models.
 */
public final class ReferenceFigures {
    static final String FILE = "asic/reference-pes.yaml";
    private static final List<ReferenceFigure> ALL = Yaml.bundled(FILE, ReferenceFigures::parse);

    private ReferenceFigures() {
    }

    public static List<ReferenceFigure> all() {
        return ALL;
    }

    public static ReferenceFigure byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no reference figure " + id + "; ids: " + ALL.stream().map(ReferenceFigure::id).toList()));
    }

    public static List<ReferenceFigure> parse(String file, InputStream in) throws IOException {
        return parse(file, Yaml.read(in));
    }

    static List<ReferenceFigure> parse(String file, JsonNode root) {
        JsonNode rows = Yaml.list(file, root, "figures", "top level");
        List<ReferenceFigure> figures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "figures[" + i + "]";
            Provenance p = Provenance.of(file, row, where);
            if (p.estimate())
                throw new IllegalStateException("%s: %s: a reported figure needs source:, not estimate:".formatted(file, where));
            String id = Yaml.text(file, row, "id", where);
            if (figures.stream().anyMatch(f -> f.id().equals(id)))
                throw new IllegalStateException("%s: %s: id %s used twice".formatted(file, where, id));
            boolean point = row.has("value");
            if (point == (row.has("low") || row.has("high")))
                throw new IllegalStateException("%s: %s: give either value: or low: and high:".formatted(file, where));
            double low = Yaml.number(file, row, point ? "value" : "low", where);
            double high = Yaml.number(file, row, point ? "value" : "high", where);
            JsonNode verified = row.get("verified");
            if (verified == null || !verified.isBoolean())
                throw new IllegalStateException("%s: %s: verified: missing or not true/false".formatted(file, where));
            try {
                figures.add(new ReferenceFigure(id, Yaml.text(file, row, "paper", where),
                        Yaml.text(file, row, "subject", where), low, high, Yaml.text(file, row, "unit", where),
                        Yaml.text(file, row, "node", where), verified.booleanValue(),
                        Yaml.text(file, row, "note", where), p.text()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(figures);
    }
}
