package org.bitsweep.pe.bitserial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

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
        // Per lane, energy follows the mean term count, E[T] = 1/4·1 + 1/4·3 = 1 offset shift per MAC (int8 weights
        // shifted by 0..3 into a 12-bit term: −128 · −8 = 1024 = 2^10, plus the sign), not the brick's 2.98 cycles.
        // The unit's tree and accumulator run every brick cycle, shared by 16 lanes: 2.979955 / 16 per lane-MAC each.
        var counts = bricks.activityPerMac(W8_A4, null).counts();
        double brickCycles = 1 + 2 * (1 - Math.pow(0.75, 16));
        assertThat(counts.get(Part.shifter(12, 3))).isCloseTo(1.0, within(1e-12));
        assertThat(counts.get(Part.adder(24))).isCloseTo(brickCycles / 16, within(1e-12));
        assertThat(counts.get(Part.adder(13))).isCloseTo(8 * brickCycles / 16, within(1e-12));
    }

    @Test
    void aSixteenLaneTreeHasFifteenAddersOneBitWiderPerLevel() {
        // 16 terms of 4 bits: 8 adders of 5 bits, 4 of 6, 2 of 7, 1 of 8; the sum has 8 bits.
        assertThat(BitSerialPe.treeAdders(4, 16)).containsExactly(Map.entry(Part.adder(5), 8),
                Map.entry(Part.adder(6), 4), Map.entry(Part.adder(7), 2), Map.entry(Part.adder(8), 1));
        assertThat(BitSerialPe.treeSumBits(4, 16)).isEqualTo(8);
        // Five terms: 2 adders, then 3 terms (one passed on): 1 adder, then 2: 1 adder.
        assertThat(BitSerialPe.treeAdders(4, 5)).containsExactly(Map.entry(Part.adder(5), 2),
                Map.entry(Part.adder(6), 1), Map.entry(Part.adder(7), 1));
        assertThat(BitSerialPe.treeAdders(4, 1)).isEmpty();
    }

    @Test
    void aStripesSipBuildsSixteenLanesAndOneTreeShifterAndAccumulator() {
        // Weights int4 in parallel, activations int8 serial: per lane a 1-of-8 bit select, a 4-bit AND row (a 2:1
        // select of the weight or 0) and the 4- and 8-bit operand registers; the tree over 4-bit terms, an 8-bit
        // shifter of its sum by 0..7, the 24-bit accumulator.
        assertThat(stripes.lanes()).isEqualTo(16);
        assertThat(stripes.inventory(W4_A8).counts()).containsExactly(Map.entry(Part.multiplexer(1, 8), 16),
                Map.entry(Part.multiplexer(4, 2), 16), Map.entry(Part.register(4), 16), Map.entry(Part.register(8), 16),
                Map.entry(Part.adder(5), 8), Map.entry(Part.adder(6), 4), Map.entry(Part.adder(7), 2),
                Map.entry(Part.adder(8), 1), Map.entry(Part.shifter(8, 7), 1), Map.entry(Part.adder(24), 1),
                Map.entry(Part.register(24), 1));
    }

    @Test
    void theLayersOwnActivationHistogramWinsOverTheWorstCase() {
        // int4 activations 0, 0, 1, 7 carried by the layer: one-bit counts 0, 0, 1, 3, so a brick of 16 takes
        // 1 + 2 · (1 − 0.75^16) = 2.98 cycles; the PE has no histogram, so the same layer without statistics takes
        // int4's worst value, 7 = 0b111: three cycles. A lane's offset shifts follow the mean one-bit count,
        // 1/4 · 1 + 1/4 · 3 = 1 per MAC against 3 (int8 weights shifted by 0..3 into a 12-bit term).
        int[] codes = {INT4.encodeInt(0), INT4.encodeInt(0), INT4.encodeInt(1), INT4.encodeInt(7)};
        LayerTrace layer = new LayerTrace(new Layer("conv", new GemmShape(4, 4, 4)), W8_A4, 8, 4)
                .withActivationStatistics(CodeStatistics.of(INT4, codes));
        assertThat(pragmatic.meanCyclesPerMac(W8_A4, layer)).isCloseTo(1 + 2 * (1 - Math.pow(0.75, 16)),
                within(1e-12));
        assertThat(pragmatic.meanCyclesPerMac(W8_A4, layer.withActivationStatistics(null))).isEqualTo(3.0);
        assertThat(pragmatic.activityPerMac(W8_A4, layer).counts().get(Part.shifter(12, 3))).isCloseTo(1.0,
                within(1e-12));
        assertThat(pragmatic.activityPerMac(W8_A4, layer.withActivationStatistics(null)).counts().get(Part.shifter(12, 3)))
                .isEqualTo(3.0);
        // Stripes ignores the values: four cycles for int4 activations either way.
        assertThat(stripes.meanCyclesPerMac(W8_A4, layer)).isEqualTo(4.0);
    }

    @Test
    void stripesActivityIsPerCycleWorkTimesTheActivationBits() {
        // int8 activations: 8 cycles. Per lane each cycle a bit select and a 4-bit AND row. Per SIP each cycle the
        // tree (8 + 4 + 2 + 1 adders of 5..8 bits), the shift of its 8-bit sum, the 24-bit add and write, shared by
        // 16 lanes: 8/16 = 0.5 of each per lane-MAC, so 8 · 0.5 = 4 adds of 5 bits. The operand registers once.
        var counts = stripes.activityPerMac(W4_A8, null).counts();
        assertThat(counts.get(Part.multiplexer(1, 8))).isEqualTo(8.0);
        assertThat(counts.get(Part.multiplexer(4, 2))).isEqualTo(8.0);
        assertThat(counts.get(Part.adder(5))).isEqualTo(4.0);
        assertThat(counts.get(Part.adder(8))).isEqualTo(0.5);
        assertThat(counts.get(Part.shifter(8, 7))).isEqualTo(0.5);
        assertThat(counts.get(Part.adder(24))).isEqualTo(0.5);
        assertThat(counts.get(Part.register(24))).isEqualTo(0.5);
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
