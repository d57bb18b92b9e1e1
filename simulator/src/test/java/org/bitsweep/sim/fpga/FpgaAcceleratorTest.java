package org.bitsweep.sim.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.cost.fpga.Resource;
import org.bitsweep.sim.Bound;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;
import org.junit.jupiter.api.Test;

/** Accelerators sized to a device and run on GEMMs, worked by hand. */
class FpgaAcceleratorTest {
    static final OperandFormats INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
    /** m = 16 rows, n = 4096 outputs, k = 64. */
    static final GemmShape WIDE = new GemmShape(16, 4096, 64);

    static List<LayerTrace> one(GemmShape s, OperandFormats f, long count) {
        return List.of(new LayerTrace(new Layer("fc", s, count, org.bitsweep.workloads.model.LayerClass.LINEAR), f,
                f.weight().bits(), f.activation().bits()));
    }

    static FpgaAcceleratorConfig.Builder zu3eg() {
        return FpgaAcceleratorConfig.builder().device("xczu3eg");
    }

    @Test
    void aDesignThatRunsOutOfDspsBeforeLutsSaysSo() {
        // int8 with DSP multipliers on the ZU3EG: ⌊360 · 0.8⌋ = 288 DSPs, two int8 products per DSP48E2 → 576 units.
        // LUTs per unit: (adder tree 16 + accumulator 8 + 8 + ⌈log2 64⌉ + 1 = 23)·1.1 = 42.9, so 576 units take
        // 300 + 24,710 of 49,392; flip-flops 576 · (16 + 16 + 23) = 31,680 of 70,560; block RAM: weight tile
        // 2·64 = 128 words × 576·8 bits = ⌈128/512⌉·⌈4608/36⌉ = 128 halves; activations, two buffers of 65,536
        // 8-bit values (512 Kb each), packed best as 512 words of 1024 bits: 2·⌈1024/36⌉ = 58 halves; 186 of 345.
        // DSPs run out first.
        FpgaDesign d = FpgaDesign.size(zu3eg().multipliers(MultiplierStyle.DSP).build(), one(WIDE, INT8, 1));
        assertThat(d.units()).isEqualTo(576);
        assertThat(d.boundBy()).isEqualTo(Resource.DSP);
        assertThat(d.used().dsps()).isEqualTo(288);
        assertThat(d.used().bram18()).isEqualTo(186);
        assertThat(d.used().luts()).isEqualTo(Math.ceil(300 + 576 * 42.9));
    }

    @Test
    void theSameDesignWithLutMultipliersRunsOutOfLuts() {
        // LUT multipliers: (80 + 16 + 23)·1.1 = 130.9 LUTs per unit; (49,392 − 300)/130.9 = 375.03 → 375 units.
        FpgaDesign d = FpgaDesign.size(zu3eg().build(), one(WIDE, INT8, 1));
        assertThat(d.units()).isEqualTo(375);
        assertThat(d.boundBy()).isEqualTo(Resource.LUT);
        assertThat(d.used().dsps()).isZero();
    }

    @Test
    void aLayerTakesItsFoldsAtTheDeviceClockAndOverlapsItsWeightTraffic() {
        // The DSP design above: 576 units over n = 4096 → 576 columns, ⌈4096/576⌉ = 8 folds, one row at a time
        // (⌊576/576⌋ = 1), 64 cycles per output (one lane): 16 · 8 · 64 = 8192, plus 3 pipeline registers = 8195.
        // The unit's fmax (775 MHz, the DSP48E2 limit) is above the ZU3EG's 300 MHz design clock, which rules.
        // Weights from DRAM: 4096 · 64 bytes = 262,144 B at 19.2 GB/s / 300 MHz = 64 B per cycle: 4096 cycles.
        FpgaSimResult r = FpgaAccelerator.run(zu3eg().multipliers(MultiplierStyle.DSP).build(), one(WIDE, INT8, 1));
        assertThat(r.design().clockMhz()).isEqualTo(300);
        assertThat(r.design().clockLimit()).isEqualTo("device");
        assertThat(r.computeCycles()).isEqualTo(8195);
        assertThat(r.memoryCycles()).isEqualTo(4096);
        assertThat(r.cycles()).isEqualTo(8195);
        assertThat(r.bound()).isEqualTo(Bound.COMPUTE);
        assertThat(r.dramBytes()).isEqualTo(262_144);
        assertThat(r.seconds()).isCloseTo(8195 / 300e6, within(1e-15));
        assertThat(r.macs()).isEqualTo(16L * 4096 * 64);
        assertThat(r.macsPerSecond()).isCloseTo(16.0 * 4096 * 64 / (8195 / 300e6), within(1.0));
        assertThat(r.utilization()).isCloseTo(4_194_304.0 / (8195 * 576), within(1e-12));
        assertThat(r.boundBy()).isEqualTo("dsp");
    }

    @Test
    void slowDramMakesTheLayerMemoryBound() {
        // 4 GB/s at 300 MHz is 13.33 B per cycle: 262,144 B take ⌈19,660.8⌉ = 19,661 cycles, more than 8195.
        FpgaSimResult r = FpgaAccelerator.run(zu3eg().multipliers(MultiplierStyle.DSP).dramGbps(4).build(),
                one(WIDE, INT8, 1));
        assertThat(r.memoryCycles()).isEqualTo(19_661);
        assertThat(r.cycles()).isEqualTo(19_661);
        assertThat(r.bound()).isEqualTo(Bound.MEMORY);
        assertThat(r.layers().get(0).bound()).isEqualTo(Bound.MEMORY);
    }

    @Test
    void weightsOnChipMoveNoWeightBytes() {
        FpgaSimResult r = FpgaAccelerator.run(zu3eg().multipliers(MultiplierStyle.DSP)
                .weightStorage(WeightStorage.ON_CHIP).build(), one(WIDE, INT8, 1));
        assertThat(r.dramBytes()).isZero();
        assertThat(r.design().memory().weights()).isEqualTo(WeightStorage.ON_CHIP);
    }

    @Test
    void aLayerRunTwiceTakesTwiceTheCycles() {
        FpgaAcceleratorConfig c = zu3eg().multipliers(MultiplierStyle.DSP).build();
        assertThat(FpgaAccelerator.run(c, one(WIDE, INT8, 2)).cycles()).isEqualTo(2 * 8195);
    }

    @Test
    void weightsThatOutgrowBlockRamMoveToUltraRamAndItsEndIsTheBound() {
        // 4096 × 2048 int8 weights on chip: 67 Mb, more than the VC1902's block RAM budget (⌊1934 · 0.8⌋ halves
        // = 27 Mb), so auto puts them in UltraRAM. With U units the memory is U·8 bits wide and ⌈8,388,608/U⌉ deep:
        // at U = 3330 that is 26,640 bits (⌈26640/72⌉ = 370 URAMs) by 2520 words (one 4096-deep row), exactly the
        // budget ⌊463 · 0.8⌋ = 370; one more unit needs 371. LUTs (300 + 3330 · 136.4) and flip-flops (3330 · 60)
        // stay well inside theirs.
        FpgaDesign d = FpgaDesign.size(FpgaAcceleratorConfig.builder().weightStorage(WeightStorage.ON_CHIP).build(),
                one(new GemmShape(1, 4096, 2048), INT8, 1));
        assertThat(d.memory().weightsInUltraRam()).isTrue();
        assertThat(d.units()).isEqualTo(3330);
        assertThat(d.used().uram()).isEqualTo(370);
        assertThat(d.boundBy()).isEqualTo(Resource.URAM);
    }

    @Test
    void weightsTooLargeForTheChipAreRefusedWithWhatRunsOut() {
        // 4096 × 4096 int8 weights are 134 Mb; the ZU3EG has 7.6 Mb of block RAM and no UltraRAM.
        assertThatThrownBy(() -> FpgaDesign.size(zu3eg().weightStorage(WeightStorage.ON_CHIP).build(),
                one(new GemmShape(1, 4096, 4096), INT8, 1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("bram runs out");
    }

    @Test
    void theFashionMnistCnnRunsOnTheVck190sDevice() {
        Trace t = Trace.uniform(ModelZoo.bundled().workload("fmnist-cnn"),
                OperandFormats.of(Formats.parse("e2m1fin"), Formats.parse("e2m1fin")), Granularity.parse("channel:0"));
        FpgaSimResult r = FpgaAccelerator.run(FpgaAcceleratorConfig.defaults(), t.layers());
        assertThat(r.design().device().id()).isEqualTo("xcvc1902");
        assertThat(r.units()).isGreaterThan(1000);
        assertThat(r.layers()).hasSize(t.layers().size());
        assertThat(r.macs()).isEqualTo(t.workload().macs());
        assertThat(r.seconds()).isPositive();
        assertThat(r.sources()).anyMatch(s -> s.contains("DS950"));
        // The exact accumulator is sized for the longest dot product of the model.
        long k = t.layers().stream().mapToLong(l -> l.layer().shape().k()).max().orElseThrow();
        assertThat(r.design().unit().reductionLength()).isEqualTo(k);
    }

    @Test
    void aTraceOfTwoFormatPairsIsRefused() {
        List<LayerTrace> layers = new java.util.ArrayList<>(one(WIDE, INT8, 1));
        OperandFormats int4 = OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8));
        layers.add(new LayerTrace(new Layer("fc2", WIDE), int4, 4, 8));
        assertThatThrownBy(() -> FpgaDesign.size(FpgaAcceleratorConfig.defaults(), layers))
                .isInstanceOf(UserInputException.class).hasMessageContaining("one pair of formats");
    }

    @Test
    void aClockAboveTheUnitsFmaxIsRefused() {
        assertThatThrownBy(() -> FpgaDesign.size(zu3eg().clockMhz(2000).build(), one(WIDE, INT8, 1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("above what the fpga-int-mac unit reaches");
    }
}
