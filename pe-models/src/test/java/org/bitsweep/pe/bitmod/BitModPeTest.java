package org.bitsweep.pe.bitmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Component;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.DequantizerPlacement;
import org.bitsweep.pe.TestLayers;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class BitModPeTest {
    static final NumberFormat FP16 = Formats.parse("fp16");
    static final OperandFormats FP4_ER_X_FP16 = OperandFormats.of(Formats.parse("bitmod-fp4-er-pos"), FP16);
    final BitModPe pe = new BitModPe(new PeParams(48, Overflow.WRAP));

    @Test
    void twoWeightBitsPerCycle() {
        // ⌈b/2⌉: 4-bit and 3-bit types take 2 cycles, int8 takes 4, int2 one; four lanes share one output.
        for (String w : new String[] {"int4", "int3", "bitmod-fp4", "bitmod-fp3-ea-neg", "bitmod3", "bitmod4"})
            assertThat(pe.cyclesPerMac(OperandFormats.of(Formats.parse(w), FP16), null)).as(w).isEqualTo(2);
        assertThat(pe.cyclesPerMac(OperandFormats.of(IntFormat.signed(8), FP16), null)).isEqualTo(4);
        assertThat(pe.cyclesPerMac(OperandFormats.of(IntFormat.signed(2), FP16), null)).isEqualTo(1);
        assertThat(pe.lanes()).isEqualTo(4);
    }

    @Test
    void theSpecialValueTenIsFiveShiftedByOne() {
        // FP4_ER_POS adds +10 = 5 · 2^1: E = 1, D = 5 = 0b01'01, two digits of 1. With a = 1.5 (fp16), held as
        // 1.5 · 2^24 = 25,165,824: terms a·1·2^(0+1) + a·1·2^(2+1) = 2a + 8a = 10a = 251,658,240, i.e. 15.0.
        Operands ops = pe.operands(FP4_ER_X_FP16);
        long a = ops.activation(1.5);
        assertThat(a).isEqualTo(25_165_824L);
        long acc = pe.arithmetic(FP4_ER_X_FP16).mac(0, a, ops.weight(10));
        assertThat(acc).isEqualTo(251_658_240L);
        assertThat(ops.accumulatorValue(acc)).isEqualTo(15.0);
    }

    @Test
    void aSaturatingPartialSumClampsAfterEachDigit() {
        // int4 weights, int8 activations, 12-bit partial sum (range −2048..2047) at 1900; a = 127, w = −7 = −(0b01'11):
        // digit 0 is 3 → 1900 − 381 = 1519; digit 1 is 1, shifted by 2 → 1519 − 508 = 1011. No clamping here; then from
        // −1900 with w = +7: −1900 + 381 = −1519, −1519 + 508 = −1011. And w = −8, an integer, so E = 0 and D = 8 =
        // 0b10'00: one term −127·2·4 = −1016, from −1500 gives −2516, clamped to −2048.
        BitModPe sat = new BitModPe(new PeParams(12, Overflow.SATURATE));
        OperandFormats f = OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8));
        assertThat(sat.arithmetic(f).mac(1900, 127, -7)).isEqualTo(1011);
        assertThat(sat.arithmetic(f).mac(-1900, 127, 7)).isEqualTo(-1011);
        assertThat(sat.arithmetic(f).mac(-1500, 127, -8)).isEqualTo(-2048);
    }

    @Test
    void fp16ActivationsNeedA45BitPartialSum() {
        // 65504 · 2^24 < 2^40 and the largest bitmod-fp4 magnitude is 12 (16 for EA): 12 · 2^40 < 2^44, so 44 bits and
        // a sign; the default 32-bit accumulator is refused, with the width to set.
        BitModPe narrow = new BitModPe(new PeParams(32, Overflow.WRAP));
        OperandFormats f = OperandFormats.of(Formats.parse("bitmod-fp4"), FP16);
        assertThat(narrow.supports(f)).isFalse();
        assertThat(narrow.unsupportedReason(f)).contains("45-bit").contains("at least 45").contains("it runs weights:");
        assertThat(new BitModPe(new PeParams(45, Overflow.WRAP)).supports(f)).isTrue();
    }

    @Test
    void formatsItCannotRunAreRefusedWithTheList() {
        OperandFormats nf4 = OperandFormats.of(Formats.parse("nf4"), FP16);
        assertThat(pe.unsupportedReason(nf4)).startsWith("bitmod cannot run w:nf4 a:fp16: weights must be an integer grid")
                .contains("bitmod-fp3 and bitmod-fp4");
        OperandFormats bf16 = OperandFormats.of(IntFormat.signed(4), Formats.parse("bf16"));
        assertThat(pe.unsupportedReason(bf16)).contains("activations must be exact in fixed point");
        OperandFormats uint4 = OperandFormats.of(IntFormat.unsigned(4), FP16);
        assertThat(pe.unsupportedReason(uint4)).contains("weights must be signed");
        assertThatThrownBy(() -> pe.arithmetic(nf4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it runs");
    }

    @Test
    void dequantizationScalesThePartialSumOncePerGroup() {
        // P = 3 · 2^24 is 3.0 in fp16 fixed point; scale 0.5: 1.5, added to an output of 1.0: 2.5.
        long out = pe.dequantizer(FP4_ER_X_FP16).accumulate(Oracles.code(1.0f), 3L << 24, 0.5, 0, 0);
        assertThat(Oracles.fromCode(out)).isEqualTo(2.5f);
        assertThatThrownBy(() -> pe.dequantizer(FP4_ER_X_FP16).accumulate(0, 1, 0.5, 3, 10))
                .hasMessageContaining("symmetrically");
    }

    @Test
    void activityPerLaneMacForFp16TimesFp4() {
        // Per lane-MAC, 2 cycles of: 11×2 digit multiply, shift into the 48-bit partial sum by up to
        // 29 (fp16 exponent span: 2^40 has 41 bits, the significand 11) + 2 (second digit) + 4 (E) = 35, one 48-bit
        // add; the 48-bit register a quarter per cycle; the decoder (16 entries of 1 + 4 + 3 bits) and the operand
        // registers once; the dequantization (59 = 48 + 11 bits) 1/128 of a group: with no layer (null) a group is
        // GroupDequantizing.DEFAULT_GROUP_SIZE = 128 weights, as before traces carried a group size.
        Map<Part, Double> c = pe.activityPerMac(FP4_ER_X_FP16, null).counts();
        assertThat(c.get(Part.multiplier(11, 2))).isEqualTo(2.0);
        assertThat(c.get(Part.shifter(48, 35))).isEqualTo(2.0);
        assertThat(c.get(Part.adder(48))).isEqualTo(2.0);
        assertThat(c.get(Part.register(48))).isEqualTo(0.5);
        assertThat(c.get(Part.multiplexer(8, 16))).isEqualTo(1.0);
        assertThat(c.get(Part.register(16))).isEqualTo(1.0);
        assertThat(c.get(Part.register(4))).isEqualTo(1.0);
        assertThat(c.get(Part.adder(59))).isCloseTo(11.0 / 128, within(1e-15));
        assertThat(c.get(Part.fpAdder(8, 23))).isCloseTo(1.0 / 128, within(1e-15));
        assertThat(pe.inventory(FP4_ER_X_FP16).counts().get(Part.multiplier(11, 2))).isEqualTo(4);
    }

    @Test
    void eachMacCarriesOneGroupsShareOfTheBitSerialDequantization() {
        // One dequantization: 11 shift-adds (a 59-bit add and a 59-bit register write per fp16 scale bit), then one
        // normalising shift (59 bits, 0..58), one fp32 add, one 32-bit output write. Spread over the group's MACs:
        // g = 32: 11/32 = 0.34375 adds per MAC and 1/32 fp32 adds; g = 128: 11/128 = 0.0859375 and 1/128; one scale
        // per output channel (g = 0) over k = 4096: 11/4096. The MAC's own work does not move: 2 digit multiplies.
        for (int g : new int[] {32, 128, 0}) {
            double macsPerScale = g > 0 ? g : 4096;
            Map<Part, Double> c = pe.activityPerMac(FP4_ER_X_FP16, TestLayers.linear(FP4_ER_X_FP16, 4096, g)).counts();
            assertThat(c.get(Part.adder(59))).as("g = %d", g).isCloseTo(11 / macsPerScale, within(1e-15));
            assertThat(c.get(Part.register(59))).as("g = %d", g).isCloseTo(11 / macsPerScale, within(1e-15));
            assertThat(c.get(Part.shifter(59, 58))).as("g = %d", g).isCloseTo(1 / macsPerScale, within(1e-15));
            assertThat(c.get(Part.fpAdder(8, 23))).as("g = %d", g).isCloseTo(1 / macsPerScale, within(1e-15));
            assertThat(c.get(Part.register(32))).as("g = %d", g).isCloseTo(1 / macsPerScale, within(1e-15));
            assertThat(c.get(Part.multiplier(11, 2))).as("g = %d", g).isEqualTo(2.0);
        }
    }

    @Test
    void groupsOfThirtyTwoCostFourTimesTheDequantizationEnergyPerMacOfGroupsOf128() {
        // At 45 nm: a 59-bit add extrapolates the 16→32-bit segment (0.05 → 0.1 pJ, exponent 1): 0.1 · 59/32 =
        // 0.184375 pJ; a 59-bit register write 59 · 0.009 = 0.531 pJ; the 59-bit shifter has 6 stages, 354 cells
        // against the 32-bit entry's 160 (0.3787 pJ): 0.837874 pJ; fp32 add 0.9 pJ; 32-bit write 0.288 pJ.
        // One dequantization: 11 · (0.184375 + 0.531) + 0.837874 + 0.9 + 0.288 = 9.894999 pJ; per MAC 9.894999/32 =
        // 0.309219 pJ at g = 32 and 9.894999/128 = 0.077305 pJ at g = 128, 0.231914 pJ apart.
        AsicCostModel nm45 = AsicCostModel.at("45nm");
        assertThat(nm45.energyPj(pe.dequantization(FP4_ER_X_FP16))).isCloseTo(9.894999, within(1e-5));
        double g32 = nm45.energyPj(pe.activityPerMac(FP4_ER_X_FP16, TestLayers.linear(FP4_ER_X_FP16, 4096, 32)));
        double g128 = nm45.energyPj(pe.activityPerMac(FP4_ER_X_FP16, TestLayers.linear(FP4_ER_X_FP16, 4096, 128)));
        assertThat(g32 - g128).isCloseTo(0.231914, within(1e-5));
    }

    @Test
    void aGroupShorterThanTheElevenCycleDequantizationStallsThePe() {
        // 4-bit weights, g = 32: ⌈32/4⌉ = 8 steps of 2 cycles = 16 >= 11, no stall. g = 16: 4 steps · 2 = 8 < 11, so
        // the group takes 11 cycles: 11/4 = 2.75 per lane-MAC, 3 whole. int2 in groups of 32: 8 steps of 1 cycle,
        // 11/8 = 1.375 (2 whole).
        assertThat(pe.meanCyclesPerMac(FP4_ER_X_FP16, TestLayers.linear(FP4_ER_X_FP16, 4096, 32))).isEqualTo(2.0);
        assertThat(pe.meanCyclesPerMac(FP4_ER_X_FP16, TestLayers.linear(FP4_ER_X_FP16, 4096, 16))).isEqualTo(2.75);
        assertThat(pe.cyclesPerMac(FP4_ER_X_FP16, TestLayers.linear(FP4_ER_X_FP16, 4096, 16))).isEqualTo(3);
        OperandFormats int2 = OperandFormats.of(IntFormat.signed(2), FP16);
        assertThat(pe.meanCyclesPerMac(int2, TestLayers.linear(int2, 4096, 32))).isEqualTo(1.375);
        assertThat(pe.cyclesPerMac(int2, TestLayers.linear(int2, 4096, 32))).isEqualTo(2);
    }

    @Test
    void everyPeBuildsItsOwnDequantizer() {
        // Our estimate (the sources do not say): one unit per PE, so a 32 × 32 array builds 1024, per group or not.
        for (int g : new int[] {32, 0})
            assertThat(pe.dequantizers(32, 32, TestLayers.linear(FP4_ER_X_FP16, 4096, g))).isEqualTo(1024);
        assertThat(pe.dequantizerPlacement(null)).isEqualTo(DequantizerPlacement.PER_PE);
    }

    @Test
    void int2WeightsWithIntegerActivationsNeedNoTermShifter() {
        // int8 activations need no alignment (shift 0), int2 weights are one two-bit digit (no digit shift) and an
        // integer has no exponent E: every term lands unshifted, so no shifter is built or toggled. The rest is as
        // ever: an 8×2 digit multiplier per lane and one 48-bit add per cycle.
        OperandFormats int2xInt8 = OperandFormats.of(IntFormat.signed(2), IntFormat.signed(8));
        Map<Part, Integer> inventory = pe.inventory(int2xInt8).counts();
        assertThat(inventory.keySet()).noneMatch(p -> p.component() == Component.SHIFTER);
        assertThat(inventory.get(Part.adder(48))).isEqualTo(4);
        Map<Part, Double> activity = pe.activityPerMac(int2xInt8, null).counts();
        assertThat(activity.keySet()).noneMatch(p -> p.label().startsWith("shifter(48b"));
        assertThat(activity.get(Part.adder(48))).isEqualTo(1.0);
    }
}
