package org.bitsweep.cost.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.bitsweep.cost.NotPricedException;
import org.junit.jupiter.api.Test;

/**
 * The two cell types side by side: the LSTP grid read back, and what CACTI's data says about LSTP against HP at the
 * same shape (leakage far lower, dynamic energy within a small factor, the same shapes organised).
 */
class SramCellsTest {
    static final SramTable HP = SramTable.bundled(SramCells.HP);
    static final SramTable LSTP = SramTable.bundled(SramCells.LSTP);

    @Test
    void anLstpGridShapeIsCactisOwnNumber() {
        // memory/sram-cacti-lstp.yaml, 45nm row [524288, 64, 1, 68.3493, 51.346, 0.117394, 1644630].
        SramPrice p = SramModel.at("45nm", SramCells.LSTP).price(524288, 64, 1);
        assertThat(p.readPj()).isEqualTo(68.3493);
        assertThat(p.writePj()).isEqualTo(51.346);
        assertThat(p.leakageMw()).isEqualTo(0.117394);
        assertThat(p.areaUm2()).isEqualTo(1644630);
        assertThat(p.basis()).contains("CACTI point").contains("memory/sram-cacti-lstp.yaml")
                .contains("memory/cacti-sram-lstp.cfg").contains("1ffd8df");
    }

    @Test
    void lstpLeaksAboutFourThousandSevenHundredTimesLessThanHpAt512KiBAnd45nm() {
        // 512 KiB, 64 bits, 1 bank at 45 nm: HP 552.435 mW, LSTP 0.117394 mW (both files' rows);
        // 552.435 / 0.117394 = 4705.8 (0.117394 x 4705 = 552.339, and the remaining 0.096 is 0.82 of 0.117394).
        double hp = SramModel.at("45nm", SramCells.HP).leakageMw(524288, 64, 1);
        double lstp = SramModel.at("45nm", SramCells.LSTP).leakageMw(524288, 64, 1);
        assertThat(hp / lstp).isCloseTo(4705.8, within(0.05));
    }

    @Test
    void lstpLeaksAboutTwelveHundredSixtyTimesLessThanHpAt512KiBIn8BanksAt28nm() {
        // BitMoD's buffer size and banking (512 KiB, 8 banks; ANCHORS), here read 256 bits at a time, at 28 nm:
        // HP 8 x 31.2274 = 249.8192 mW, LSTP 8 x 0.0247687 = 0.1981496 mW; ratio 31.2274 / 0.0247687 = 1260.76.
        double hp = SramModel.at("28nm").leakageMw(524288, 256, 8);
        double lstp = SramModel.at("28nm", SramCells.LSTP).leakageMw(524288, 256, 8);
        assertThat(hp).isCloseTo(249.8192, within(1e-9));
        assertThat(lstp).isCloseTo(0.1981496, within(1e-12));
        assertThat(hp / lstp).isCloseTo(1260.76, within(0.01));
    }

    @Test
    void atEveryShapeOfEveryNodeLstpLeaksAtLeast550TimesLessThanHp() {
        // Over all 2370 shapes the data's HP/LSTP leakage ratio runs from 556.7 (22 nm, 1 KiB, 32 bits, 2 banks) to
        // 5207 (45 nm, 2 MiB, 32 bits, 1 bank); the median is 1905.
        List<Double> ratios = ratios(SramPoint::standbyLeakagePerBankMw, true);
        assertThat(ratios).hasSize(6 * 395).allSatisfy(r -> assertThat(r).isGreaterThan(550));
        assertThat(median(ratios)).isBetween(1900.0, 1910.0);
    }

    @Test
    void atEveryShapeOfEveryNodeLstpReadsAndWritesCostBetween075And205TimesHp() {
        // The data: LSTP/HP read energy 0.773 (90 nm, 64 KiB, 32 bits, 1 bank) to 1.931 (45 nm, 256 KiB, 1024 bits,
        // 1 bank), median 1.359; write energy 0.811 to 2.027, median 1.342. LSTP's slower transistors are driven
        // harder and its organisation is re-optimised, so neither direction is fixed.
        List<Double> reads = ratios(SramPoint::readPj, false);
        assertThat(reads).allSatisfy(r -> assertThat(r).isBetween(0.75, 2.05));
        assertThat(median(reads)).isBetween(1.35, 1.37);
        List<Double> writes = ratios(SramPoint::writePj, false);
        assertThat(writes).allSatisfy(r -> assertThat(r).isBetween(0.75, 2.05));
        assertThat(median(writes)).isBetween(1.33, 1.35);
    }

    @Test
    void bothGridsOrganiseExactlyTheSameShapes() {
        // CACTI finds no organisation for 55 of the 450 shapes at every node with either cell type: those with 16 or
        // fewer words per bank, a geometric limit that does not depend on the transistors.
        for (SramGrid hp : HP.grids()) {
            SramGrid lstp = LSTP.grid(hp.node());
            assertThat(lstp).as(hp.node()).isNotNull();
            assertThat(keys(lstp)).as(hp.node()).containsExactlyInAnyOrderElementsOf(keys(hp));
        }
        assertThat(LSTP.grids()).hasSameSizeAs(HP.grids());
    }

    @Test
    void atNodeAloneMeansHpCells() {
        SramModel plain = SramModel.at("45nm");
        assertThat(plain.cells()).isEqualTo(SramCells.HP);
        assertThat(plain.price(32768, 64, 1)).isEqualTo(SramModel.at("45nm", SramCells.HP).price(32768, 64, 1));
        assertThat(SramModel.at("45nm", SramCells.LSTP).cells()).isEqualTo(SramCells.LSTP);
    }

    @Test
    void cellTypesAreNamedHpAndLstp() {
        assertThat(SramCells.byId("hp")).isEqualTo(SramCells.HP);
        assertThat(SramCells.byId("lstp")).isEqualTo(SramCells.LSTP);
        assertThat(SramCells.LSTP.meaning()).contains("itrs-lstp");
        assertThat(SramCells.HP.meaning()).contains("itrs-hp");
        assertThatThrownBy(() -> SramCells.byId("lop")).isInstanceOf(NotPricedException.class)
                .hasMessage("unknown SRAM cell type \"lop\"; valid: hp, lstp");
    }

    @Test
    void lstpBelow22nmIsCactis22nmTimesTheSameStillmakerBaasFactors() {
        // As for HP (SramModelTest): 22 nm -> 7 nm, energy and leakage x 0.3206610, area x 0.2344371 (both rounded to
        // 7 digits, hence the relative tolerance). 22nm LSTP row [65536, 128, 4, 8.87939, 9.24175, 0.0068369, 62229.4]:
        // read 8.87939 x 0.3206610 = 2.847274 pJ; area 62229.4 x 0.2344371 = 14588.88 um2;
        // leakage 4 x 0.0068369 x 0.3206610 = 0.008769309 mW.
        SramModel nm7 = SramModel.at("7nm", SramCells.LSTP);
        assertThat(nm7.fromCacti()).isFalse();
        assertThat(nm7.readPj(65536, 128, 4)).isCloseTo(2.847274, withinPercentage(1e-4));
        assertThat(nm7.areaUm2(65536, 128, 4)).isCloseTo(14588.88, withinPercentage(1e-4));
        assertThat(nm7.leakageMw(65536, 128, 4)).isCloseTo(0.008769309, withinPercentage(1e-4));
        assertThat(nm7.basis(65536, 128, 4)).contains("scaled 22nm -> 7nm").contains("sram-cacti-lstp.yaml");
    }

    @Test
    void lstpRefusesWhatHpRefuses() {
        SramModel lstp = SramModel.at("45nm", SramCells.LSTP);
        assertThatThrownBy(() -> SramModel.at("5nm", SramCells.LSTP)).isInstanceOf(NotPricedException.class)
                .hasMessage("no SRAM prices at node \"5nm\"; nodes: 90nm, 65nm, 45nm, 32nm, 28nm, 22nm, 20nm, 16nm, "
                        + "14nm, 10nm, 7nm");
        assertThatThrownBy(() -> lstp.readPj(1024, 1024, 1)).isInstanceOf(NotPricedException.class)
                .hasMessageContaining("CACTI 7 cannot organise it");
        assertThatThrownBy(() -> lstp.readPj(32 << 20, 64, 1)).isInstanceOf(NotPricedException.class)
                .hasMessage("SRAM capacity: 33554432 bytes; the CACTI table covers 1024 to 16777216 bytes");
    }

    @Test
    void aCellTypeThatPricesOtherNodesIsRefusedWhenTheFilesAreRead() throws Exception {
        SramTable only22 = SramTable.parse("t.yaml", new ByteArrayInputStream(table("22nm", "0.022")));
        SramTable with28 = SramTable.parse("u.yaml", new ByteArrayInputStream(
                (new String(table("22nm", "0.022"), StandardCharsets.UTF_8) + node("28nm", "0.028"))
                        .getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SramModel.requireSameNodes(with28, only22)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("u.yaml prices nodes [28nm, 22nm, ");
        SramModel.requireSameNodes(only22, only22);
    }

    /** LSTP over HP (or HP over LSTP, for leakage) of one quantity at every shape both grids have, at every node. */
    private static List<Double> ratios(ToDoubleFunction<SramPoint> q, boolean hpOverLstp) {
        List<Double> out = new ArrayList<>();
        for (SramGrid hp : HP.grids())
            for (SramPoint h : hp.points()) {
                SramPoint l = LSTP.grid(hp.node()).point(h.capacityBytes(), h.widthBits(), h.banks());
                out.add(hpOverLstp ? q.applyAsDouble(h) / q.applyAsDouble(l)
                        : q.applyAsDouble(l) / q.applyAsDouble(h));
            }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<List<Long>> keys(SramGrid g) {
        return g.points().stream().map(p -> List.of(p.capacityBytes(), (long) p.widthBits(), (long) p.banks()))
                .toList();
    }

    private static byte[] table(String node, String um) {
        return ("""
                interpolation: i
                leakage: l
                node_scaling:
                  rule: r
                  scale_from: 22nm
                  reference: {node: 22nm, feature_nm: 22, interpolate_between: [32nm, 20nm], estimate: e}
                columns: [capacity_bytes, width_bits, banks, read_pj, write_pj, standby_leakage_per_bank_mw, area_um2]
                nodes:
                """ + node(node, um)).getBytes(StandardCharsets.UTF_8);
    }

    private static String node(String node, String um) {
        return """
                  - node: %s
                    technology_um: %s
                    source: s
                    rows:
                      - [1024, 32, 1, 1.0, 1.5, 0.5, 3000]
                """.formatted(node, um);
    }
}
