package org.bitsweep.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads and checks one {@code asic/<component>.yaml}. A bad row is a bug in our data, not a user's mistake, so it
 * throws {@link IllegalStateException} naming the file, the row and what is wrong.
 */
public final class CostTableLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> MEASURES = Set.of("width_bits", "width_product", "capacity_bytes");

    private CostTableLoader() {
    }

    public static CostTable bundled(Component component) {
        String file = "asic/" + component.id() + ".yaml";
        try (InputStream in = CostTableLoader.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null)
                throw new IllegalStateException("missing bundled cost table " + file);
            return parse(file, in);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    public static CostTable parse(String file, InputStream in) throws IOException {
        JsonNode root = YAML.readTree(in);
        Component component = Component.byId(text(file, root, "component", "top level"));
        if (!component.id().equals(file.replaceAll(".*/|\\.yaml$", "")) && file.startsWith("asic/"))
            throw new IllegalStateException(file + ": component " + component.id() + " does not match the file name");
        String measure = text(file, root, "size_measure", "top level");
        if (!MEASURES.contains(measure))
            throw new IllegalStateException("%s: size_measure: \"%s\"; valid: %s".formatted(file, measure, MEASURES));
        String scaling = text(file, root, "scaling", "top level");
        JsonNode rows = root.path("entries");
        if (!rows.isArray() || rows.isEmpty())
            throw new IllegalStateException(file + ": entries: must be a non-empty list");
        List<CostEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "entries[" + i + "]";
            boolean hasSource = row.hasNonNull("source");
            boolean hasEstimate = row.hasNonNull("estimate");
            if (hasSource == hasEstimate)
                throw new IllegalStateException("%s: %s: has %s; every entry needs exactly one"
                        .formatted(file, where, hasSource ? "both source: and estimate:" : "neither source: nor estimate:"));
            String basis = text(file, row, hasSource ? "source" : "estimate", where);
            long size = switch (measure) {
                case "width_product" -> {
                    long w = number(file, row, "width_bits", where).longValue();
                    yield w * w;
                }
                default -> number(file, row, measure, where).longValue();
            };
            double area = row.has("area_um2") ? number(file, row, "area_um2", where).doubleValue() : Double.NaN;
            try {
                entries.add(new CostEntry(text(file, row, "node", where), size,
                        number(file, row, "energy_pj", where).doubleValue(), area, basis, hasEstimate));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        int accessBits = root.has("access_bits") ? number(file, root, "access_bits", "top level").intValue() : 0;
        return new CostTable(component, scaling, accessBits, entries);
    }

    private static String text(String file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank())
            throw new IllegalStateException("%s: %s: %s: missing or not a string".formatted(file, where, field));
        return v.asText();
    }

    private static Number number(String file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber())
            throw new IllegalStateException("%s: %s: %s: missing or not a number".formatted(file, where, field));
        return v.numberValue();
    }
}
