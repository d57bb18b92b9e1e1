package org.bitsweep.cost.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.Yaml;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The bundled FPGA families and devices, and the provenance of every number in the fpga data files. */
class FpgaCatalogTest {

    @Test
    void theIssuesDevicesAreThereWithTheirDatasheetCounts() {
        assertThat(FpgaCatalog.deviceIds()).contains("xczu3eg", "xczu7ev", "alveo-u250", "xcvc1902");
        FpgaDevice zu3 = FpgaCatalog.device("xczu3eg");
        assertThat(zu3.luts()).isEqualTo(70560);
        assertThat(zu3.dsps()).isEqualTo(360);
        // 216 36 Kb blocks are 432 18 Kb halves.
        assertThat(zu3.capacity().bram18()).isEqualTo(432);
        assertThat(FpgaCatalog.device("xcvc1902").family().dspSlice()).isEqualTo("DSP58");
        assertThat(FpgaCatalog.device("alveo-u250").family().dspSlice()).isEqualTo("DSP48E2");
        for (FpgaDevice d : FpgaCatalog.devices()) {
            assertThat(d.countsBasis()).as(d.id()).startsWith("AMD DS");
            assertThat(d.countsCheck()).as(d.id()).isNotBlank();
        }
        // Every CLB has twice as many flip-flops as LUTs on these families (UG574, AM011), so whole devices do; the
        // Alveo card's counts are what its shell leaves, which need not keep the ratio.
        for (String id : List.of("xczu3eg", "xczu7ev", "xcvc1902"))
            assertThat(FpgaCatalog.device(id).ffs()).as(id).isEqualTo(2 * FpgaCatalog.device(id).luts());
    }

    @Test
    void anUnknownDeviceNamesTheKnownOnes() {
        assertThatThrownBy(() -> FpgaCatalog.device("zu9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xczu3eg").hasMessageContaining("xcvc1902");
    }

    @Test
    void packingTakesTheFirstRowThatHoldsEitherOrientation() {
        DspPacking p = FpgaCatalog.device("xczu7ev").family().packing();
        assertThat(p.rowFor(4, 3).productsPerDsp()).isEqualTo(4);
        assertThat(p.rowFor(5, 4).productsPerDsp()).isEqualTo(2);
        assertThat(p.rowFor(16, 24).productsPerDsp()).isEqualTo(1);     // 24 × 16 fits 27 × 18 turned round
        assertThat(p.rowFor(20, 20)).isNull();
    }

    @Test
    void everyEntryOfEveryFpgaFileHasExactlyOneOfSourceOrEstimate() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String file : List.of(FpgaCatalog.FAMILIES, FpgaCatalog.DEVICES, FinnModel.FILE, MacParts.FILE,
                FpgaReferenceFigures.FILE)) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                walk(file, Yaml.read(in), "top level", problems);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(FpgaReferenceFigures.all()).isNotEmpty();
        assertThat(MacParts.parts()).hasSizeGreaterThan(15);
    }

    /** A list entry that holds a number or a formula must say where it came from, exactly once. */
    private static void walk(String file, JsonNode node, String where, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = node.get(i);
                String at = where + "[" + i + "]";
                boolean numbers = false;
                for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    numbers |= f.getValue().isNumber() || f.getKey().equals("formula");
                }
                boolean ratio = e.has("depth") && e.has("width");   // FINN's aspect ratios share one source line
                if (numbers && !ratio && e.has("source") == e.has("estimate"))
                    problems.add(file + ": " + at + ": needs exactly one of source: or estimate:");
                walk(file, e, at, problems);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (v.isObject() && (f.getKey().equals("clock") || f.getKey().equals("dram"))
                        && v.has("source") == v.has("estimate"))
                    problems.add(file + ": " + where + "." + f.getKey() + ": needs exactly one of source: or estimate:");
                walk(file, v, where + "." + f.getKey(), problems);
            }
        }
    }
}
