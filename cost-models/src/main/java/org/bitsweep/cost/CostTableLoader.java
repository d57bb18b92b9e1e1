package org.bitsweep.cost;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and checks one {@code asic/<component>.yaml}. A bad row is a bug in our data, not a user's mistake, so it
 * throws {@link IllegalStateException} naming the file, the row and what is wrong.
 */
public final class CostTableLoader {
    private static final List<String> NODE_SCALING = List.of("stillmaker-baas", "none");

    private CostTableLoader() {
    }

    public static CostTable bundled(Component component) {
        return Yaml.bundled("asic/" + component.id() + ".yaml", CostTableLoader::parse);
    }

    public static CostTable parse(String file, InputStream in) throws IOException {
        return parse(file, Yaml.read(in));
    }

    static CostTable parse(String file, JsonNode root) {
        Component component = Component.byId(Yaml.text(file, root, "component", "top level"));
        if (!component.id().equals(file.replaceAll(".*/|\\.yaml$", "")) && file.startsWith("asic/"))
            throw new IllegalStateException(file + ": component " + component.id() + " does not match the file name");
        String measureId = Yaml.text(file, root, "size_measure", "top level");
        SizeMeasure measure = SizeMeasure.byId(measureId);
        if (measure == null)
            throw new IllegalStateException("%s: size_measure: \"%s\"; valid: %s".formatted(file, measureId,
                    Arrays.stream(SizeMeasure.values()).map(SizeMeasure::id).toList()));
        if (measure != component.measure())
            throw new IllegalStateException("%s: size_measure: \"%s\"; %s parts are sized in %s".formatted(file,
                    measureId, component.id(), component.measure().id()));
        String scaling = Yaml.text(file, root, "scaling", "top level");
        boolean scalesWithNode = true;
        if (root.has("node_scaling")) {
            String ns = Yaml.text(file, root, "node_scaling", "top level");
            if (!NODE_SCALING.contains(ns))
                throw new IllegalStateException("%s: node_scaling: \"%s\"; valid: %s".formatted(file, ns, NODE_SCALING));
            scalesWithNode = ns.equals("stillmaker-baas");
        }
        JsonNode rows = Yaml.list(file, root, "entries", "top level");
        List<CostEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "entries[" + i + "]";
            Provenance basis = Provenance.of(file, row, where);
            try {
                long size = measure.ofRow(file, row, where);
                double area = row.has("area_um2") ? Yaml.number(file, row, "area_um2", where) : Double.NaN;
                double max = row.has("energy_pj_max") ? Yaml.number(file, row, "energy_pj_max", where) : Double.NaN;
                entries.add(new CostEntry(Yaml.text(file, row, "node", where), size,
                        Yaml.number(file, row, "energy_pj", where), area, basis.text(), basis.estimate(), max));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        int accessBits = root.has("access_bits") ? Yaml.integer(file, root, "access_bits", "top level") : 0;
        return new CostTable(component, scaling, accessBits, scalesWithNode, entries);
    }
}
