package org.bitsweep.pe.bitserial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.cost.Part;
import org.bitsweep.pe.OperandStatistics;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.trace.CodeStatistics;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class BitSerialPeTest {
    static final IntFormat INT4 = IntFormat.signed(4);
    static final IntFormat INT8 = IntFormat.signed(8);
    /** Weights int4, activations int8: Stripes streams the activation. */
    static final OperandFormats W4_A8 = OperandFormats.of(INT4, INT8);
    /** Weights int8, activations int4. */
    static final OperandFormats W8_A4 = OperandFormats.of(INT8, INT4);
    final BitSerialPe stripes = BitSerialPe.stripes(new PeParams(24, Overflow.WRAP));
    final BitSerialPe pragmatic = BitSerialPe.pragmatic(new PeParams(24, Overflow.WRAP));

    @Test
    void stripesTakesOneCyclePerActivationBit() {
        assertThat(stripes.cyclesPerMac(W4_A8, null)).isEqualTo(8);
        assertThat(stripes.cyclesPerMac(W8_A4, null)).isEqualTo(4);
    }

    @Test
    void aNegativeActivationsTopBitIsWorthMinusEight() {
        // a = −3 is 0b1101 in int4, w = 5. Terms, least significant first: 5·1 + 5·4 − 5·8 = 5 + 20 − 40 = −15.
        assertThat(stripes.arithmetic(W8_A4).mac(0, -3, 5)).isEqualTo(-15);
    }

    @Test
    void pragmaticStreamsTheOneBitsOfTheMagnitudeAndSubtracts() {
        // |−3| = 0b11: two terms, −5·1 and −5·2, sum −15; Stripes needed four cycles for the same value.
        assertThat(pragmatic.arithmetic(W8_A4).mac(100, -3, 5)).isEqualTo(85);
        assertThat(BitSerialPe.essentialBits(-3)).isEqualTo(2);
        assertThat(BitSerialPe.essentialBits(-8)).isEqualTo(1);
    }

    @Test
    void aSaturatingAccumulatorSaturatesPerTerm() {
        // 12-bit accumulator, range −2048..2047, at 2000; a = −1 (0b1111 in int4), w = 100, Stripes:
        // +100 → 2047 (clamped), +200 → 2047, +400 → 2047, −800 → 1247. The exact 2000 − 100 = 1900 is not what the
        // register holds: each term is clamped as it is added.
        BitSerialPe pe = BitSerialPe.stripes(new PeParams(12, Overflow.SATURATE));
        OperandFormats f = OperandFormats.of(INT8, INT4);
        assertThat(pe.arithmetic(f).mac(2000, -1, 100)).isEqualTo(1247);
    }

    @Test
    void pragmaticWithoutStatisticsAssumesTheWorstValue() {
        // int8's worst is 127 = 0b1111111, seven one-bits (−128 = 0b10000000 has one).
        assertThat(pragmatic.cyclesPerMac(W4_A8, null)).isEqualTo(7);
    }

    @Test
    void pragmaticCyclesComeFromTheActivationHistogram() {
        // int4 activations: value 0 twice, 1 once (one one-bit), 7 once (three). So P(T=0) = 1/2, P(T=1) = 1/4,
        // P(T=3) = 1/4, and F(1) = F(2) = 3/4.
        int[] codes = {INT4.encodeInt(0), INT4.encodeInt(0), INT4.encodeInt(1), INT4.encodeInt(7)};
        CodeStatistics h = CodeStatistics.of(INT4, codes);
        PeParams p = new PeParams(24, Overflow.WRAP, OperandStatistics.ofActivations(h));
        // One lane alone: E[max(1, T)] = 1/2·1 + 1/4·1 + 1/4·3 = 1.5; the array counts whole cycles: 2.
        BitSerialPe alone = new BitSerialPe(p, BitSerialPe.Serial.ACTIVATION, true, 1);
        assertThat(alone.meanCyclesPerMac(W8_A4, null)).isCloseTo(1.5, within(1e-12));
        assertThat(alone.cyclesPerMac(W8_A4, null)).isEqualTo(2);
        // Bricks of 16 in step: E = 1 + (1 − F(1)^16) + (1 − F(2)^16) = 1 + 2·(1 − 0.75^16) = 2.979955.
        BitSerialPe bricks = BitSerialPe.pragmatic(p);
        assertThat(bricks.meanCyclesPerMac(W8_A4, null)).isCloseTo(1 + 2 * (1 - Math.pow(0.75, 16)), within(1e-12));
        assertThat(bricks.cyclesPerMac(W8_A4, null)).isEqualTo(3);
        // Energy follows the mean term count, E[T] = 1/4·1 + 1/4·3 = 1 add per MAC, not the brick's 2.98 cycles.
        assertThat(bricks.activityPerMac(W8_A4, null).counts().get(Part.adder(24))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theLayersOwnActivationHistogramWinsOverTheWorstCase() {
        // int4 activations 0, 0, 1, 7 carried by the layer: one-bit counts 0, 0, 1, 3, so a brick of 16 takes
        // 1 + 2 · (1 − 0.75^16) = 2.98 cycles; the PE has no histogram, so the same layer without statistics takes
        // int4's worst value, 7 = 0b111: three cycles. Energy follows the mean one-bit count, 1/4 · 1 + 1/4 · 3 = 1
        // accumulator add per MAC against 3.
        int[] codes = {INT4.encodeInt(0), INT4.encodeInt(0), INT4.encodeInt(1), INT4.encodeInt(7)};
        LayerTrace layer = new LayerTrace(new Layer("conv", new GemmShape(4, 4, 4)), W8_A4, 8, 4)
                .withActivationStatistics(CodeStatistics.of(INT4, codes));
        assertThat(pragmatic.meanCyclesPerMac(W8_A4, layer)).isCloseTo(1 + 2 * (1 - Math.pow(0.75, 16)),
                within(1e-12));
        assertThat(pragmatic.meanCyclesPerMac(W8_A4, layer.withActivationStatistics(null))).isEqualTo(3.0);
        assertThat(pragmatic.activityPerMac(W8_A4, layer).counts().get(Part.adder(24))).isCloseTo(1.0, within(1e-12));
        assertThat(pragmatic.activityPerMac(W8_A4, layer.withActivationStatistics(null)).counts().get(Part.adder(24)))
                .isEqualTo(3.0);
        // Stripes ignores the values: four cycles for int4 activations either way.
        assertThat(stripes.meanCyclesPerMac(W8_A4, layer)).isEqualTo(4.0);
    }

    @Test
    void stripesActivityIsPerCycleWorkTimesTheActivationBits() {
        // int8 activations: 8 cycles of (bit select, 4-bit AND row, shift of the 12-bit product, 24-bit add and write);
        // the operand registers once. int8 × int4 products need 12 bits: −128 · −8 = 1024 = 2^10, plus the sign.
        var counts = stripes.activityPerMac(W4_A8, null).counts();
        assertThat(counts.get(Part.multiplexer(1, 8))).isEqualTo(8.0);
        assertThat(counts.get(Part.multiplier(4, 1))).isEqualTo(8.0);
        assertThat(counts.get(Part.shifter(12, 7))).isEqualTo(8.0);
        assertThat(counts.get(Part.adder(24))).isEqualTo(8.0);
        assertThat(counts.get(Part.register(24))).isEqualTo(8.0);
        assertThat(counts.get(Part.register(4))).isEqualTo(1.0);
        assertThat(counts.get(Part.register(8))).isEqualTo(1.0);
    }

    @Test
    void floatOperandsAreRefusedWithTheListOfWhatRuns() {
        OperandFormats f = OperandFormats.of(INT4, Formats.parse("fp16"));
        assertThat(stripes.supports(f)).isFalse();
        assertThat(stripes.unsupportedReason(f)).startsWith("bit-serial cannot run w:int4 a:fp16")
                .contains("it runs weights and activations int2..int16 or uint2..uint16");
    }
}
