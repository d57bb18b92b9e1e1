package org.bitsweep.cost.memory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.Provenance;
import org.bitsweep.cost.Yaml;
import org.bitsweep.cost.NotPricedException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The DRAM technologies of {@code memory/dram-technologies.yaml}, by id, in the file's order. {@code get("hbm2")}
 * gives one; an id that is not there is a user's mistake. A bad row is a bug in our data and throws
 * {@link IllegalStateException} naming the file and the row.
 *
 * @param rule the file's statement of what a price covers and how the estimates were made
 */
public record DramTechnologies(String rule, Map<String, DramTechnology> byId) {
    static final String FILE = "memory/dram-technologies.yaml";
    private static final List<String> UNITS = List.of("channel", "stack", "device");
    private static final DramTechnologies BUNDLED = Yaml.bundled(FILE, DramTechnologies::parse);

    public DramTechnologies {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** @throws NotPricedException for an id the catalog does not have; the message lists the valid ones */
    public static DramTechnology get(String id) {
        return BUNDLED.technology(id);
    }

    /** Every id, in the data file's order. */
    public static List<String> ids() {
        return List.copyOf(BUNDLED.byId.keySet());
    }

    public static List<DramTechnology> all() {
        return List.copyOf(BUNDLED.byId.values());
    }

    /** The bundled catalog, with its rule, for reports. */
    public static DramTechnologies bundled() {
        return BUNDLED;
    }

    public DramTechnology technology(String id) {
        DramTechnology t = byId.get(id);
        if (t == null)
            throw new NotPricedException("unknown DRAM technology \"%s\"; valid: %s".formatted(id,
                    String.join(", ", byId.keySet())));
        return t;
    }

    public static DramTechnologies parse(String file, InputStream in) throws IOException {
        return parse(file, Yaml.read(in));
    }

    static DramTechnologies parse(String file, JsonNode root) {
        String rule = Yaml.text(file, root, "rule", "top level");
        JsonNode rows = Yaml.list(file, root, "technologies", "top level");
        Map<String, DramTechnology> byId = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "technologies[" + i + "]";
            String id = Yaml.text(file, row, "id", where);
            if (byId.containsKey(id))
                throw new IllegalStateException("%s: %s: id %s listed twice".formatted(file, where, id));
            Provenance energy = Provenance.of(file, row, where);
            JsonNode bw = row.path("bandwidth");
            String bwWhere = where + ".bandwidth";
            Provenance bwBasis = Provenance.of(file, bw, bwWhere);
            String unit = Yaml.text(file, bw, "unit", bwWhere);
            if (!UNITS.contains(unit))
                throw new IllegalStateException("%s: %s: unit: \"%s\"; valid: %s".formatted(file, bwWhere, unit, UNITS));
            try {
                DramBandwidth bandwidth = new DramBandwidth(Yaml.number(file, bw, "gbps_per_unit", bwWhere), unit,
                        Yaml.integer(file, bw, "default_units", bwWhere), Yaml.text(file, bw, "configuration", bwWhere),
                        bwBasis.text(), bwBasis.estimate());
                byId.put(id, new DramTechnology(id, Yaml.text(file, row, "name", where),
                        Yaml.number(file, row, "pj_per_bit", where), Yaml.text(file, row, "scope", where),
                        energy.text(), energy.estimate(), bandwidth));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return new DramTechnologies(rule, byId);
    }
}
