package org.bitsweep.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReferenceFiguresTest {

    @Test
    void bitmodsPeFiguresAreKeptAsItsCodeStatesThem() {
        // abdelfattah-lab/BitMoD-HPCA-25, bitmod_sim/test_*.py (shared/design/ANCHORS.md section 3a).
        assertThat(ReferenceFigures.byId("bitmod.pe.energy").value()).isEqualTo(0.56);
        assertThat(ReferenceFigures.byId("bitmod.pe.area").value()).isEqualTo(1507.7);
        assertThat(ReferenceFigures.byId("bitmod.ant-pe.area").value()).isEqualTo(1318.6);
        assertThat(ReferenceFigures.byId("bitmod.olive-pe.energy").value()).isEqualTo(0.613);
        assertThat(ReferenceFigures.byId("bitmod.fp16-pe.energy").value()).isEqualTo(0.77);
        assertThat(ReferenceFigures.byId("bitmod.fp16-pe.area").value()).isEqualTo(1968.7);
        assertThat(ReferenceFigures.byId("bitmod.pnr-factor").value()).isEqualTo(1.5);
        assertThat(ReferenceFigures.byId("bitmod.pe.energy").unit()).contains("inferred");
        assertThat(ReferenceFigures.byId("mixpe.energy-reduction").value()).isEqualTo(1.4);
    }

    @Test
    void theFp8WhitepaperGivesARange() {
        ReferenceFigure f = ReferenceFigures.byId("fp8-vs-int8.efficiency-penalty");
        assertThat(f.isRange()).isTrue();
        assertThat(f.low()).isEqualTo(1.5);
        assertThat(f.high()).isEqualTo(2.8);
        assertThatThrownBy(f::value).isInstanceOf(IllegalStateException.class);
        assertThat(f.contains(2.0)).isTrue();
        assertThat(f.contains(3.0)).isFalse();
    }

    @Test
    void ourFp16MacAt28nmBesideBitmodsFp16Pe() {
        // Soft cross-check only: BitMoD's unit (pJ per PE-cycle) is inferred and its node unverified (28 nm is where
        // its CACTI memories sit). Ours: FP16 mult 1.1 + FP16 add 0.4 = 1.5 pJ at 45 nm, x 0.513247 = 0.769871 pJ
        // at 28 nm; against 0.77 the ratio is 0.99983. The test only asks for the same order: within 1.5x.
        AsicCostModel nm28 = AsicCostModel.at("28nm");
        double ours = nm28.energyPj(Part.fpMultiplier(5, 10)) + nm28.energyPj(Part.fpAdder(5, 10));
        assertThat(ours).isCloseTo(0.769871, within(1e-5));
        assertThat(ReferenceFigures.byId("bitmod.fp16-pe.energy").ratio(ours)).isBetween(1 / 1.5, 1.5);
    }

    @Test
    void unknownIdsNameTheKnownOnes() {
        assertThatThrownBy(() -> ReferenceFigures.byId("nope")).hasMessageContaining("bitmod.pe.energy");
    }
}
