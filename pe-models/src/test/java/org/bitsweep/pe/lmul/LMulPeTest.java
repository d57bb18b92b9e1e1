package org.bitsweep.pe.lmul;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.exact.ExtendedReal;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class LMulPeTest {
    static final MinifloatFormat E4M3 = (MinifloatFormat) Formats.parse("fp8-e4m3");
    static final MinifloatFormat E5M2 = (MinifloatFormat) Formats.parse("fp8-e5m2");
    static final MinifloatFormat BF16 = (MinifloatFormat) Formats.parse("bf16");
    final LMulPe pe = new LMulPe(new PeParams(32, Overflow.WRAP));

    static double lmul(double x, double y, int m) {
        return LMulPe.lmul(ExtendedReal.ofDouble(x), ExtendedReal.ofDouble(y), m).toDouble();
    }

    @Test
    void theOffsetExponentFollowsThePaper() {
        // l(m) = m for m <= 3, 3 for m = 4, 4 for m > 4 (ANCHORS.md §7).
        assertThat(new int[] {LMulPe.l(1), LMulPe.l(2), LMulPe.l(3), LMulPe.l(4), LMulPe.l(5), LMulPe.l(7), LMulPe.l(10)})
                .containsExactly(1, 2, 3, 3, 4, 4, 4);
    }

    @Test
    void theOffsetStandsInForTheMantissaProduct() {
        // E4M3 (m = 3, l = 3): 1.5 · 1.25: x_m = 0.5, y_m = 0.25, so 1 + 0.5 + 0.25 + 2^-3 = 1.875; the true product is
        // also 1.875, because x_m · y_m = 0.125 = 2^-3 exactly.
        assertThat(lmul(1.5, 1.25, 3)).isEqualTo(1.875);
        // 1.875 · 1.875: 1 + 0.875 + 0.875 + 0.125 = 2.875 against the true 3.515625 (x_m · y_m = 0.765625 dropped).
        // The mantissa sum passes 1 and stays as the formula reads: 2.875, not folded into the exponent.
        assertThat(lmul(1.875, 1.875, 3)).isEqualTo(2.875);
        // Exponents add and signs XOR: −3 · 0.5 = −(1.5 · 2^1) · (1.0 · 2^-1): −(1 + 0.5 + 0 + 0.125) · 2^0 = −1.625.
        assertThat(lmul(-3, 0.5, 3)).isEqualTo(-1.625);
        // bf16 (m = 7, l = 4): 1 · 1 = 1 + 2^-4 = 1.0625.
        assertThat(lmul(1, 1, 7)).isEqualTo(1.0625);
    }

    @Test
    void zerosSubnormalsAndSpecials() {
        // Zero adds no offset and keeps the XOR sign.
        assertThat(lmul(0, 3, 3)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(lmul(-0.0, 3, 3))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        // E4M3's smallest subnormal 2^-9 is (1 + 0) · 2^-9 once normalized: times 1.0 gives (1 + 1/8) · 2^-9.
        assertThat(lmul(Math.scalb(1.0, -9), 1, 3)).isEqualTo(1.125 * Math.scalb(1.0, -9));
        assertThat(Double.isNaN(lmul(Double.POSITIVE_INFINITY, 0, 3))).isTrue();
        assertThat(lmul(Double.NEGATIVE_INFINITY, 2, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void theMacAddsTheLMulProductIntoTheAccumulator() {
        // 1.0 + L-Mul(1.875, 1.875) = 1 + 2.875 = 3.875 in fp32.
        OperandFormats f = OperandFormats.of(E4M3, E4M3);
        long acc = pe.arithmetic(f).mac(Oracles.code(1.0f), E4M3.encode(1.875), E4M3.encode(1.875));
        assertThat(Oracles.fromCode(acc)).isEqualTo(3.875f);
        assertThat(pe.cyclesPerMac(f, null)).isEqualTo(1);
        assertThat(new LMulPe(new PeParams(16, Overflow.WRAP)).accumulator()).isEqualTo(FloatFormat.FP16);
    }

    @Test
    void operandsOfDifferentMantissaWidthsAreRefused() {
        OperandFormats f = OperandFormats.of(E4M3, E5M2);
        assertThat(pe.supports(f)).isFalse();
        assertThat(pe.unsupportedReason(f)).contains("same mantissa width (got 3 and 2)")
                .contains("it runs weights and activations of the same mantissa width");
        assertThat(pe.supports(OperandFormats.of(BF16, BF16))).isTrue();
    }
}
