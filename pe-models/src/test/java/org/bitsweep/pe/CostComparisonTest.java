package org.bitsweep.pe;

import org.bitsweep.pe.catalog.PeCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.ReferenceFigure;
import org.bitsweep.cost.ReferenceFigures;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/**
 * Our PEs priced beside the figures the seed papers report (cost-models' {@code reference-pes.yaml}). The papers'
 * units and nodes are partly inferred, so these are soft checks: the ratios docs/pe-models.md reports, pinned as
 * regressions, and the one derivation that is exact (an fp16 MAC at 28 nm).
 */
class CostComparisonTest {
    static final AsicCostModel NM28 = AsicCostModel.at("28nm");
    static final AsicCostModel NM45 = AsicCostModel.at("45nm");

    static PeDescription describe(String pe, int acc, String w, String a, AsicCostModel cost) {
        return PeDescription.of(PeCatalog.create(pe, new PeParams(acc, Overflow.WRAP)),
                OperandFormats.of(Formats.parse(w), Formats.parse(a)), cost);
    }

    /** BitMoD's simulator charges pe_energy per PE per cycle; a PE does lanes MACs every cycles-per-MAC cycles. */
    static double referenceEnergyPerMac(String id, int cyclesPerMac, int lanes) {
        return ReferenceFigures.byId(id).value() * cyclesPerMac / lanes;
    }

    @Test
    void anFp16MacAt28nmMatchesBitModsFp16PeInEnergy() {
        // Datapath: (1.1 + 0.4) pJ · 0.5132 (Stillmaker & Baas, 45 → 28 nm) = 0.7699 pJ, against BitMoD's 0.77.
        PeDescription d = describe("fp-mac", 16, "fp16", "fp16", NM28);
        double datapath = PeDescription.datapathEnergyPj(
                PeCatalog.create("fp-mac", new PeParams(16, Overflow.WRAP))
                        .activityPerMac(OperandFormats.of(Formats.parse("fp16"), Formats.parse("fp16")), null), NM28);
        assertThat(datapath).isCloseTo(1.5 * NM28.energyFactor(), within(1e-12));
        ReferenceFigure fp16 = ReferenceFigures.byId("bitmod.fp16-pe.energy");
        assertThat(fp16.ratio(datapath)).isCloseTo(1.00, within(0.01));
        // With our registers (Aladdin's estimate, probably 2x high) the whole PE is 0.99 pJ: 1.29x theirs.
        assertThat(fp16.ratio(d.energyPerMacPj())).isCloseTo(1.288, within(0.001));
        // Area: (1640 + 1360 + 3 · 16 · 5.98) · 0.3767 = 1238.1 µm² against 1968.7: 0.63.
        assertThat(ReferenceFigures.byId("bitmod.fp16-pe.area").ratio(d.areaUm2())).isCloseTo(0.629, within(0.001));
    }

    @Test
    void bitModAntAndOliveRatiosAsDocumented() {
        // BitMoD: 4-bit weights take 2 cycles on 4 lanes, so 0.56 pJ per PE-cycle is 0.28 pJ per MAC.
        PeDescription bitmod = describe("bitmod", 52, "bitmod4", "fp16", NM28);
        assertThat(referenceEnergyPerMac("bitmod.pe.energy", 2, 4)).isCloseTo(0.28, within(1e-12));
        assertThat(bitmod.energyPerMacPj() / 0.28).isCloseTo(4.99, within(0.01));
        assertThat(ReferenceFigures.byId("bitmod.pe.area").ratio(bitmod.areaUm2())).isCloseTo(1.221, within(0.001));
        PeDescription ant = describe("ant", 57, "ant-flint4", "fp16", NM28);
        assertThat(ReferenceFigures.byId("bitmod.ant-pe.energy").ratio(ant.energyPerMacPj())).isCloseTo(1.80, within(0.01));
        assertThat(ReferenceFigures.byId("bitmod.ant-pe.area").ratio(ant.areaUm2())).isCloseTo(0.431, within(0.001));
        PeDescription olive = describe("olive", 62, "olive4", "fp16", NM28);
        assertThat(ReferenceFigures.byId("bitmod.olive-pe.energy").ratio(olive.energyPerMacPj())).isCloseTo(2.10, within(0.01));
        assertThat(ReferenceFigures.byId("bitmod.olive-pe.area").ratio(olive.areaUm2())).isCloseTo(0.545, within(0.001));
    }

    @Test
    void fp8AgainstInt8Macs() {
        // Datapath energy at 45 nm, E4M3 × E4M3 into fp16 against int8 × int8 into 32 bits:
        // (0.228 + 0.4) / (0.2 + 0.1) = 2.09, inside the whitepaper's 1.5–2.8; into fp32: (0.228 + 0.9) / 0.3 = 3.76.
        ReferenceFigure band = ReferenceFigures.byId("fp8-vs-int8.efficiency-penalty");
        OperandFormats e4m3 = OperandFormats.of(Formats.parse("fp8-e4m3"), Formats.parse("fp8-e4m3"));
        OperandFormats int8 = OperandFormats.of(Formats.parse("int8"), Formats.parse("int8"));
        double intPj = PeDescription.datapathEnergyPj(
                PeCatalog.create("int-mac", new PeParams(32, Overflow.WRAP)).activityPerMac(int8, null), NM45);
        double fp16AccPj = PeDescription.datapathEnergyPj(
                PeCatalog.create("fp-mac", new PeParams(16, Overflow.WRAP)).activityPerMac(e4m3, null), NM45);
        double fp32AccPj = PeDescription.datapathEnergyPj(
                PeCatalog.create("fp-mac", new PeParams(32, Overflow.WRAP)).activityPerMac(e4m3, null), NM45);
        assertThat(fp16AccPj / intPj).isCloseTo(2.09, within(0.01));
        assertThat(band.contains(fp16AccPj / intPj)).isTrue();
        assertThat(fp32AccPj / intPj).isCloseTo(3.76, within(0.01));
        assertThat(band.contains(fp32AccPj / intPj)).isFalse();
    }
}
