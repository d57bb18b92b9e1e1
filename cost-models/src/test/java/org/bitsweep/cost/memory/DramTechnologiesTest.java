package org.bitsweep.cost.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.NotPricedException;
import org.junit.jupiter.api.Test;

/** The DRAM catalog against the figures its sources give, worked by hand. */
class DramTechnologiesTest {

    @Test
    void theCatalogHoldsTheTechnologiesOfTheIssueAndTodaysDefault() {
        assertThat(DramTechnologies.ids()).containsExactly("ddr3-horowitz", "ddr4", "lpddr4", "lpddr4x", "lpddr5",
                "hbm2", "hbm2e", "hbm3", "gddr6");
    }

    @Test
    void hbm2IsOConnorsEnergyAndOneJedecStack() {
        // O'Connor et al. MICRO 2017: 3.97 pJ/bit. One stack: 1024 pins x 2.0 Gb/s / 8 = 256 GB/s.
        DramTechnology hbm2 = DramTechnologies.get("hbm2");
        assertThat(hbm2.pjPerBit()).isEqualTo(3.97);
        assertThat(hbm2.defaultGbps()).isCloseTo(1024 * 2.0 / 8, within(1e-9));
        assertThat(hbm2.bandwidth().unit()).isEqualTo("stack");
        assertThat(hbm2.energyBasis()).contains("O'Connor").contains("MICRO 2017");
        assertThat(hbm2.energyEstimate()).isFalse();
        // 1 KiB moved: 8192 bits x 3.97 = 32522.24 pJ.
        assertThat(hbm2.energyPj(8192)).isCloseTo(32522.24, within(1e-6));
    }

    @Test
    void todaysDefaultIsReachableByIdAndPricesAsAsicCostModelDoes() {
        // Horowitz's low end, 1300 pJ per 64 bits = 20.3125 pJ/bit, and the simulator's 64 GB/s default.
        DramTechnology ddr3 = DramTechnologies.get("ddr3-horowitz");
        assertThat(ddr3.pjPerBit()).isEqualTo(1300.0 / 64);
        assertThat(ddr3.pjPerBit()).isEqualTo(AsicCostModel.at("45nm").dramEnergyPjPerBit());
        assertThat(ddr3.defaultGbps()).isEqualTo(64);
        assertThat(ddr3.bandwidth().estimate()).isTrue();
    }

    @Test
    void bandwidthsArePinRateTimesWidthTimesUnits() {
        // DDR4-3200, 64-bit channel: 3200e6 x 8 B = 25.6 GB/s.
        assertThat(DramTechnologies.get("ddr4").defaultGbps()).isCloseTo(3200 * 8 / 1000.0, within(1e-9));
        // LPDDR4-3200 x64: 4 x (3200e6 x 2 B) = 25.6 GB/s; LPDDR5-6400 x64: 4 x 12.8 = 51.2 GB/s.
        assertThat(DramTechnologies.get("lpddr4").defaultGbps()).isCloseTo(4 * 3200 * 2 / 1000.0, within(1e-9));
        assertThat(DramTechnologies.get("lpddr5").defaultGbps()).isCloseTo(4 * 6400 * 2 / 1000.0, within(1e-9));
        // LPDDR4X-4266 x64: 4 x (4266.7e6 x 2 B) = 34.13 GB/s.
        assertThat(DramTechnologies.get("lpddr4x").defaultGbps()).isCloseTo(4 * 4266.67 * 2 / 1000.0, within(1e-2));
        // HBM2E at Micron's low end, 3.2 Gb/s x 1024 / 8 = 409.6; HBM3 6.4 Gb/s x 1024 / 8 = 819.2 GB/s.
        assertThat(DramTechnologies.get("hbm2e").defaultGbps()).isCloseTo(3.2 * 1024 / 8, within(1e-9));
        assertThat(DramTechnologies.get("hbm3").defaultGbps()).isCloseTo(6.4 * 1024 / 8, within(1e-9));
        // One x32 GDDR6 device at 14 Gb/s: 14 x 32 / 8 = 56 GB/s; twelve of them (a 384-bit board) 672 GB/s.
        DramTechnology gddr6 = DramTechnologies.get("gddr6");
        assertThat(gddr6.defaultGbps()).isCloseTo(14.0 * 32 / 8, within(1e-9));
        assertThat(gddr6.bandwidth().gbps(12)).isCloseTo(672, within(1e-9));
    }

    @Test
    void vendorEnergiesAreMicronsTable() {
        // Micron, Ultra-Bandwidth Solutions: average device power GDDR6 7.5, HBM2E 6.0 pJ/bit.
        assertThat(DramTechnologies.get("gddr6").pjPerBit()).isEqualTo(7.5);
        assertThat(DramTechnologies.get("hbm2e").pjPerBit()).isEqualTo(6.0);
        assertThat(DramTechnologies.get("hbm2e").energyBasis()).contains("Micron");
    }

    @Test
    void ddrFamilyEstimatesAreHorowitzScaledByTheSquareOfTheCoreSupply() {
        // 20.3125 x (V / 1.5)^2: DDR4 1.2 V -> 13.0; LPDDR4 and 4X 1.1 V -> 10.924; LPDDR5 1.05 V -> 9.953.
        double horowitz = 1300.0 / 64;
        assertThat(DramTechnologies.get("ddr4").pjPerBit()).isCloseTo(horowitz * 0.64, within(1e-9));
        assertThat(DramTechnologies.get("lpddr4").pjPerBit()).isCloseTo(horowitz * 1.21 / 2.25, within(5e-3));
        assertThat(DramTechnologies.get("lpddr4x").pjPerBit()).isEqualTo(DramTechnologies.get("lpddr4").pjPerBit());
        assertThat(DramTechnologies.get("lpddr5").pjPerBit()).isCloseTo(horowitz * 0.49, within(5e-4));
        for (String id : new String[] {"ddr4", "lpddr4", "lpddr4x", "lpddr5", "hbm3"})
            assertThat(DramTechnologies.get(id).energyEstimate()).as(id).isTrue();
    }

    @Test
    void anUnknownIdIsAUsersMistakeThatListsTheValidOnes() {
        assertThatThrownBy(() -> DramTechnologies.get("hbm5")).isInstanceOf(NotPricedException.class)
                .hasMessage("unknown DRAM technology \"hbm5\"; valid: ddr3-horowitz, ddr4, lpddr4, lpddr4x, lpddr5, "
                        + "hbm2, hbm2e, hbm3, gddr6");
    }

    @Test
    void everyTechnologySaysWhatItsEnergyCoversAndWhereBothFiguresCameFrom() {
        for (DramTechnology t : DramTechnologies.all()) {
            assertThat(t.energyScope()).as(t.id()).isNotBlank();
            assertThat(t.bandwidth().configuration()).as(t.id()).isNotBlank();
            assertThat(t.basis()).as(t.id()).contains(t.id()).contains("GB/s");
        }
    }

    @Test
    void theLoaderRejectsDuplicatesUnknownUnitsAndMissingProvenance() throws Exception {
        String yaml = """
                rule: r
                technologies:
                  - id: x
                    name: X
                    pj_per_bit: 1
                    scope: s
                    source: s
                    bandwidth: {gbps_per_unit: 1, unit: stack, default_units: 1, configuration: c, source: s}
                """;
        assertThat(DramTechnologies.parse("t.yaml", root(yaml)).technology("x").defaultGbps()).isEqualTo(1);
        assertThatThrownBy(() -> DramTechnologies.parse("t.yaml", root(yaml + yaml.substring(yaml.indexOf("  - id")))))
                .hasMessageContaining("id x listed twice");
        assertThatThrownBy(() -> DramTechnologies.parse("t.yaml", root(yaml.replace("unit: stack", "unit: dimm"))))
                .hasMessageContaining("unit: \"dimm\"; valid: [channel, stack, device]");
        assertThatThrownBy(() -> DramTechnologies.parse("t.yaml", root(yaml.replace("configuration: c, source: s",
                "configuration: c")))).hasMessage(
                "t.yaml: technologies[0].bandwidth: has neither source: nor estimate:; every entry needs exactly one");
    }

    private static InputStream root(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
