package org.bitsweep.cost;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Leakage power per µm² of each kind of logic, read from {@code asic/leakage.yaml}. A row either gives a measured
 * leakage and the area it leaked over (the density is their ratio), or borrows the density of another component.
 * A part's leakage is that density times the part's area at the base node.
 */
public record LeakageTable(String rule, Map<Component, Density> densities) {
    static final String FILE = "asic/leakage.yaml";

    /** @param basis how the density was found, ending in the row's source or estimate */
    public record Density(double uwPerUm2, String basis) {
        public Density {
            if (!(uwPerUm2 > 0))
                throw new IllegalArgumentException("leakage density must be > 0, got " + uwPerUm2);
        }
    }

    public LeakageTable {
        densities = Map.copyOf(densities);
    }

    public static LeakageTable bundled() {
        return Yaml.bundled(FILE, LeakageTable::parse);
    }

    public static LeakageTable parse(String file, InputStream in) throws IOException {
        return parse(file, Yaml.read(in));
    }

    /** @throws IllegalStateException for a component with no leakage row (memories: none is sourced) */
    public Density density(Component c) {
        Density d = densities.get(c);
        if (d == null)
            throw new IllegalStateException("%s has no leakage for %s; it prices %s".formatted(FILE, c.id(),
                    densities.keySet().stream().map(Component::id).sorted().toList()));
        return d;
    }

    static LeakageTable parse(String file, JsonNode root) {
        String rule = Yaml.text(file, root, "rule", "top level");
        JsonNode rows = Yaml.list(file, root, "entries", "top level");
        Map<Component, Density> measured = new EnumMap<>(Component.class);
        Map<Component, JsonNode> borrowed = new EnumMap<>(Component.class);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "entries[" + i + "]";
            Provenance p = Provenance.of(file, row, where);
            Component c = component(file, row, "of", where);
            if (measured.containsKey(c) || borrowed.containsKey(c))
                throw new IllegalStateException("%s: %s: %s listed twice".formatted(file, where, c.id()));
            if (row.has("like")) {
                borrowed.put(c, row);
                continue;
            }
            double uw = Yaml.number(file, row, "ref_leakage_uw", where);
            double um2 = Yaml.number(file, row, "ref_area_um2", where);
            measured.put(c, new Density(uw / um2, "%s uW over %s um2: %s".formatted(uw, um2, p.text())));
        }
        Map<Component, Density> all = new EnumMap<>(measured);
        borrowed.forEach((c, row) -> {
            String where = "entry for " + c.id();
            Component like = component(file, row, "like", where);
            Density d = measured.get(like);
            if (d == null)
                throw new IllegalStateException("%s: %s: like: %s has no measured leakage".formatted(file, where, like.id()));
            all.put(c, new Density(d.uwPerUm2(), "density of %s (%s); %s".formatted(like.id(), d.basis(),
                    Provenance.of(file, row, where).text())));
        });
        return new LeakageTable(rule, all);
    }

    private static Component component(String file, JsonNode row, String field, String where) {
        String id = Yaml.text(file, row, field, where);
        try {
            return Component.byId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("%s: %s: %s: unknown component \"%s\"; valid: %s".formatted(file, where,
                    field, id, List.of(Component.values()).stream().map(Component::id).toList()), e);
        }
    }
}
