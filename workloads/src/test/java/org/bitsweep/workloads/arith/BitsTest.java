package org.bitsweep.workloads.arith;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitsTest {
    @Test
    void wrapKeepsTheLowBitsAsTwosComplement() {
        // 130 = 0b1000_0010 in 8 bits is -128 + 2 = -126.
        assertThat(Bits.wrapSigned(130, 8)).isEqualTo(-126);
        assertThat(Bits.wrapSigned(-129, 8)).isEqualTo(127);
        assertThat(Bits.wrapSigned(Long.MIN_VALUE, 64)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void saturateClampsToTheSignedRange() {
        assertThat(Bits.saturateSigned(130, 8)).isEqualTo(127);
        assertThat(Bits.saturateSigned(-129, 8)).isEqualTo(-128);
        assertThat(Bits.maxSigned(32)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Bits.minSigned(64)).isEqualTo(Long.MIN_VALUE);
    }
}
