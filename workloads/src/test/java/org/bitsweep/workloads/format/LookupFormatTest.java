package org.bitsweep.workloads.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The value sets against the tables in their sources (ANCHORS.md §2d, §3), and the tie rule. */
class LookupFormatTest {

    static double[] values(String name) {
        return Formats.parse(name).values();
    }

    @Test
    void nf4IsTheQloraTable() {
        // QLoRA Appendix E / bitsandbytes, index 0 → 15, as float32 constants.
        float[] table = {-1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f,
                -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f, 0.07958029955625534f,
                0.16093020141124725f, 0.24611230194568634f, 0.33791524171829224f, 0.44070982933044434f,
                0.5626170039176941f, 0.7229568362236023f, 1.0f};
        NumberFormat nf4 = Formats.parse("nf4");
        for (int code = 0; code < 16; code++)
            assertThat(nf4.decode(code)).isEqualTo(table[code]);
        assertThat(nf4.maxValue()).isEqualTo(1.0);
        assertThat(nf4.minValue()).isEqualTo(-1.0);
        assertThat(nf4.minPositiveNormal()).isEqualTo(0.07958029955625534f);
    }

    @Test
    void bitmodTypesAddOneSpecialValueToTheBasicGrid() {
        assertThat(values("bitmod-fp3")).containsExactly(-4, -2, -1, 0, 1, 2, 4);
        assertThat(values("bitmod-fp3-er-pos")).containsExactly(-4, -2, -1, 0, 1, 2, 3, 4);
        assertThat(values("bitmod-fp3-ea-neg")).containsExactly(-6, -4, -2, -1, 0, 1, 2, 4);
        assertThat(values("bitmod-fp4")).containsExactly(-12, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12);
        assertThat(values("bitmod-fp4-er-neg")).contains(-10).hasSize(16);
        assertThat(values("bitmod-fp4-ea-pos")).contains(16).hasSize(16);
        assertThat(((MixtureFormat) Formats.parse("bitmod4")).candidates()).extracting(NumberFormat::name)
                .containsExactly("bitmod-fp4-er-pos", "bitmod-fp4-er-neg", "bitmod-fp4-ea-pos", "bitmod-fp4-ea-neg");
    }

    @Test
    void antAndPowerOfTwoTypes() {
        assertThat(values("ant-flint4")).containsExactly(-16, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 16);
        assertThat(values("ant-flint4u")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 24, 32, 64);
        assertThat(values("pot4")).containsExactly(-64, -32, -16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16, 32, 64);
        // DenseShift: no zero, ±2^0 .. ±2^3 in 3 bits.
        assertThat(values("denseshift3")).containsExactly(-8, -4, -2, -1, 1, 2, 4, 8);
        assertThat(values("ternary")).containsExactly(-1, 0, 1);
        assertThat(values("binary")).containsExactly(-1, 1);
    }

    @Test
    void tiesGoToTheValueNearerZero() {
        NumberFormat fp3 = Formats.parse("bitmod-fp3");
        // 3 is halfway between 2 and 4; -1.5 between -2 and -1.
        assertThat(fp3.nearest(3)).isEqualTo(2);
        assertThat(fp3.nearest(-1.5)).isEqualTo(-1);
        assertThat(fp3.nearest(100)).isEqualTo(4);
        // Binary: 0 is halfway between -1 and 1; equal magnitudes go to the lower code, -1 (BitNet's Sign(0) = -1).
        assertThat(Formats.parse("binary").nearest(0)).isEqualTo(-1);
    }

    @Test
    void compositesDoNotPretendToEncodeSingleValues() {
        assertThatThrownBy(() -> Formats.parse("bitmod4").encode(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Formats.parse("olive4").decode(1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
