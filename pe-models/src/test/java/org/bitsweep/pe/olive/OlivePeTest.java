package org.bitsweep.pe.olive;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.cost.Part;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class OlivePeTest {
    static final OliveFormat OLIVE4 = (OliveFormat) Formats.parse("olive4");
    static final OperandFormats OLIVE4_X_INT8 = OperandFormats.of(OLIVE4, IntFormat.signed(8));
    final OlivePe pe = new OlivePe(new PeParams(32, Overflow.WRAP));

    @Test
    void aVictimMarksItsPartnerAsAnOutlier() {
        // Outliers: 48, 64, 96, 128, 192, 256, 384; code 0b0111 is +(index 6) = 384, with the sign bit −384.
        assertThat(OlivePe.decodePair(OLIVE4, 0, OlivePe.VICTIM, 0b1111)).containsExactly(0, -384);
        assertThat(OlivePe.decodePair(OLIVE4, 0, 0b0001, OlivePe.VICTIM)).containsExactly(48, 0);
        // Normal int type (×4): index 3 is 12, index 7 with the sign bit is −28; flint type (×2): index 7 is 32.
        assertThat(OlivePe.decodePair(OLIVE4, 0, 0b0011, 0b1111)).containsExactly(12, -28);
        assertThat(OlivePe.decodePair(OLIVE4, 1, 0b0111, 0b0001)).containsExactly(32, 2);
    }

    @Test
    void pairsDecodeToWhatTheQuantizerStored() {
        QuantizedTensor q = new Quantizer(OLIVE4, Granularity.group(64))
                .quantize(SyntheticTensors.studentT("w", 4, 256, 3, 1.0, 5));
        int outliers = 0;
        for (int i = 0; i < q.codes().length; i += 2) {
            int g = i / 64;
            long[] v = OlivePe.decodePair(OLIVE4, q.selectors()[g], q.codes()[i], q.codes()[i + 1]);
            assertThat((float) (v[0] * q.scales()[g])).isEqualTo(q.values()[i]);
            assertThat((float) (v[1] * q.scales()[g])).isEqualTo(q.values()[i + 1]);
            if (Math.abs(v[0]) > 32 || Math.abs(v[1]) > 32)
                outliers++;
        }
        assertThat(outliers).as("a heavy-tailed tensor has outliers").isPositive();
    }

    @Test
    void anOutlierIsAnOddIntegerTimesAShift() {
        // 384 = 3 · 2^7: a = −3 gives −(3 · 3) << 7 = −1152.
        assertThat(pe.arithmetic(OLIVE4_X_INT8).mac(0, -3, 384)).isEqualTo(-1152);
        assertThat(pe.cyclesPerMac(OLIVE4_X_INT8, null)).isEqualTo(1);
    }

    @Test
    void theMultiplierTakesThreeBitsAndTheShifterEight() {
        // Odd parts reach 7 (28 = 7 · 4): 3 bits; exponents reach 8 (256 = 2^8); a decoder per weight is two 16-entry
        // tables of sign + 3 + 4 = 8 bits and a 2:1 choice.
        var counts = pe.activityPerMac(OLIVE4_X_INT8, null).counts();
        assertThat(counts).containsEntry(Part.multiplier(8, 3), 1.0).containsEntry(Part.shifter(32, 8), 1.0)
                .containsEntry(Part.multiplexer(8, 16), 2.0).containsEntry(Part.multiplexer(8, 2), 1.0);
    }

    @Test
    void otherWeightsAreRefusedWithTheList() {
        OperandFormats f = OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8));
        assertThat(pe.unsupportedReason(f)).startsWith("olive cannot run w:int4 a:int8").contains("it runs weights: olive4");
    }
}
