package org.bitsweep.pe.intmac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.DequantizerPlacement;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.TestLayers;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class IntMacPeTest {
    static final OperandFormats INT4_X_INT8 = OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8));

    @Test
    void oneMacPerCycleWhateverTheWidths() {
        IntMacPe pe = new IntMacPe(new PeParams(32, Overflow.WRAP));
        assertThat(pe.cyclesPerMac(INT4_X_INT8, null)).isEqualTo(1);
        assertThat(pe.cyclesPerMac(OperandFormats.of(IntFormat.signed(16), IntFormat.signed(16)), null)).isEqualTo(1);
    }

    @Test
    void wrappingAccumulatorKeepsTheLowBits() {
        // 16-bit accumulator at 32,000; + 127 · 7 = 889 gives 32,889 = 0x8079, read back as 32,889 − 65,536 = −32,647.
        MacArithmetic mac = new IntMacPe(new PeParams(16, Overflow.WRAP)).arithmetic(INT4_X_INT8);
        assertThat(mac.mac(32_000, 127, 7)).isEqualTo(-32_647);
    }

    @Test
    void saturatingAccumulatorStopsAtTheRangeAndComesBackDown() {
        // Saturation happens per step: 32,000 + 889 clamps to 32,767; then 32,767 − 889 = 31,878, not 32,000.
        MacArithmetic mac = new IntMacPe(new PeParams(16, Overflow.SATURATE)).arithmetic(INT4_X_INT8);
        long acc = mac.mac(32_000, 127, 7);
        assertThat(acc).isEqualTo(32_767);
        assertThat(mac.mac(acc, 127, -7)).isEqualTo(31_878);
    }

    @Test
    void aSixtyFourBitSaturatingAccumulatorDoesNotWrapTheLong() {
        MacArithmetic mac = new IntMacPe(new PeParams(64, Overflow.SATURATE)).arithmetic(INT4_X_INT8);
        assertThat(mac.mac(Long.MAX_VALUE - 10, 127, 7)).isEqualTo(Long.MAX_VALUE);
        assertThat(mac.mac(Long.MIN_VALUE + 10, 127, -8)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void inventoryIsOneMultiplierOneAdderAndThreeRegisters() {
        IntMacPe pe = new IntMacPe(new PeParams(24, Overflow.WRAP));
        assertThat(pe.inventory(INT4_X_INT8).counts()).containsOnlyKeys(
                Part.multiplier(4, 8), Part.adder(24), Part.register(24), Part.register(8), Part.register(4));
    }

    @Test
    void accumulatorsNarrowerThanOneProductAreNotSupported() {
        // int16 × int16 needs 32 bits: −32768 · −32768 = 2^30, and the sign bit on top.
        IntMacPe pe = new IntMacPe(new PeParams(24, Overflow.WRAP));
        OperandFormats wide = OperandFormats.of(IntFormat.signed(16), IntFormat.signed(16));
        assertThat(pe.supports(wide)).isFalse();
        assertThat(pe.unsupportedReason(wide)).contains("needs 32 bits");
    }

    @Test
    void groupedWeightsCarryOneGroupsShareOfARescaleIntoFp32() {
        // int4 × int8 into 24 bits. One dequantization: the 24-bit partial sum times the fp16 scale's 11-bit
        // significand (an 11 × 24 multiply), the 35-bit product normalised to fp32 (a shifter of 35 bits, 0..34), an
        // fp32 add into the output and a 32-bit write. g = 32: 1/32 = 0.03125 of each per MAC; g = 128: 1/128 =
        // 0.0078125; one scale per output channel (g = 0) over k = 4096: 1/4096 of each but the add, since the
        // rescaled output is the output. The MAC itself stays one 4 × 8 multiply and one 24-bit add.
        IntMacPe pe = new IntMacPe(new PeParams(24, Overflow.WRAP));
        for (int g : new int[] {32, 128, 0}) {
            double macsPerScale = g > 0 ? g : 4096;
            var c = pe.activityPerMac(INT4_X_INT8, TestLayers.linear(INT4_X_INT8, 4096, g)).counts();
            for (Part p : new Part[] {Part.multiplier(11, 24), Part.shifter(35, 34), Part.fpAdder(8, 23),
                    Part.register(32)})
                if (g == 0 && p.equals(Part.fpAdder(8, 23)))
                    assertThat(c).doesNotContainKey(p);
                else
                    assertThat(c.get(p)).as("%s at g = %d", p, g).isCloseTo(1 / macsPerScale, within(1e-15));
            assertThat(c).as("g = %d", g).containsEntry(Part.multiplier(4, 8), 1.0).containsEntry(Part.adder(24), 1.0);
        }
        // Described alone (no layer), int-mac is the bare MAC that Horowitz's table prices: no rescale.
        assertThat(pe.activityPerMac(INT4_X_INT8, null).counts()).containsOnlyKeys(
                Part.multiplier(4, 8), Part.adder(24), Part.register(24), Part.register(8), Part.register(4));
    }

    @Test
    void theRescaleCostsAPicojouleAndAHalfPerGroupAt45nm() {
        // The 11 × 24 multiply: 264 bit pairs on the 8×8 → 32×32 power law (0.2 → 3.1 pJ over 64 → 1024 pairs,
        // exponent ln 15.5 / ln 16 = 0.988549): 0.2 · 4.125^0.988549 = 0.811721 pJ; the 35-bit shifter has 6 stages,
        // 210 cells against the 32-bit entry's 160 (0.3787 pJ): 0.497044 pJ; fp32 add 0.9 pJ; 32-bit write 0.288 pJ.
        // One dequantization 2.496765 pJ: 0.078024 pJ per MAC at g = 32, 0.019506 at g = 128, 0.058518 apart; per
        // channel, without the fp32 add, 1.596765 pJ over k = 4096: 0.000390 pJ.
        IntMacPe pe = new IntMacPe(new PeParams(24, Overflow.WRAP));
        AsicCostModel nm45 = AsicCostModel.at("45nm");
        assertThat(nm45.energyPj(pe.dequantization(INT4_X_INT8))).isCloseTo(2.496765, within(1e-5));
        double g32 = nm45.energyPj(pe.activityPerMac(INT4_X_INT8, TestLayers.linear(INT4_X_INT8, 4096, 32)));
        double g128 = nm45.energyPj(pe.activityPerMac(INT4_X_INT8, TestLayers.linear(INT4_X_INT8, 4096, 128)));
        double perChannel = nm45.energyPj(pe.activityPerMac(INT4_X_INT8, TestLayers.linear(INT4_X_INT8, 4096, 0)));
        double bare = nm45.energyPj(pe.activityPerMac(INT4_X_INT8, null));
        assertThat(g32 - g128).isCloseTo(0.058518, within(1e-5));
        assertThat(perChannel - bare).isCloseTo(1.596765 / 4096, within(1e-6));
    }

    @Test
    void theScaleMultipliesTheExactPartialSumBeforeRounding() {
        // P = 2^24 + 1 = 16,777,217 needs 25 bits; times scale 3 it is 50,331,651 exactly, between the fp32 neighbours
        // 50,331,648 and 50,331,652 (spacing 4 above 2^25): nearest is 50,331,652. Rounding P to fp32 first
        // (16,777,216, the even neighbour of a tie) would give 50,331,648. Added to an output of 0: 50,331,652.
        IntMacPe pe = new IntMacPe(new PeParams(32, Overflow.WRAP));
        long out = pe.dequantizer(INT4_X_INT8).accumulate(Oracles.code(0f), (1L << 24) + 1, 3.0, 0, 0);
        assertThat(Oracles.fromCode(out)).isEqualTo(50_331_652f);
        // uint4 with zero point 8: Σ a·q = 35 over a = (3, 5), q = (10, 1); Σa = 8; 35 − 64 = −29; · 0.25 = −7.25;
        // added to 1.0: −6.25.
        OperandFormats u = OperandFormats.of(IntFormat.unsigned(4), IntFormat.signed(8));
        long p = pe.arithmetic(u).dot(0, new long[] {3, 5}, new long[] {10, 1});
        assertThat(Oracles.fromCode(pe.dequantizer(u).accumulate(Oracles.code(1.0f), p, 0.25, 8, 8))).isEqualTo(-6.25f);
    }

    @Test
    void groupedWeightsPutADequantizerInEveryPeAndChannelScalesOneAtEachColumn() {
        // 32 × 16 array: grouped weights (g = 128 < k = 4096) rescale every 128 MACs inside each PE, 512 units; one
        // scale per channel rescales each output once as it leaves its column, 16 units.
        IntMacPe pe = new IntMacPe(new PeParams(32, Overflow.WRAP));
        assertThat(pe.dequantizers(32, 16, TestLayers.linear(INT4_X_INT8, 4096, 128))).isEqualTo(512);
        assertThat(pe.dequantizers(32, 16, TestLayers.linear(INT4_X_INT8, 4096, 0))).isEqualTo(16);
        assertThat(pe.dequantizerPlacement(null)).isEqualTo(DequantizerPlacement.PER_COLUMN);
    }
}
