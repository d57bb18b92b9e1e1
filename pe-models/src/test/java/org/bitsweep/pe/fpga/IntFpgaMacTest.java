package org.bitsweep.pe.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** The integer unit against BigInteger: exact with the study's width, wrapping or saturating when narrower. */
class IntFpgaMacTest {
    static final OperandFormats INT4 = OperandFormats.of(IntFormat.signed(4), IntFormat.signed(4));

    @Test
    void theExactAccumulatorHasTheStudysWidthAndNeverOverflows() {
        // int4 × int4 over n = 64: 4 + 4 + 6 + 1 = 15 bits. The worst case, 64 · (−8)·(−8) = 4096, fits 15 signed bits.
        FpgaMacUnit unit = FpgaMacUnit.of(INT4, new FpgaAccumulator.Exact(), 64, 1);
        assertThat(unit.accumulatorBits()).isEqualTo(15);
        long acc = 0;
        for (int i = 0; i < 64; i++)
            acc = unit.arithmetic().mac(acc, -8, -8);
        assertThat(acc).isEqualTo(4096);
    }

    @Test
    void everyPairOfInt4ValuesMultipliesExactly() {
        MacArithmetic mac = FpgaMacUnit.of(INT4, new FpgaAccumulator.Exact(), 1, 1).arithmetic();
        for (long a = -8; a <= 7; a++)
            for (long w = -8; w <= 7; w++)
                assertThat(mac.mac(0, a, w)).as("%d × %d", a, w).isEqualTo(a * w);
    }

    @Test
    void aFixedAccumulatorWrapsOrSaturatesAfterEveryMac() {
        SplittableRandom r = new SplittableRandom(3);
        OperandFormats int8 = OperandFormats.of(IntFormat.signed(8), IntFormat.unsigned(8));
        for (Overflow o : Overflow.values()) {
            MacArithmetic mac = FpgaMacUnit.of(int8, new FpgaAccumulator.Fixed(18, o), 1, 1).arithmetic();
            for (int trial = 0; trial < 200; trial++) {
                long acc = 0;
                BigInteger want = BigInteger.ZERO;
                for (int i = 0; i < 40; i++) {
                    long a = r.nextInt(256);
                    long w = r.nextInt(-128, 128);
                    acc = mac.mac(acc, a, w);
                    want = Oracles.reduce(want.add(BigInteger.valueOf(a * w)), 18, o);
                    assertThat(acc).as("%s trial %d step %d", o, trial, i).isEqualTo(want.longValueExact());
                }
            }
        }
    }

    @Test
    void aRegisterNarrowerThanOneProductOrAFloatAccumulatorIsRefused() {
        assertThatThrownBy(() -> FpgaMacUnit.of(INT4, new FpgaAccumulator.Fixed(6, Overflow.WRAP), 1, 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> FpgaMacUnit.of(INT4, "float:fp32", 1, 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("needs minifloat operands");
    }
}
