package org.bitsweep.workloads.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;

class IntFormatTest {

    @Test
    void everyCodeOfEveryWidthDecodesToItsTwosComplementValueAndEncodesBack() {
        for (boolean signed : new boolean[] {true, false})
            for (int bits = 2; bits <= 16; bits++) {
                IntFormat f = new IntFormat(bits, signed);
                BigInteger modulus = BigInteger.ONE.shiftLeft(bits);
                for (int code = 0; code < f.codeCount(); code++) {
                    // The oracle reads the pattern as an unsigned integer and, for signed formats, subtracts 2^bits
                    // when the top bit is set.
                    BigInteger unsigned = BigInteger.valueOf(code);
                    BigInteger expected = signed && unsigned.testBit(bits - 1) ? unsigned.subtract(modulus) : unsigned;
                    long value = f.decodeInt(code);
                    assertThat(BigInteger.valueOf(value)).as("%s code %d", f.name(), code).isEqualTo(expected);
                    assertThat(f.encodeInt(value)).isEqualTo(code);
                    assertThat(f.encode(f.decode(code))).isEqualTo(code);
                }
            }
    }

    @Test
    void int4CodeThirteenIsMinusThree() {
        // 0b1101: -8 + 4 + 1 = -3
        assertThat(IntFormat.signed(4).decodeInt(0b1101)).isEqualTo(-3);
    }

    @Test
    void rangesFollowTheWidth() {
        assertThat(IntFormat.signed(8).minInt()).isEqualTo(-128);
        assertThat(IntFormat.signed(8).maxInt()).isEqualTo(127);
        assertThat(IntFormat.unsigned(16).maxInt()).isEqualTo(65535);
        assertThat(IntFormat.signed(2).minInt()).isEqualTo(-2);
    }

    @Test
    void roundsHalfToEvenAndSaturates() {
        IntFormat int4 = IntFormat.signed(4);
        assertThat(int4.roundToInt(2.5)).isEqualTo(2);
        assertThat(int4.roundToInt(3.5)).isEqualTo(4);
        assertThat(int4.roundToInt(-2.5)).isEqualTo(-2);
        assertThat(int4.roundToInt(100)).isEqualTo(7);
        assertThat(int4.roundToInt(-100)).isEqualTo(-8);
    }

    @Test
    void widthsOutsideTwoToSixteenAreRejected() {
        assertThatThrownBy(() -> IntFormat.signed(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntFormat.signed(17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownNamesListTheValidOnes() {
        assertThat(Formats.parse("int4")).isEqualTo(IntFormat.signed(4));
        assertThat(Formats.parse("uint8")).isEqualTo(IntFormat.unsigned(8));
        assertThatThrownBy(() -> Formats.parse("int17"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("\"int17\"")
                .hasMessageContaining("int2..int16");
        assertThatThrownBy(() -> Formats.parse("fp5")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("eXmY");
    }
}
