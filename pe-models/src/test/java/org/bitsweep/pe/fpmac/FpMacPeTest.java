package org.bitsweep.pe.fpmac;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.cost.Part;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class FpMacPeTest {
    static final MinifloatFormat FP16 = (MinifloatFormat) Formats.parse("fp16");
    static final MinifloatFormat BF16 = (MinifloatFormat) Formats.parse("bf16");
    static final MinifloatFormat E4M3 = (MinifloatFormat) Formats.parse("fp8-e4m3");
    static final OperandFormats FP16_PAIR = OperandFormats.of(FP16, FP16);
    static final OperandFormats E4M3_PAIR = OperandFormats.of(E4M3, E4M3);
    final FpMacPe fp32 = new FpMacPe(new PeParams(32, Overflow.WRAP));
    final FpMacPe fp16 = new FpMacPe(new PeParams(16, Overflow.WRAP));

    @Test
    void theAccumulatorWidthNamesTheFormat() {
        assertThat(fp32.accumulator()).isEqualTo(FloatFormat.FP32);
        assertThat(fp16.accumulator()).isEqualTo(FloatFormat.FP16);
        FpMacPe odd = new FpMacPe(new PeParams(24, Overflow.WRAP));
        assertThat(odd.unsupportedReason(FP16_PAIR)).contains("accumulator_bits 24 names no float accumulator")
                .contains("it runs weights and activations: fp16, bf16, fp8-e4m3");
    }

    @Test
    void aProductRoundsIntoAnFp16AccumulatorButNotIntoFp32() {
        // (1 + 2^-10)^2 = 1 + 2^-9 + 2^-20: 21 significant bits, exact in fp32 (24), not in fp16 (11): there 2^-20 is
        // below half an ulp of 1 (2^-11) and the product rounds to 1 + 2^-9.
        double x = 1 + Math.scalb(1.0, -10);
        Operands ops32 = fp32.operands(FP16_PAIR);
        long acc32 = fp32.arithmetic(FP16_PAIR).mac(ops32.zeroAccumulator(), ops32.activation(x), ops32.weight(x));
        assertThat(ops32.accumulatorValue(acc32)).isEqualTo(1 + Math.scalb(1.0, -9) + Math.scalb(1.0, -20));
        Operands ops16 = fp16.operands(FP16_PAIR);
        long acc16 = fp16.arithmetic(FP16_PAIR).mac(ops16.zeroAccumulator(), ops16.activation(x), ops16.weight(x));
        assertThat(ops16.accumulatorValue(acc16)).isEqualTo(1 + Math.scalb(1.0, -9));
    }

    @Test
    void aFusedUnitRoundsOnce() {
        // acc = −(1 + 2^-9) in fp16, a = w = 1 + 2^-10. Two roundings: the product rounds to 1 + 2^-9 and the sum is
        // +0. One rounding: the exact sum is 2^-20, an fp16 subnormal (they reach down to 2^-24), kept exactly.
        double x = 1 + Math.scalb(1.0, -10);
        long acc = FloatFormat.FP16.fromDouble(-(1 + Math.scalb(1.0, -9)));
        long code = FP16.encode(x);
        assertThat(FloatFormat.FP16.toDouble(fp16.arithmetic(FP16_PAIR).mac(acc, code, code))).isEqualTo(0.0);
        FpMacPe fused = new FpMacPe(new PeParams(16, Overflow.WRAP), true);
        assertThat(FloatFormat.FP16.toDouble(fused.arithmetic(FP16_PAIR).mac(acc, code, code)))
                .isEqualTo(Math.scalb(1.0, -20));
    }

    @Test
    void overflowGivesInfinityAndNaNPropagates() {
        // 448 · 448 = 200,704: exact in fp32, beyond fp16's 65,504 (and its 65,520 rounding limit): +∞.
        long max = E4M3.encode(448);
        assertThat(Oracles.fromCode(fp32.arithmetic(E4M3_PAIR).mac(0, max, max))).isEqualTo(200_704f);
        assertThat(fp16.arithmetic(E4M3_PAIR).mac(0, max, max)).isEqualTo(FloatFormat.FP16.infinity(false));
        // bf16 2^100 squared is 2^200, beyond fp32: +∞; then ∞ − ∞ is NaN.
        OperandFormats bf = OperandFormats.of(BF16, BF16);
        long big = BF16.encode(Math.scalb(1.0, 100));
        long inf = fp32.arithmetic(bf).mac(0, big, big);
        assertThat(inf).isEqualTo(FloatFormat.FP32.infinity(false));
        long minusBig = BF16.encode(-Math.scalb(1.0, 100));
        assertThat(FloatFormat.FP32.isNaN(fp32.arithmetic(bf).mac(inf, big, minusBig))).isTrue();
        // E4M3's NaN code 0x7F times anything is NaN.
        assertThat(FloatFormat.FP32.isNaN(fp32.arithmetic(E4M3_PAIR).mac(0, 0x7F, max))).isTrue();
    }

    @Test
    void signedZerosFollowIeee() {
        // −0 accumulator plus (−1) · (+0) = −0 stays −0; plus (+1)(+0) = +0 gives +0.
        long minusZero = FloatFormat.FP32.zero(true);
        long one = E4M3.encode(1);
        long minusOne = E4M3.encode(-1);
        long zero = E4M3.encode(0);
        assertThat(fp32.arithmetic(E4M3_PAIR).mac(minusZero, minusOne, zero)).isEqualTo(minusZero);
        assertThat(fp32.arithmetic(E4M3_PAIR).mac(minusZero, one, zero)).isEqualTo(0);
    }

    @Test
    void inventoryIsAMultiplierAnAdderAndThreeRegisters() {
        // E4M3 × E5M2: priced as the wider operand's multiplier (significand 4×4: E4M3 has M = 3).
        OperandFormats mixed = OperandFormats.of(E4M3, (MinifloatFormat) Formats.parse("fp8-e5m2"));
        assertThat(fp32.inventory(mixed).counts()).containsOnlyKeys(Part.fpMultiplier(5, 3), Part.fpAdder(8, 23),
                Part.register(32), Part.register(8));
        assertThat(fp32.cyclesPerMac(mixed, null)).isEqualTo(1);
    }

    @Test
    void integersAreRefusedWithTheList() {
        OperandFormats f = OperandFormats.of(IntFormat.signed(4), FP16);
        assertThat(fp32.unsupportedReason(f)).startsWith("fp-mac cannot run w:int4 a:fp16: int4 is not a signed minifloat")
                .contains("it runs weights and activations: fp16, bf16, fp8-e4m3, fp8-e5m2");
    }
}
