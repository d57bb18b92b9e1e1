package org.bitsweep.pe.shiftadd;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Component;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.TestLayers;
import org.bitsweep.pe.shiftadd.ShiftAddPe.WeightKind;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class ShiftAddPeTest {
    static final NumberFormat INT8 = IntFormat.signed(8);
    static final NumberFormat FP16 = Formats.parse("fp16");
    final ShiftAddPe pe = new ShiftAddPe(new PeParams(48, Overflow.WRAP));

    @Test
    void theWeightsValuesDecideHowTheyMultiply() {
        assertThat(ShiftAddPe.kind(Formats.parse("ternary"))).contains(WeightKind.TERNARY);
        assertThat(ShiftAddPe.kind(Formats.parse("binary"))).contains(WeightKind.TERNARY);
        for (String pot : new String[] {"pot3", "pot4", "ant-pot4u", "denseshift3", "denseshift4"})
            assertThat(ShiftAddPe.kind(Formats.parse(pot))).as(pot).contains(WeightKind.POWER_OF_TWO);
        assertThat(ShiftAddPe.kind(IntFormat.signed(4))).contains(WeightKind.INTEGER);
        assertThat(ShiftAddPe.kind(IntFormat.unsigned(4))).contains(WeightKind.INTEGER);
        assertThat(ShiftAddPe.kind(Formats.parse("nf4"))).isEmpty();
        assertThat(ShiftAddPe.kind(IntFormat.signed(12))).isEmpty();
    }

    @Test
    void oneMacPerCycle() {
        assertThat(pe.cyclesPerMac(OperandFormats.of(IntFormat.signed(4), INT8), null)).isEqualTo(1);
        assertThat(pe.cyclesPerMac(OperandFormats.of(Formats.parse("ternary"), FP16), null)).isEqualTo(1);
    }

    @Test
    void anInt4WeightIsFourShiftedRowsWithTheTopOneSubtracted() {
        // w = −6 is 0b1010 in int4; a = 9: rows 1 and 3 are set: 9·2 − 9·8 = 18 − 72 = −54 = 9 · (−6).
        assertThat(ShiftAddPe.product(WeightKind.INTEGER, 9, -6, 4, true)).isEqualTo(-54);
        // As uint4 the same pattern is 10: 9·2 + 9·8 = 90.
        assertThat(ShiftAddPe.product(WeightKind.INTEGER, 9, 10, 4, false)).isEqualTo(90);
        // A power of two is one shift: −16 · 9 = −(9 << 4) = −144.
        assertThat(ShiftAddPe.product(WeightKind.POWER_OF_TWO, 9, -16, 4, true)).isEqualTo(-144);
    }

    @Test
    void ternaryAndPowerOfTwoWeightsBuildNoMultiplier() {
        // The only multiplier left is the once-per-group fp32 scale multiply, in the dequantization unit.
        for (String w : new String[] {"ternary", "binary", "pot4", "denseshift3"})
            for (NumberFormat a : new NumberFormat[] {INT8, FP16}) {
                OperandFormats f = OperandFormats.of(Formats.parse(w), a);
                assertThat(pe.inventory(f).counts().keySet()).as(w)
                        .noneMatch(p -> p.component() == Component.INT_MULTIPLIER || p.component() == Component.FP_MULTIPLIER);
                assertThat(pe.dequantizerInventory(f).counts().keySet()).as(w)
                        .filteredOn(p -> p.component() == Component.FP_MULTIPLIER).containsExactly(Part.fpMultiplier(8, 23));
            }
        // Ternary with int8 activations: a 2:1 multiplexer of 8 bits passes a or 0; the adder subtracts for −1.
        assertThat(pe.activityPerMac(OperandFormats.of(Formats.parse("ternary"), INT8), null).counts())
                .containsEntry(Part.multiplexer(8, 2), 1.0);
        // Binary has no zero: not even the multiplexer.
        assertThat(pe.activityPerMac(OperandFormats.of(Formats.parse("binary"), INT8), null).counts().keySet())
                .noneMatch(p -> p.component() == Component.MULTIPLEXER);
    }

    @Test
    void int4ShiftAndAddActivity() {
        // int4 × int8: four AND rows of 8 bits (a 2:1 row each: the bit passes a or 0) and three adders of 12 bits in the tree; int8 needs no
        // alignment shift. fp16 activations work on the 11-bit significand and add one alignment shift (0..29).
        var counts = pe.activityPerMac(OperandFormats.of(IntFormat.signed(4), INT8), null).counts();
        assertThat(counts).containsEntry(Part.multiplexer(8, 2), 4.0).containsEntry(Part.adder(12), 3.0);
        // The only shifter is the dequantization's normalising one (48 bits, 0..47), a 1/128 share: with no layer
        // (null) a group is GroupDequantizing.DEFAULT_GROUP_SIZE = 128 weights.
        assertThat(counts.keySet()).filteredOn(p -> p.component() == Component.SHIFTER).containsExactly(Part.shifter(48, 47));
        var fp = pe.activityPerMac(OperandFormats.of(IntFormat.signed(4), FP16), null).counts();
        assertThat(fp).containsEntry(Part.multiplexer(11, 2), 4.0).containsEntry(Part.shifter(48, 29), 1.0);
    }

    @Test
    void aZeroPointIsAppliedOncePerGroup() {
        // uint4 weights with zero point 8: Σ a·(q − 8) = Σ a·q − 8·Σ a. Two MACs: a = (3, 5), q = (10, 1):
        // Σ a·q = 30 + 5 = 35, Σ a = 8, so 35 − 64 = −29; scale 0.25: −7.25, added to 1.0: −6.25.
        OperandFormats f = OperandFormats.of(IntFormat.unsigned(4), INT8);
        long p = pe.arithmetic(f).dot(0, new long[] {3, 5}, new long[] {10, 1});
        assertThat(p).isEqualTo(35);
        long out = pe.dequantizer(f).accumulate(Oracles.code(1.0f), p, 0.25, 8, 8);
        assertThat(Oracles.fromCode(out)).isEqualTo(-6.25f);
    }

    @Test
    void formatsItCannotRunAreRefusedWithTheList() {
        OperandFormats f = OperandFormats.of(Formats.parse("nf4"), INT8);
        assertThat(pe.unsupportedReason(f)).startsWith("shift-add cannot run w:nf4 a:int8")
                .contains("it runs weights: ternary, binary");
        OperandFormats narrow = OperandFormats.of(IntFormat.signed(4), FP16);
        assertThat(new ShiftAddPe(new PeParams(32, Overflow.WRAP)).unsupportedReason(narrow))
                .contains("needs 44 bits").contains("at least 44");
    }

    @Test
    void eachMacCarriesOneGroupsShareOfTheFp32Dequantization() {
        // int4 × int8 into 48 bits: one dequantization is a normalising shift (48 bits, 0..47), an fp32 multiply, an
        // fp32 add and a 32-bit output write; signed weights need no zero point. g = 32: 1/32 = 0.03125 of each per
        // MAC; g = 128: 1/128 = 0.0078125; one scale per output channel over k = 4096: 1/4096. The MAC's own
        // work does not move: 4 AND rows and 3 adds.
        OperandFormats f = OperandFormats.of(IntFormat.signed(4), INT8);
        for (int g : new int[] {32, 128, 0}) {
            double macsPerScale = g > 0 ? g : 4096;
            var c = pe.activityPerMac(f, TestLayers.linear(f, 4096, g)).counts();
            for (Part p : new Part[] {Part.shifter(48, 47), Part.fpMultiplier(8, 23), Part.fpAdder(8, 23),
                    Part.register(32)})
                assertThat(c.get(p)).as("%s at g = %d", p, g).isCloseTo(1 / macsPerScale, within(1e-15));
            assertThat(c).as("g = %d", g).containsEntry(Part.multiplexer(8, 2), 4.0).containsEntry(Part.adder(12), 3.0);
        }
        // uint4 adds the zero-point correction z·Σa (a 4 × 48 multiply) and its subtract (one more 48-bit add):
        // 1/32 of each at g = 32, beside the accumulate's one add per MAC.
        OperandFormats u = OperandFormats.of(IntFormat.unsigned(4), INT8);
        var c = pe.activityPerMac(u, TestLayers.linear(u, 4096, 32)).counts();
        assertThat(c.get(Part.multiplier(4, 48))).isCloseTo(1 / 32.0, within(1e-15));
        assertThat(c.get(Part.adder(48))).isCloseTo(1 + 1 / 32.0, within(1e-15));
    }

    @Test
    void groupsOfThirtyTwoCostFourTimesTheDequantizationEnergyPerMacOfGroupsOf128() {
        // At 45 nm: the 48-bit shifter has 6 stages, 288 cells against the 32-bit entry's 160 (0.3787 pJ): 0.681660
        // pJ; fp32 multiply 3.7 pJ, fp32 add 0.9 pJ, 32-bit write 32 · 0.009 = 0.288 pJ. One dequantization 5.569660
        // pJ; per MAC 5.569660/32 = 0.174052 pJ at g = 32 and 5.569660/128 = 0.043513 pJ at g = 128, 0.130539 apart.
        AsicCostModel nm45 = AsicCostModel.at("45nm");
        OperandFormats f = OperandFormats.of(IntFormat.signed(4), INT8);
        assertThat(nm45.energyPj(pe.dequantization(f))).isCloseTo(5.569660, within(1e-5));
        double g32 = nm45.energyPj(pe.activityPerMac(f, TestLayers.linear(f, 4096, 32)));
        double g128 = nm45.energyPj(pe.activityPerMac(f, TestLayers.linear(f, 4096, 128)));
        assertThat(g32 - g128).isCloseTo(0.130539, within(1e-5));
        // Our estimate: one unit per PE (the abstract's "processing element" dequantizes); 64 × 16 builds 1024.
        assertThat(pe.dequantizers(64, 16, TestLayers.linear(f, 4096, 32))).isEqualTo(1024);
    }

    @Test
    void anInt4RowPassesTheActivationOrZeroAtAMultiplexersPriceNotAMultipliersCells() {
        // int4 × int8 at 45 nm, the multiply alone: four 8-bit rows of 2:1 cells, 32 cells at the multiplexer entry's
        // 0.07574 pJ / 32 = 0.0023669 pJ each: 0.07574 pJ. Priced as 8×1 multipliers they were 32 partial-product
        // cells at about Horowitz's 0.2 pJ / 64 = 0.003125 pJ (the a·b rule: 0.02560 pJ per 8×1), 0.10241 pJ, each an
        // AND and a full adder's share, while the tree's three 12-bit adders are counted apart: 0.02667 pJ too much.
        AsicCostModel nm45 = AsicCostModel.at("45nm");
        OperandFormats f = OperandFormats.of(IntFormat.signed(4), INT8);
        var counts = pe.activityPerMac(f, null).counts();
        assertThat(nm45.energyPj(Part.multiplexer(8, 2)) * counts.get(Part.multiplexer(8, 2)))
                .isCloseTo(0.07574, within(1e-5));
        assertThat(counts.keySet()).noneMatch(p -> p.component() == Component.INT_MULTIPLIER);
        assertThat(4 * nm45.energyPj(Part.multiplier(8, 1)) - 4 * nm45.energyPj(Part.multiplexer(8, 2)))
                .isCloseTo(0.02667, within(1e-5));
    }
}
