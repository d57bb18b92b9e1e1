package org.bitsweep.cost.fpga;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.bitsweep.cost.Provenance;
import org.bitsweep.cost.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One named number of an FPGA data file (a delay, a limit, a constant of FINN's model), with its unit and where it
 * came from: {@code source:} or {@code estimate:}, exactly one.
 */
public record Quantity(String name, double value, String unit, String basis, boolean estimate) {
    public Quantity {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(value))
            throw new IllegalArgumentException("quantity %s: value %s is not finite".formatted(name, value));
    }

    /** The list {@code field} of {@code node}, by name, in file order; a name given twice is a data bug. */
    static Map<String, Quantity> parseAll(String file, JsonNode node, String field, String where) {
        JsonNode rows = Yaml.list(file, node, field, where);
        Map<String, Quantity> byName = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String at = "%s.%s[%d]".formatted(where, field, i);
            Provenance p = Provenance.of(file, row, at);
            Quantity q = new Quantity(Yaml.text(file, row, "name", at), Yaml.number(file, row, "value", at),
                    Yaml.text(file, row, "unit", at), p.text(), p.estimate());
            if (byName.put(q.name, q) != null)
                throw new IllegalStateException("%s: %s: name %s given twice".formatted(file, at, q.name));
        }
        return Map.copyOf(byName);
    }

    /** The quantity {@code name} of a parsed list; its absence is a bug in our data. */
    static Quantity require(Map<String, Quantity> all, String name, String file, String where) {
        Quantity q = all.get(name);
        if (q == null)
            throw new IllegalStateException("%s: %s: no quantity %s; have %s".formatted(file, where, name,
                    all.keySet().stream().sorted().toList()));
        return q;
    }
}
