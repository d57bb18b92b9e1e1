package org.bitsweep.pe.shiftadd;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.cost.Component;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
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
        // int4 × int8: four AND rows of 8 bits (8×1 cells each) and three adders of 12 bits in the tree; int8 needs no
        // alignment shift. fp16 activations work on the 11-bit significand and add one alignment shift (0..29).
        var counts = pe.activityPerMac(OperandFormats.of(IntFormat.signed(4), INT8), null).counts();
        assertThat(counts).containsEntry(Part.multiplier(8, 1), 4.0).containsEntry(Part.adder(12), 3.0);
        // The only shifter is the dequantization's normalising one (48 bits, 0..47), a 1/128 share.
        assertThat(counts.keySet()).filteredOn(p -> p.component() == Component.SHIFTER).containsExactly(Part.shifter(48, 47));
        var fp = pe.activityPerMac(OperandFormats.of(IntFormat.signed(4), FP16), null).counts();
        assertThat(fp).containsEntry(Part.multiplier(11, 1), 4.0).containsEntry(Part.shifter(48, 29), 1.0);
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
}
