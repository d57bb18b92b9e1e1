package org.bitsweep.sweep.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/studies/bitnet-denseshift.yaml (docs/studies/bitnet-denseshift.md) cut to batch 1 and five of its ten
 * PE and format pairs: the reduced rows order the designs as the full study does.
 */
class BitnetDenseshiftStudyTest {
    static final Path STUDY = Path.of("..", "examples", "studies", "bitnet-denseshift.yaml");

    @Test
    void ternaryWeightsCostLeastPerMacAndPerTokenAndFp16Most(@TempDir Path dir) throws IOException {
        List<CSVRecord> rows = StripesPragmaticStudyTest.runReduced(STUDY, dir, "batch: \\[1, 16\\]", "batch: 1",
                "weights: \\[[^\\]]*\\]", "weights: [fp16, int8, int4, ternary, denseshift3]",
                "activations: \\[[^\\]]*\\]", "activations: [fp16, int8, int8, int8, fp16]",
                "pe: \\[[^\\]]*\\]", "pe: [fp-mac, int-mac, int-mac, shift-add, shift-add]");
        Map<String, CSVRecord> by = rows.stream().collect(Collectors.toMap(
                r -> r.get("weights") + "/" + r.get("activations") + " " + r.get("pe"), r -> r));
        assertThat(by).hasSize(5);
        double fp16 = macPj(by.get("fp16/fp16 fp-mac"));
        double int8 = macPj(by.get("int8/int8 int-mac"));
        double int4 = macPj(by.get("int4/int8 int-mac"));
        double ternary = macPj(by.get("ternary/int8 shift-add"));
        double denseshiftFp16 = macPj(by.get("denseshift3/fp16 shift-add"));
        // A ternary weight selects +a, −a or 0 (a 2:1 select and a sign) into a 32-bit integer add: no multiplier,
        // against an int4 × int8 multiplier, an int8 × int8 one, and an FP16 multiplier with an FP32 adder. The full
        // study: 0.0113 < 0.0190 < 0.0283 < 0.1886 pJ per MAC at 7 nm.
        assertThat(ternary).isLessThan(int4);
        assertThat(int4).isLessThan(int8);
        assertThat(int8).isLessThan(fp16);
        // DenseShift's setting, fp16 activations shifted by a power of two, is cheaper than the FP16 multiply-add
        // it replaces (full study: 0.0684 against 0.1886) but dearer than integer activations.
        assertThat(denseshiftFp16).isBetween(int8, fp16);
        // Per token the weights' DRAM traffic dominates at batch 1, 2 bits per ternary weight against 4, 8 and 16:
        // the same order.
        assertThat(tokenPj(by.get("ternary/int8 shift-add"))).isLessThan(tokenPj(by.get("int4/int8 int-mac")));
        assertThat(tokenPj(by.get("int4/int8 int-mac"))).isLessThan(tokenPj(by.get("int8/int8 int-mac")));
        assertThat(tokenPj(by.get("int8/int8 int-mac"))).isLessThan(tokenPj(by.get("fp16/fp16 fp-mac")));
    }

    static double macPj(CSVRecord r) {
        return Double.parseDouble(r.get("energy_mac_pj")) / Double.parseDouble(r.get("macs"));
    }

    static double tokenPj(CSVRecord r) {
        return Double.parseDouble(r.get("energy_pj_per_token"));
    }
}
