package org.bitsweep.pe.ant;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.cost.Part;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class AntPeTest {
    final AntPe pe = new AntPe(new PeParams(32, Overflow.WRAP));
    static final OperandFormats FLINT4_X_INT8 = OperandFormats.of(Formats.parse("ant-flint4"), IntFormat.signed(8));

    @Test
    void flintDecodesToAnOddIntegerAndAShift() {
        // flint4's 12 = 3 · 2^2: the 2-bit multiplier sees 3, the shifter 2. a = 5: (5 · 3) << 2 = 60.
        assertThat(pe.arithmetic(FLINT4_X_INT8).mac(0, 5, 12)).isEqualTo(60);
        // Both operands ANT types: flint4u's 24 = 3 · 2^3 and flint4's −6 = −(3 · 2^1): −(3 · 3) << 4 = −144.
        OperandFormats both = OperandFormats.of(Formats.parse("ant-flint4"), Formats.parse("ant-flint4u"));
        assertThat(pe.arithmetic(both).mac(0, 24, -6)).isEqualTo(-144);
    }

    @Test
    void oneMacPerCycle() {
        assertThat(pe.cyclesPerMac(FLINT4_X_INT8, null)).isEqualTo(1);
    }

    @Test
    void aFlint4MacNeedsOnlyATwoBitMultiplierInputAndAShifter() {
        // flint4's odd parts are 1 and 3 (2 bits), its exponents reach 4 (16 = 2^4, 3 bits): a decoder of 16 entries of
        // sign + 2 + 3 = 6 bits, an 8×2 multiplier (int8 decodes to itself, 8 magnitude bits), a shift by 0..4.
        var counts = pe.activityPerMac(FLINT4_X_INT8, null).counts();
        assertThat(counts).containsEntry(Part.multiplexer(6, 16), 1.0).containsEntry(Part.multiplier(8, 2), 1.0)
                .containsEntry(Part.shifter(32, 4), 1.0).containsEntry(Part.adder(32), 1.0);
        // int4 weights decode to themselves: no shift, a 4-bit multiplier input (|−8| = 8 has 4 bits).
        var ints = pe.activityPerMac(OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8)), null).counts();
        assertThat(ints).containsEntry(Part.multiplier(8, 4), 1.0);
        assertThat(ints.keySet()).noneMatch(p -> p.component() == org.bitsweep.cost.Component.SHIFTER);
    }

    @Test
    void fp16ActivationsAsInBitModsAntBaselineNeedAWideAccumulator() {
        OperandFormats f = OperandFormats.of(Formats.parse("ant-flint4"), Formats.parse("fp16"));
        assertThat(pe.supports(f)).isFalse();
        // 16 · (2^40 − 2^29) < 2^44: 45 bits.
        assertThat(pe.unsupportedReason(f)).contains("needs 45 bits").contains("it runs weights: ant-flint4");
        assertThat(new AntPe(new PeParams(45, Overflow.WRAP)).supports(f)).isTrue();
    }

    @Test
    void nonAntTypesAreRefusedWithTheList() {
        OperandFormats f = OperandFormats.of(Formats.parse("nf4"), IntFormat.signed(8));
        assertThat(pe.unsupportedReason(f)).startsWith("ant cannot run w:nf4 a:int8: weights must be an ANT type")
                .contains("ant4");
        assertThat(pe.supports(OperandFormats.of(Formats.parse("ant4"), IntFormat.signed(8)))).isTrue();
    }
}
