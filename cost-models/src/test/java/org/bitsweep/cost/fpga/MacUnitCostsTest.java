package org.bitsweep.cost.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** MAC units priced part by part, worked by hand from the formulas of fpga/mac-parts.yaml. */
class MacUnitCostsTest {
    static final FpgaFamily ULTRASCALE = FpgaCatalog.device("xczu3eg").family();
    static final FpgaFamily VERSAL = FpgaCatalog.device("xcvc1902").family();
    static final IntOperand INT4 = new IntOperand(4, true);
    static final IntOperand INT8 = new IntOperand(8, true);
    static final FloatOperand E2M1 = new FloatOperand(2, 1, true);
    static final FloatOperand E4M3 = new FloatOperand(4, 3, true);

    @Test
    void anInt4LutMacIsFinnsMultiplierAdderAndAccumulatorTimesOnePointOne() {
        // multiplier 24 (FinnModelTest), adder tree (4+4)·1 = 8, accumulator 15 → 47 LUTs × 1.1 = 51.7.
        MacUnitCost c = MacUnitCosts.integer(INT4, INT4, 15, 1, MultiplierStyle.LUT, ULTRASCALE);
        assertThat(c.luts()).isCloseTo(51.7, within(1e-9));
        assertThat(c.dsps()).isZero();
        // Registers: operands 8, product 8, accumulator 15 = 31 flip-flops.
        assertThat(c.ffs()).isEqualTo(31);
        assertThat(c.parts()).extracting(MacPart::id).containsExactly("multiplier", "adder-tree", "accumulator");
    }

    @Test
    void dspMultipliersMoveTheMultiplierIntoAPackedSlice() {
        // int4 on a DSP48E2: four products per slice, so 1/4 DSP; LUTs (8 + 15)·1.1 = 25.3.
        MacUnitCost c = MacUnitCosts.integer(INT4, INT4, 15, 1, MultiplierStyle.DSP, ULTRASCALE);
        assertThat(c.dsps()).isEqualTo(0.25);
        assertThat(c.luts()).isCloseTo(25.3, within(1e-9));
        // int8: two per DSP48E2, three per DSP58 (the INT8 dot-product mode).
        assertThat(MacUnitCosts.integer(INT8, INT8, 26, 1, MultiplierStyle.DSP, ULTRASCALE).dsps()).isEqualTo(0.5);
        assertThat(MacUnitCosts.integer(INT8, INT8, 26, 3, MultiplierStyle.DSP, VERSAL).dsps()).isEqualTo(1.0);
        // int16 fits the 27 × 18 multiplier once.
        assertThat(MacUnitCosts.integer(new IntOperand(16, true), new IntOperand(16, true), 40, 1,
                MultiplierStyle.DSP, ULTRASCALE).dsps()).isEqualTo(1.0);
        // 20 × 20 does not fit one DSP48E2 (27 × 18) either way round.
        assertThatThrownBy(() -> MacUnitCosts.integer(new IntOperand(20, true), new IntOperand(20, true), 48, 1,
                MultiplierStyle.DSP, ULTRASCALE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("27 × 18");
    }

    @Test
    void anE2m1ExactMacIsBuiltFromItsParts() {
        // e2m1 × e2m1 into the exact accumulator for n = 64 (15 bits):
        // sign 1; hidden bit ⌈2/6⌉ + ⌈2/6⌉ = 2; exponent adder max(2, 2) + 1 = 3;
        // significand multiplier 2 × 2 bits: (2·⌈4/6⌉ − 1)·4 = 4;
        // span S = (2^2 − 2) + (2^2 − 2) = 4, aligned pw = 2 + 2 + 4 = 8, shifter levels ⌈⌈log2 5⌉/2⌉ = 2 → 16;
        // aligned adder tree (8 + 1)·1 = 9; accumulator 15.  Sum 50 → × 1.1 = 55.
        MacUnitCost c = MacUnitCosts.minifloat(E2M1, E2M1, new Accumulation.Fixed(15), 1, MultiplierStyle.LUT,
                ULTRASCALE);
        assertThat(c.parts()).extracting(MacPart::id).containsExactly("sign", "hidden-bit", "exponent-adder",
                "significand-multiplier", "alignment-shifter", "aligned-adder-tree", "accumulator");
        assertThat(c.parts()).extracting(MacPart::luts).containsExactly(1.0, 2.0, 3.0, 4.0, 16.0, 9.0, 15.0);
        assertThat(c.luts()).isCloseTo(55.0, within(1e-9));
        // Registers: operands 4 + 4, product 1 + 3 + 2 + 2 = 8, aligned 9, accumulator 15 → 40.
        assertThat(c.ffs()).isEqualTo(40);
    }

    @Test
    void aFloatAccumulatorAddsAnAdderWithNormalizationAndRounding() {
        // e4m3 × e4m3 into fp16 (e5m10): g = max(11, 4 + 4) + 3 = 14, shift levels ⌈⌈log2 14⌉/2⌉ = 2.
        // sign 1, hidden 2, exponent adder 5, significand multiplier (2·⌈8/6⌉ − 1)·8 = 24,
        // exponent difference max(5, 5) + 1 = 6, swap 14, alignment 28, sticky ⌈14/6⌉ = 3, adder 15,
        // leading zeros 14, normalization 28, rounding 10 + 2 = 12, exponent adjust 6.  Sum 158 → × 1.1 = 173.8.
        MacUnitCost c = MacUnitCosts.minifloat(E4M3, E4M3, new Accumulation.Floating(5, 10), 1, MultiplierStyle.LUT,
                ULTRASCALE);
        assertThat(c.luts()).isCloseTo(173.8, within(1e-9));
        assertThat(c.parts()).extracting(MacPart::id).contains("leading-zero-counter", "normalization-shifter",
                "rounding");
        assertThatThrownBy(() -> MacUnitCosts.minifloat(E4M3, E4M3, new Accumulation.Floating(5, 10), 4,
                MultiplierStyle.LUT, ULTRASCALE)).hasMessageContaining("lanes must be 1");
    }

    @Test
    void moreLanesShareOneAccumulator() {
        // int4, Q = 4, 17-bit accumulator: multipliers 4·24 = 96, tree 8·7 = 56, accumulator 17 → 169 × 1.1 = 185.9,
        // i.e. 46.475 LUTs per MAC against 51.7 + (17 − 15)·1.1 for one lane.
        MacUnitCost c = MacUnitCosts.integer(INT4, INT4, 17, 4, MultiplierStyle.LUT, ULTRASCALE);
        assertThat(c.luts()).isCloseTo(185.9, within(1e-9));
        assertThat(c.perMac().luts()).isCloseTo(46.475, within(1e-9));
        // Tree registers: level 1 holds 2 sums of 9 bits, level 2 one of 10: operands 32 + products 32 + 18 + 10
        // + accumulator 17 = 109.
        assertThat(c.ffs()).isEqualTo(109);
    }

    @Test
    void fmaxIsTheSlowestStageCappedByTheFabric() {
        // int4 LUT MAC on UltraScale+: multiply stage = 1 + ⌈log2 ⌈4/2⌉⌉ = 2 LUT levels and 8 carry bits:
        // 0.4 + 2·0.45 + ⌈8/8⌉·0.1 = 1.4 ns; accumulate = 0.4 + 0.45 + ⌈15/8⌉·0.1 = 1.05 ns.  fmax = 1000/1.4.
        MacUnitCost c = MacUnitCosts.integer(INT4, INT4, 15, 1, MultiplierStyle.LUT, ULTRASCALE);
        assertThat(c.fmaxMhz()).isCloseTo(1000 / 1.4, within(1e-9));
        assertThat(c.fmaxLimitedBy()).isEqualTo("multiply");
        // With a DSP multiplier only the accumulator is in the fabric (952 MHz), so the DSP's 775 MHz limit rules.
        MacUnitCost d = MacUnitCosts.integer(INT4, INT4, 15, 1, MultiplierStyle.DSP, ULTRASCALE);
        assertThat(d.fmaxMhz()).isEqualTo(775);
        assertThat(d.fmaxLimitedBy()).isEqualTo("dsp");
    }

    @Test
    void moreExponentBitsCostMoreAndSoDoMoreMantissaBits() {
        double base = lutsOf(new FloatOperand(2, 2, true));
        assertThat(lutsOf(new FloatOperand(3, 2, true))).isGreaterThan(base);
        assertThat(lutsOf(new FloatOperand(2, 3, true))).isGreaterThan(base);
    }

    @Test
    void everyPartNamesItsFormulaAndWhereItComesFrom() {
        List<MacUnitCost> units = List.of(
                MacUnitCosts.integer(INT8, INT8, 26, 4, MultiplierStyle.LUT, ULTRASCALE),
                MacUnitCosts.minifloat(E4M3, E2M1, new Accumulation.Fixed(40), 2, MultiplierStyle.DSP, VERSAL),
                MacUnitCosts.minifloat(E4M3, E4M3, new Accumulation.Floating(8, 23), 1, MultiplierStyle.LUT, VERSAL));
        for (MacUnitCost u : units)
            for (MacPart p : u.parts())
                assertThat(p.entry().basis()).as(p.id()).isNotBlank();
        assertThat(MacParts.part("multiplier").estimate()).isFalse();
        assertThat(MacParts.part("alignment-shifter").estimate()).isTrue();
    }

    private static double lutsOf(FloatOperand f) {
        int bits = AccumulatorWidths.minifloatExact(f.exponentBits(), f.mantissaBits(), f.exponentBits(),
                f.mantissaBits(), 64);
        return MacUnitCosts.minifloat(f, f, new Accumulation.Fixed(bits), 1, MultiplierStyle.LUT, ULTRASCALE).luts();
    }
}
