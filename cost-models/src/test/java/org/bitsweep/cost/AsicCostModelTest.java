package org.bitsweep.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AsicCostModelTest {
    final AsicCostModel nm45 = AsicCostModel.at("45nm");

    @Test
    void tableRowsAreReturnedAsWritten() {
        // Horowitz ISSCC 2014 energies; Dally/Azizi areas (H&P Fig. 1.13).
        assertThat(nm45.energyPj(Part.adder(8))).isEqualTo(0.03);
        assertThat(nm45.areaUm2(Part.adder(32))).isEqualTo(137);
        assertThat(nm45.energyPj(Part.multiplier(8, 8))).isEqualTo(0.2);
        assertThat(nm45.areaUm2(Part.multiplier(32, 32))).isEqualTo(3495);
        assertThat(nm45.energyPj(Part.sramRead(32 * 1024))).isEqualTo(20);
        assertThat(nm45.basis(Part.adder(16))).contains("Horowitz");
    }

    @Test
    void sixteenBitMultiplierFollowsThePowerLawThroughTheTwoMeasuredOnes() {
        // Exponent in a·b: ln(3.1/0.2)/ln(1024/64) = ln 15.5 / ln 16 = 0.98855.
        // 16×16 = 256 bit pairs: 0.2 · (256/64)^0.98855 = 0.2 · 3.9369 = 0.7874 pJ.
        assertThat(nm45.energyPj(Part.multiplier(16, 16))).isCloseTo(0.7874, within(1e-3));
        assertThat(nm45.basis(Part.multiplier(16, 16))).contains("power law");
    }

    @Test
    void adderBetweenRowsLiesOnTheLogLogLine() {
        // 24 bits between 16 (0.05) and 32 (0.1): exponent ln2/ln2 = 1, so 0.05 · 24/16 = 0.075 pJ.
        assertThat(nm45.energyPj(Part.adder(24))).isCloseTo(0.075, within(1e-12));
    }

    @Test
    void registerIsPerBit() {
        // One row of 1 bit (0.009 pJ, 5.98 um2): a 24-bit register costs 24 times that.
        assertThat(nm45.energyPj(Part.register(24))).isCloseTo(0.216, within(1e-12));
        assertThat(nm45.areaUm2(Part.register(24))).isCloseTo(143.52, within(1e-9));
        assertThat(nm45.basis(Part.register(24))).contains("proportional").contains("Aladdin");
    }

    @Test
    void activityAndInventoryAreSummedOverParts() {
        Activity a = Activity.builder().add(Part.adder(8), 2).add(Part.multiplier(8, 8), 1).build();
        assertThat(nm45.energyPj(a)).isCloseTo(2 * 0.03 + 0.2, within(1e-12));
        assertThat(nm45.areaUm2(Inventory.of(Part.adder(8), Part.adder(8), Part.multiplier(8, 8))))
                .isCloseTo(2 * 36 + 282, within(1e-9));
    }

    @Test
    void sramHasNoSourcedAreaAndSaysSo() {
        assertThatThrownBy(() -> nm45.areaUm2(Part.sramRead(8192))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no sourced area");
        assertThat(nm45.sramAccessBits()).isEqualTo(64);
    }

    @Test
    void nodesAreTheBaseNodeAndTheOnesItScalesTo() {
        // 45 nm has the rows; the rest come from asic/node-scaling.yaml (28 nm interpolated).
        assertThat(AsicCostModel.nodes()).containsExactly("45nm", "32nm", "28nm", "20nm", "16nm", "14nm", "10nm", "7nm");
        assertThat(AsicCostModel.baseNode()).isEqualTo("45nm");
        assertThatThrownBy(() -> AsicCostModel.at("5nm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7nm");
    }

    @Test
    void entriesNeedExactlyOneOfSourceOrEstimate() {
        String neither = """
                component: int-adder
                size_measure: width_bits
                scaling: linear
                entries:
                  - node: 45nm
                    width_bits: 8
                    energy_pj: 0.03
                  - node: 45nm
                    width_bits: 4
                    energy_pj: 0.01
                """;
        assertThatThrownBy(() -> parse(neither)).hasMessage(
                "test.yaml: entries[0]: has neither source: nor estimate:; every entry needs exactly one");
        String both = neither.replace("energy_pj: 0.01", "energy_pj: 0.01\n    source: a\n    estimate: b")
                .replace("energy_pj: 0.03", "energy_pj: 0.03\n    source: x");
        assertThatThrownBy(() -> parse(both)).hasMessageContaining("entries[1]: has both source: and estimate:");
    }

    private static CostTable parse(String yaml) throws Exception {
        return CostTableLoader.parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
