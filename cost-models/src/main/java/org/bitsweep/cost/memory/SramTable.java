package org.bitsweep.cost.memory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bitsweep.cost.Provenance;
import org.bitsweep.cost.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One cell type's CACTI file ({@code memory/sram-cacti.yaml} for {@link SramCells#HP},
 * {@code memory/sram-cacti-lstp.yaml} for {@link SramCells#LSTP}; one schema): CACTI 7 runs on a grid of SRAM shapes
 * at each node CACTI models, the file's statements of how prices between grid points and at other nodes are found,
 * and the reference node for scaling. A bad row is a bug in our data and throws {@link IllegalStateException} naming
 * the file and the row.
 *
 * @param file               the data file, as bundled (e.g. {@code memory/sram-cacti.yaml})
 * @param interpolation      the file's statement of the interpolation rule
 * @param leakage            the file's statement of how a whole SRAM's leakage follows from CACTI's per-bank figure
 * @param scaling            the file's statement of how nodes without CACTI runs are priced
 * @param scaleFrom          the CACTI node that nodes below it scale from (22 nm, CACTI 7's smallest)
 * @param scaleFromFeatureNm its feature size
 * @param scaleFromBetween   the two Stillmaker & Baas nodes its scaling factors are interpolated between
 * @param scaleFromBasis     the {@code estimate:} text of that interpolation
 * @param grids              one per CACTI node, largest feature size first
 */
record SramTable(String file, String interpolation, String leakage, String scaling, String scaleFrom,
                 double scaleFromFeatureNm, List<String> scaleFromBetween, String scaleFromBasis,
                 List<SramGrid> grids) {
    static final List<String> COLUMNS = List.of("capacity_bytes", "width_bits", "banks", "read_pj", "write_pj",
            "standby_leakage_per_bank_mw", "area_um2");

    SramTable {
        grids = grids.stream().sorted(Comparator.comparingDouble(SramGrid::featureNm).reversed()).toList();
        scaleFromBetween = List.copyOf(scaleFromBetween);
        if (grids.stream().noneMatch(g -> g.node().equals(scaleFrom)))
            throw new IllegalStateException(file + ": node_scaling: scale_from " + scaleFrom + " has no CACTI runs");
    }

    static SramTable bundled(SramCells cells) {
        return Yaml.bundled(cells.file(), SramTable::parse);
    }

    static SramTable parse(String file, InputStream in) throws IOException {
        return parse(file, Yaml.read(in));
    }

    SramGrid grid(String node) {
        return grids.stream().filter(g -> g.node().equals(node)).findFirst().orElse(null);
    }

    static SramTable parse(String file, JsonNode root) {
        String interpolation = Yaml.text(file, root, "interpolation", "top level");
        String leakage = Yaml.text(file, root, "leakage", "top level");
        JsonNode ns = root.path("node_scaling");
        String scaling = Yaml.text(file, ns, "rule", "node_scaling");
        String scaleFrom = Yaml.text(file, ns, "scale_from", "node_scaling");
        JsonNode ref = ns.path("reference");
        Provenance refBasis = Provenance.of(file, ref, "node_scaling.reference");
        if (!scaleFrom.equals(Yaml.text(file, ref, "node", "node_scaling.reference")))
            throw new IllegalStateException(file + ": node_scaling: reference must describe scale_from " + scaleFrom);
        JsonNode between = ref.path("interpolate_between");
        if (!between.isArray() || between.size() != 2)
            throw new IllegalStateException(file + ": node_scaling.reference: interpolate_between: must name two nodes");
        List<String> columns = new ArrayList<>();
        Yaml.list(file, root, "columns", "top level").forEach(c -> columns.add(c.asText()));
        if (!columns.equals(COLUMNS))
            throw new IllegalStateException("%s: columns: %s; the loader reads %s".formatted(file, columns, COLUMNS));
        JsonNode nodes = Yaml.list(file, root, "nodes", "top level");
        List<SramGrid> grids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String where = "nodes[" + i + "]";
            Provenance p = Provenance.of(file, n, where);
            String node = Yaml.text(file, n, "node", where);
            double featureNm = Yaml.number(file, n, "technology_um", where) * 1000;
            JsonNode rows = Yaml.list(file, n, "rows", where);
            List<SramPoint> points = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++)
                points.add(point(file, rows.get(r), "%s.rows[%d]".formatted(where, r)));
            try {
                grids.add(new SramGrid(node, featureNm, file, p.text(), points));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return new SramTable(file, interpolation, leakage, scaling, scaleFrom,
                Yaml.number(file, ref, "feature_nm", "node_scaling.reference"),
                List.of(between.get(0).asText(), between.get(1).asText()), refBasis.text(), grids);
    }

    private static SramPoint point(String file, JsonNode row, String where) {
        if (!row.isArray() || row.size() != COLUMNS.size())
            throw new IllegalStateException("%s: %s: must be a list of %d numbers %s".formatted(file, where,
                    COLUMNS.size(), COLUMNS));
        for (int i = 0; i < row.size(); i++)
            if (!row.get(i).isNumber() || (i < 3 && !row.get(i).isIntegralNumber()))
                throw new IllegalStateException("%s: %s: %s: not a%s number".formatted(file, where, COLUMNS.get(i),
                        i < 3 ? "n integral" : ""));
        try {
            return new SramPoint(row.get(0).longValue(), row.get(1).intValue(), row.get(2).intValue(),
                    row.get(3).doubleValue(), row.get(4).doubleValue(), row.get(5).doubleValue(), row.get(6).doubleValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
        }
    }
}
