package org.bitsweep.pe.intmac;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.cost.Part;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
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
}
