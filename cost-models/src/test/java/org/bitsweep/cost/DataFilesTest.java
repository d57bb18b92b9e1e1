package org.bitsweep.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Every bundled data file: every entry says where its numbers came from, and every file is read by a loader. */
class DataFilesTest {

    @Test
    void everyEntryOfEveryAsicFileHasExactlyOneOfSourceOrEstimate() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> files = asicFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(Component.values().length + 3);
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                walk(f.getFileName().toString(), Yaml.read(in), "top level", true, false, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEntryOfEveryGpuFileHasExactlyOneOfSourceOrEstimate() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> files = dataFiles("gpu");
        assertThat(files).hasSize(org.bitsweep.cost.gpu.GpuSpecs.ids().size() + 3);
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                walk(f.getFileName().toString(), Yaml.read(in), "top level", true, false, problems);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(org.bitsweep.cost.gpu.KernelInstructions.bundled().mixes()).isNotEmpty();
        try (InputStream in = Files.newInputStream(files.stream().filter(f -> f.endsWith("published-figures.yaml")).findFirst().orElseThrow())) {
            assertThat(ReferenceFigures.parse("gpu/published-figures.yaml", in)).hasSizeGreaterThan(40);
        }
    }

    @Test
    void everyEntryOfEveryMemoryFileHasExactlyOneOfSourceOrEstimate() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> files = dataFiles("memory");
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("dram-technologies.yaml", "sram-cacti.yaml", "sram-cacti-lstp.yaml");
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                walk(f.getFileName().toString(), Yaml.read(in), "top level", true, false, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyAsicFileIsReadByALoader() throws Exception {
        List<String> known = new ArrayList<>(Arrays.stream(Component.values()).map(c -> c.id() + ".yaml").toList());
        known.addAll(List.of("node-scaling.yaml", "leakage.yaml", "reference-pes.yaml"));
        assertThat(asicFiles().stream().map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(known);
        for (Component c : Component.values())
            assertThat(CostTableLoader.bundled(c).entries()).isNotEmpty();
        assertThat(NodeScaling.bundled().nodes()).hasSize(8);
        assertThat(LeakageTable.bundled().densities()).hasSize(7);
        assertThat(ReferenceFigures.all()).isNotEmpty();
    }

    @Test
    void nodeScalingRejectsANodeWithNeitherSourceNorEstimate() {
        String yaml = """
                base_node: 45nm
                rule: r
                supply: {vdd_v: 0.8, estimate: e}
                leakage: {follows: energy, estimate: e}
                nodes:
                  - {node: 45nm, feature_nm: 45, area_factor: 1, energy_poly: [1, 0, 0], source: s}
                  - {node: 7nm, feature_nm: 7, area_factor: 0.1, energy_poly: [1, 0, 0]}
                """;
        assertThatThrownBy(() -> NodeScaling.parse("t.yaml", stream(yaml))).hasMessage(
                "t.yaml: nodes[1]: has neither source: nor estimate:; every entry needs exactly one");
        assertThatThrownBy(() -> NodeScaling.parse("t.yaml", stream(yaml.replace("estimate: e}\nnodes",
                "estimate: e, source: s}\nnodes")))).hasMessageContaining("leakage: has both");
    }

    @Test
    void nodeScalingInterpolatesOnlyBetweenTabulatedNodes() throws IOException {
        String yaml = """
                base_node: 45nm
                rule: r
                supply: {vdd_v: 1.0, estimate: e}
                leakage: {follows: energy, estimate: e}
                nodes:
                  - {node: 45nm, feature_nm: 45, area_factor: 1, energy_poly: [1, 0, 0], source: s}
                  - {node: 25nm, feature_nm: 25, interpolate_between: [45nm, 5nm], estimate: halfway}
                  - {node: 5nm, feature_nm: 5, area_factor: 0.2, energy_poly: [0.5, 0, 0], source: s}
                """;
        // Halfway from 5 nm to 45 nm: area 0.2 + 0.5 * 0.8 = 0.6; a = 0.5 + 0.5 * 0.5 = 0.75, so E25/E45 = 0.75 at 1 V.
        NodeScaling s = NodeScaling.parse("t.yaml", stream(yaml));
        assertThat(s.areaFactor("25nm")).isCloseTo(0.6, within(1e-12));
        assertThat(s.energyFactor("25nm")).isCloseTo(0.75, within(1e-12));
        assertThatThrownBy(() -> NodeScaling.parse("t.yaml", stream(yaml.replace("[45nm, 5nm]", "[45nm, 3nm]"))))
                .hasMessageContaining("3nm is not a tabulated node");
    }

    @Test
    void leakageAndReferenceLoadersRejectBothSourceAndEstimate() {
        String leakage = """
                rule: r
                entries:
                  - {of: int-adder, ref_leakage_uw: 1, ref_area_um2: 2, source: s, estimate: e}
                """;
        assertThatThrownBy(() -> LeakageTable.parse("l.yaml", stream(leakage)))
                .hasMessage("l.yaml: entries[0]: has both source: and estimate:; every entry needs exactly one");
        String figures = """
                figures:
                  - {id: x, paper: p, subject: s, value: 1, unit: u, node: n, verified: false, note: n}
                """;
        assertThatThrownBy(() -> ReferenceFigures.parse("r.yaml", stream(figures)))
                .hasMessage("r.yaml: figures[0]: has neither source: nor estimate:; every entry needs exactly one");
        assertThatThrownBy(() -> ReferenceFigures.parse("r.yaml", stream(figures.replace("note: n}", "note: n, estimate: e}"))))
                .hasMessageContaining("needs source:, not estimate:");
    }

    @Test
    void aTableMustUseTheMeasureItsPartsAreSizedIn() {
        String yaml = """
                component: shifter
                size_measure: width_bits
                scaling: s
                entries:
                  - {node: 45nm, width_bits: 8, energy_pj: 0.1, source: s}
                """;
        assertThatThrownBy(() -> CostTableLoader.parse("t.yaml", stream(yaml)))
                .hasMessageContaining("shifter parts are sized in barrel_mux2_cells");
    }

    /**
     * Every object inside a list is an entry; so is any other object below the top level that holds a number.
     * Each needs exactly one of source: and estimate:.
     */
    private static void walk(String file, JsonNode node, String where, boolean top, boolean inList, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++)
                walk(file, node.get(i), where + "[" + i + "]", false, true, problems);
            return;
        }
        if (!node.isObject())
            return;
        boolean holdsNumber = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); )
            holdsNumber |= it.next().getValue().isNumber();
        boolean source = node.hasNonNull("source"), estimate = node.hasNonNull("estimate");
        if (!top && (inList || holdsNumber) && source == estimate)
            problems.add("%s: %s: %s".formatted(file, where, source ? "both source and estimate" : "neither source nor estimate"));
        if (top && (source || estimate))
            problems.add(file + ": provenance belongs on entries, not on the file");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            walk(file, f.getValue(), top ? f.getKey() : where + "." + f.getKey(), false, false, problems);
        }
    }

    private static List<Path> asicFiles() throws IOException, URISyntaxException {
        return dataFiles("asic");
    }

    private static List<Path> dataFiles(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(DataFilesTest.class.getClassLoader().getResource(folder).toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static InputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
