package org.bitsweep.cost.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Part;
import org.bitsweep.cost.NotPricedException;
import org.junit.jupiter.api.Test;

/** SRAM prices from the CACTI table: lookups, interpolation and node scaling, each worked by hand. */
class SramModelTest {
    final SramModel nm45 = SramModel.at("45nm");

    @Test
    void aGridShapeIsCactisOwnNumber() {
        // memory/sram-cacti.yaml, 45nm row [32768, 64, 1, 14.9248, 12.6898, 38.0784, 94915.3].
        SramPrice p = nm45.price(32768, 64, 1);
        assertThat(p.readPj()).isEqualTo(14.9248);
        assertThat(p.writePj()).isEqualTo(12.6898);
        assertThat(p.leakageMw()).isEqualTo(38.0784);
        assertThat(p.areaUm2()).isEqualTo(94915.3);
        assertThat(p.basis()).contains("CACTI point").contains("45nm").contains("1ffd8df");
    }

    @Test
    void leakageCountsEveryBank() {
        // Row [262144, 64, 4, 31.5647, 29.3297, 77.0183, 888408]: CACTI's 77.0183 mW is one bank's; 4 x 77.0183.
        assertThat(nm45.leakageMw(262144, 64, 4)).isCloseTo(4 * 77.0183, within(1e-9));
        // 1 mW for one 2 ns cycle (500 MHz) is 2 pJ: 308.0732 mW x 2 ns = 616.1464 pJ.
        assertThat(nm45.price(262144, 64, 4).leakagePjPerCycle(500)).isCloseTo(616.1464, within(1e-6));
    }

    @Test
    void betweenTwoCapacitiesThePriceIsOnTheirLogLogLine() {
        // 12 KiB, 64 bits, 1 bank lies between rows 8192 (5.28833 pJ) and 16384 (9.99426 pJ):
        // t = log2(12288 / 8192) = 0.5849625; 5.28833 x (9.99426 / 5.28833)^0.5849625 = 7.673985 pJ.
        assertThat(nm45.readPj(12288, 64, 1)).isCloseTo(7.673985, within(1e-6));
        assertThat(nm45.basis(12288, 64, 1)).contains("power law").contains("8192..16384 B");
    }

    @Test
    void betweenCapacitiesAndWidthsThePriceIsBilinearInTheLogs() {
        // 12 KiB at 96 bits, 1 bank. Along capacity at 64 bits (above): 7.673985. At 128 bits, rows 8192 (6.54203)
        // and 16384 (9.10741): 6.54203 x (9.10741 / 6.54203)^0.5849625 = 7.984880. Along width, u = log2(96 / 64)
        // = 0.5849625: 7.673985 x (7.984880 / 7.673985)^0.5849625 = 7.827868 pJ.
        assertThat(nm45.readPj(12288, 96, 1)).isCloseTo(7.827868, within(1e-5));
    }

    @Test
    void below22nmPricesAreCactis22nmTimesStillmakerBaasFrom22nm() {
        // 22 nm sits 1/6 of the way from 20 to 32 nm. At 0.8 V: P20 = 0.1532, P32 = 0.456936,
        // P22 = 0.1532 + (2/12)(0.303736) = 0.2038227; P7 = 0.065358; energy x 0.065358 / 0.2038227 = 0.3206610.
        // Area: A22 = 0.21 + (2/12)(0.25) = 0.2516667; x 0.059 / 0.2516667 = 0.2344371.
        // 22nm row [65536, 128, 4, 6.51438, 9.0019, 5.59986, 60630.1].
        SramModel nm7 = SramModel.at("7nm");
        assertThat(nm7.fromCacti()).isFalse();
        assertThat(nm7.readPj(65536, 128, 4)).isCloseTo(6.51438 * 0.3206610, within(1e-5));
        assertThat(nm7.areaUm2(65536, 128, 4)).isCloseTo(60630.1 * 0.2344371, within(1e-2));
        assertThat(nm7.leakageMw(65536, 128, 4)).isCloseTo(4 * 5.59986 * 0.3206610, within(1e-5));
        assertThat(nm7.basis(65536, 128, 4)).contains("scaled 22nm -> 7nm").contains("Stillmaker & Baas");
    }

    @Test
    void cactisNodesAreCactisOwnAnd28nmIsAmongThem() {
        assertThat(SramModel.nodes()).containsExactly("90nm", "65nm", "45nm", "32nm", "28nm", "22nm", "20nm", "16nm",
                "14nm", "10nm", "7nm");
        assertThat(SramModel.at("28nm").fromCacti()).isTrue();
        assertThat(SramModel.at("20nm").fromCacti()).isFalse();
    }

    @Test
    void againstHorowitzCactiReadsCostAHalfToThreeQuartersAsMuch() {
        // 45 nm, 64-bit reads, one bank, CACTI over Horowitz (AsicCostModel's rows 10, 20, 100 pJ):
        // 8 KB 5.28833 / 10 = 0.529; 32 KB 14.9248 / 20 = 0.746; 1 MB 67.6875 / 100 = 0.677.
        AsicCostModel horowitz = AsicCostModel.at("45nm");
        long[] sizes = {8192, 32768, 1048576};
        double[] ratios = {0.528833, 0.74624, 0.676875};
        for (int i = 0; i < sizes.length; i++)
            assertThat(nm45.readPj(sizes[i], 64, 1) / horowitz.energyPj(Part.sramRead(sizes[i])))
                    .as("%d bytes", sizes[i]).isCloseTo(ratios[i], within(1e-9));
    }

    @Test
    void moreBanksCanLowerOrRaiseTheReadEnergy() {
        // No bank-count property holds in CACTI's data: 256 KiB, 64 bits at 45 nm reads
        // 40.6252 (1 bank) > 32.0205 (2) > 31.5647 (4) < 35.0017 (8) > 26.4367 (16) pJ; CACTI re-optimises each.
        assertThat(nm45.readPj(262144, 64, 1)).isEqualTo(40.6252);
        assertThat(nm45.readPj(262144, 64, 2)).isEqualTo(32.0205);
        assertThat(nm45.readPj(262144, 64, 4)).isEqualTo(31.5647);
        assertThat(nm45.readPj(262144, 64, 8)).isEqualTo(35.0017);
        assertThat(nm45.readPj(262144, 64, 16)).isEqualTo(26.4367);
    }

    @Test
    void anUnknownNodeIsAUsersMistakeThatListsTheNodes() {
        assertThatThrownBy(() -> SramModel.at("5nm")).isInstanceOf(NotPricedException.class).hasMessage(
                "no SRAM prices at node \"5nm\"; nodes: 90nm, 65nm, 45nm, 32nm, 28nm, 22nm, 20nm, 16nm, 14nm, 10nm, 7nm");
    }

    @Test
    void shapesOutsideTheTableAreRefusedNotExtrapolated() {
        assertThatThrownBy(() -> nm45.readPj(32768, 64, 3)).isInstanceOf(NotPricedException.class)
                .hasMessageContaining("SRAM banks: 3; the CACTI table has [1, 2, 4, 8, 16]");
        assertThatThrownBy(() -> nm45.readPj(512, 64, 1)).isInstanceOf(NotPricedException.class)
                .hasMessage("SRAM capacity: 512 bytes; the CACTI table covers 1024 to 16777216 bytes");
        assertThatThrownBy(() -> nm45.areaUm2(32768, 16, 1)).isInstanceOf(NotPricedException.class)
                .hasMessage("SRAM access width: 16 bits; the CACTI table covers 32 to 1024 bits");
        // CACTI finds no organisation for 1 or 2 KiB read 1024 bits at a time; at one bank the table starts at 4 KiB.
        assertThatThrownBy(() -> nm45.readPj(1024, 1024, 1)).isInstanceOf(NotPricedException.class).hasMessage(
                "SRAM of 1024 bytes, 1024-bit access, 1 bank(s) at 45nm: CACTI 7 cannot organise it (16 or fewer words "
                        + "per bank); at 1024 bits and 1 bank(s) the table starts at 4096 bytes; use fewer banks, a "
                        + "narrower access or a larger SRAM");
        // 3 KiB interpolates from the 2 KiB shape too, which CACTI lacks, so it is refused though 4 KiB is priced.
        assertThatThrownBy(() -> nm45.readPj(3072, 1024, 1)).isInstanceOf(NotPricedException.class)
                .hasMessageContaining("it lies next to 2048 bytes at 1024 bits");
    }

    @Test
    void theLoaderRejectsAColumnOrderItDoesNotRead() throws Exception {
        String yaml = """
                interpolation: i
                leakage: l
                node_scaling:
                  rule: r
                  scale_from: 22nm
                  reference: {node: 22nm, feature_nm: 22, interpolate_between: [32nm, 20nm], estimate: e}
                columns: [capacity_bytes, width_bits, banks, read_pj, write_pj, standby_leakage_per_bank_mw, area_um2]
                nodes:
                  - node: 22nm
                    technology_um: 0.022
                    source: s
                    rows:
                      - [1024, 32, 1, 1.0, 1.5, 0.5, 3000]
                """;
        assertThat(SramTable.parse("t.yaml", root(yaml)).grid("22nm").point(1024, 32, 1).writePj()).isEqualTo(1.5);
        assertThatThrownBy(() -> SramTable.parse("t.yaml", root(yaml.replace("read_pj, write_pj", "write_pj, read_pj"))))
                .hasMessageContaining("columns: ");
        assertThatThrownBy(() -> SramTable.parse("t.yaml", root(yaml.replace("3000]", "3000, 7]"))))
                .hasMessageContaining("nodes[0].rows[0]: must be a list of 7 numbers");
        assertThatThrownBy(() -> SramTable.parse("t.yaml", root(yaml.replace("1.5, 0.5", "1.5, -0.5"))))
                .hasMessageContaining("finite and > 0");
    }

    private static InputStream root(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
