package org.bitsweep.cost;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How prices move from the base node (45 nm, where Horowitz's and Dally/Azizi's tables are) to other nodes, read from
 * {@code asic/node-scaling.yaml}: area by the node's area factor, energy by the ratio of Stillmaker & Baas's
 * polynomials at one supply voltage, leakage by the energy ratio. The file states the rule and its sources.
 *
 * @param vddV         the supply at which both nodes' polynomials are evaluated
 * @param vddBasis     why that supply
 * @param rule         the file's statement of the rule
 * @param leakageBasis why leakage follows the energy ratio
 * @param nodes        every node priced, base included, in the file's order
 */
public record NodeScaling(String baseNode, double vddV, String vddBasis, String rule, String leakageBasis,
                          List<TechNode> nodes) {
    static final String FILE = "asic/node-scaling.yaml";

    public NodeScaling {
        nodes = List.copyOf(nodes);
        if (nodes.stream().noneMatch(n -> n.name().equals(baseNode)))
            throw new IllegalStateException(FILE + ": base_node " + baseNode + " is not among the nodes");
    }

    public static NodeScaling bundled() {
        return Yaml.bundled(FILE, NodeScaling::parse);
    }

    public static NodeScaling parse(String file, InputStream in) throws IOException {
        return parse(file, Yaml.read(in));
    }

    public List<String> nodeNames() {
        return nodes.stream().map(TechNode::name).toList();
    }

    public TechNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no scaling to node " + name + "; nodes: " + nodeNames()));
    }

    public TechNode base() {
        return node(baseNode);
    }

    /** Energy per operation at {@code node} over energy at the base node, both at {@link #vddV()}. */
    public double energyFactor(String node) {
        return node(node).energyPolynomial(vddV) / base().energyPolynomial(vddV);
    }

    public double areaFactor(String node) {
        return node(node).areaFactor() / base().areaFactor();
    }

    /** Leakage power follows the energy ratio (see {@link #leakageBasis()}). */
    public double leakageFactor(String node) {
        return energyFactor(node);
    }

    /** One line saying how a base-node price became a price at {@code node}. */
    public String basis(String node) {
        TechNode n = node(node);
        return "scaled %s -> %s: energy x %.4f (Stillmaker & Baas polynomials at %s V), area x %.4f; %s (%s)"
                .formatted(baseNode, node, energyFactor(node), vddV, areaFactor(node), n.basis(), FILE);
    }

    static NodeScaling parse(String file, JsonNode root) {
        String base = Yaml.text(file, root, "base_node", "top level");
        String rule = Yaml.text(file, root, "rule", "top level");
        JsonNode supply = root.path("supply");
        Provenance vddBasis = Provenance.of(file, supply, "supply");
        double vdd = Yaml.number(file, supply, "vdd_v", "supply");
        JsonNode leakage = root.path("leakage");
        Provenance leakageBasis = Provenance.of(file, leakage, "leakage");
        if (!"energy".equals(Yaml.text(file, leakage, "follows", "leakage")))
            throw new IllegalStateException(file + ": leakage: follows: only \"energy\" is implemented");
        JsonNode rows = Yaml.list(file, root, "nodes", "top level");
        Map<String, TechNode> byName = new LinkedHashMap<>();
        List<JsonNode> interpolated = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "nodes[" + i + "]";
            Provenance p = Provenance.of(file, row, where);
            String name = Yaml.text(file, row, "node", where);
            if (byName.containsKey(name))
                throw new IllegalStateException("%s: %s: node %s listed twice".formatted(file, where, name));
            byName.put(name, null);
            if (row.has("interpolate_between")) {
                interpolated.add(row);
                continue;
            }
            JsonNode poly = row.path("energy_poly");
            if (!poly.isArray() || poly.size() != 3 || !poly.get(0).isNumber() || !poly.get(1).isNumber()
                    || !poly.get(2).isNumber())
                throw new IllegalStateException("%s: %s: energy_poly: must be [a, b, c]".formatted(file, where));
            byName.put(name, new TechNode(name, Yaml.number(file, row, "feature_nm", where),
                    Yaml.number(file, row, "area_factor", where), poly.get(0).doubleValue(), poly.get(1).doubleValue(),
                    poly.get(2).doubleValue(), p.text(), p.estimate()));
        }
        for (JsonNode row : interpolated) {
            String name = row.get("node").asText();
            String where = "node " + name;
            JsonNode ends = row.get("interpolate_between");
            if (!ends.isArray() || ends.size() != 2)
                throw new IllegalStateException("%s: %s: interpolate_between: must name two nodes".formatted(file, where));
            TechNode hi = tabulated(file, byName, ends.get(0).asText(), where);
            TechNode lo = tabulated(file, byName, ends.get(1).asText(), where);
            if (hi.featureNm() < lo.featureNm()) {
                TechNode t = hi;
                hi = lo;
                lo = t;
            }
            byName.put(name, TechNode.between(name, Yaml.number(file, row, "feature_nm", where), lo, hi,
                    Provenance.of(file, row, where).text()));
        }
        return new NodeScaling(base, vdd, vddBasis.text(), rule, leakageBasis.text(), List.copyOf(byName.values()));
    }

    private static TechNode tabulated(String file, Map<String, TechNode> byName, String name, String where) {
        TechNode n = byName.get(name);
        if (n == null || n.estimate())
            throw new IllegalStateException("%s: %s: interpolate_between: %s is not a tabulated node"
                    .formatted(file, where, name));
        return n;
    }
}
