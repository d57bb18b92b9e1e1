package org.bitsweep.cost.fpga;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.Provenance;
import org.bitsweep.cost.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The formula and provenance of every part an FPGA MAC unit is built from, and of the accumulator width rules, as
 * {@code fpga/mac-parts.yaml} states them. {@link MacUnitCosts} implements the formulas; each {@link MacPart} it
 * returns carries its entry's text, so a report says for every LUT count whether it is read or estimated.
 */
public final class MacParts {
    static final String FILE = "fpga/mac-parts.yaml";

    /** One part's entry: the formula in words, and its {@code source:} or {@code estimate:}. */
    public record Entry(String id, String formula, String basis, boolean estimate) {
    }

    private record Data(Map<String, Entry> parts, Map<String, Entry> widths) {
    }

    private static final Data DATA = Yaml.bundled(FILE, MacParts::parse);

    private MacParts() {
    }

    /** @throws IllegalStateException for a part the data file does not describe (a bug in our data or code) */
    public static Entry part(String id) {
        Entry e = DATA.parts.get(id);
        if (e == null)
            throw new IllegalStateException("%s has no part %s; parts: %s".formatted(FILE, id, DATA.parts.keySet()));
        return e;
    }

    public static List<Entry> parts() {
        return List.copyOf(DATA.parts.values());
    }

    /** The accumulator width rule {@code integer} or {@code minifloat-exact}. */
    public static Entry accumulatorWidth(String id) {
        Entry e = DATA.widths.get(id);
        if (e == null)
            throw new IllegalStateException("%s has no accumulator width rule %s".formatted(FILE, id));
        return e;
    }

    private static Data parse(String file, JsonNode root) {
        return new Data(entries(file, root, "parts"), entries(file, root, "accumulator_widths"));
    }

    private static Map<String, Entry> entries(String file, JsonNode root, String field) {
        JsonNode rows = Yaml.list(file, root, field, "top level");
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String where = field + "[" + i + "]";
            JsonNode row = rows.get(i);
            Provenance p = Provenance.of(file, row, where);
            Entry e = new Entry(Yaml.text(file, row, "id", where), Yaml.text(file, row, "formula", where), p.text(),
                    p.estimate());
            if (byId.put(e.id(), e) != null)
                throw new IllegalStateException("%s: %s: id %s used twice".formatted(file, where, e.id()));
        }
        return Map.copyOf(byId);
    }
}
