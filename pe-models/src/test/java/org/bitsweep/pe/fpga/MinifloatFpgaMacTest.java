package org.bitsweep.pe.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

import org.bitsweep.cost.fpga.AccumulatorWidths;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/**
 * The minifloat unit's arithmetic against exact rationals. The oracle is the formats' own decode (a double holds
 * every minifloat value exactly) turned into BigDecimal: it shares nothing with the unit's field splitting,
 * significand product and shift.
 */
class MinifloatFpgaMacTest {
    static final List<String> FOUR_BIT = List.of("e2m1fin", "fp4-e2m1", "e1m2fin", "e3m0fin", "e2m1", "e2m1-nosub");
    static final List<String> EIGHT_BIT = List.of("e4m3fin", "fp8-e4m3", "e4m3", "e3m4fin", "e2m5fin", "e4m3fnuz");

    static MinifloatFormat f(String name) {
        return (MinifloatFormat) Formats.parse(name);
    }

    static MinifloatFpgaMac unit(String w, String a, FpgaAccumulator acc, long n) {
        return (MinifloatFpgaMac) FpgaMacUnit.of(OperandFormats.of(f(w), f(a)), acc, n, 1);
    }

    static BigDecimal exact(MinifloatFormat f, long code) {
        return new BigDecimal(f.decode((int) code));
    }

    /** The accumulator's value, exactly: acc · 2^q. */
    static BigDecimal value(long acc, int q) {
        BigDecimal a = new BigDecimal(acc);
        return q >= 0 ? a.multiply(new BigDecimal(BigInteger.TWO.pow(q)))
                : a.divide(new BigDecimal(BigInteger.TWO.pow(-q)));
    }

    @Test
    void threeTimesOneAndAHalfIsEighteenQuarterSteps() {
        // e2m1fin: bias 1, q = 1 − 1 − 1 = −1 per operand, so the accumulator counts 2^−2.
        // 3 = 1.1b·2^1: field 2, mantissa 1, code 0b0101, significand 3, shift 1.
        // 1.5 = 1.1b·2^0: field 1, code 0b0011, significand 3, shift 0.
        // Product 3·3 << (1 + 0) = 18 quarter steps = 4.5.
        MinifloatFpgaMac mac = unit("e2m1fin", "e2m1fin", new FpgaAccumulator.Exact(), 64);
        assertThat(mac.arithmetic().mac(0, 0b0101, 0b0011)).isEqualTo(18);
        assertThat(mac.operands().accumulatorValue(18)).isEqualTo(4.5);
        // Negative: −3 is 0b1101; −3 · 1.5 = −18 quarter steps.
        assertThat(mac.arithmetic().mac(0, 0b1101, 0b0011)).isEqualTo(-18);
        // The accumulator for n = 64 has the study's 15 bits (AccumulatorWidthsTest).
        assertThat(mac.accumulatorBits()).isEqualTo(15);
    }

    @Test
    void everyPairOfFourBitCodesMultipliesExactly() {
        for (String wn : FOUR_BIT) {
            for (String an : FOUR_BIT) {
                MinifloatFormat w = f(wn);
                MinifloatFormat a = f(an);
                MinifloatFpgaMac mac = unit(wn, an, new FpgaAccumulator.Exact(), 16);
                MacArithmetic arithmetic = mac.arithmetic();
                int q = mac.accumulatorQuantumExponent();
                for (int x = 0; x < a.codeCount(); x++) {
                    if (!Double.isFinite(a.decode(x)))
                        continue;
                    for (int y = 0; y < w.codeCount(); y++) {
                        if (!Double.isFinite(w.decode(y)))
                            continue;
                        BigDecimal want = exact(a, x).multiply(exact(w, y));
                        long got = arithmetic.mac(0, x, y);
                        assertThat(value(got, q).compareTo(want)).as("w %s code %d × a %s code %d: got %s, want %s",
                                wn, y, an, x, value(got, q), want).isZero();
                    }
                }
            }
        }
    }

    @Test
    void everySumOfFourBitProductsStaysExact() {
        // All 256 products of e2m1fin × e2m1fin, then each again negated, summed in one exact accumulator.
        MinifloatFormat e2m1 = f("e2m1fin");
        MinifloatFpgaMac mac = unit("e2m1fin", "e2m1fin", new FpgaAccumulator.Exact(), 512);
        MacArithmetic arithmetic = mac.arithmetic();
        long acc = 0;
        BigDecimal want = BigDecimal.ZERO;
        for (int x = 0; x < 16; x++)
            for (int y = 0; y < 16; y++) {
                acc = arithmetic.mac(acc, x, y);
                want = want.add(exact(e2m1, x).multiply(exact(e2m1, y)));
                assertThat(value(acc, mac.accumulatorQuantumExponent()).compareTo(want)).as("after %d × %d", x, y).isZero();
            }
    }

    @Test
    void randomEightBitDotProductsAreExact() {
        SplittableRandom r = new SplittableRandom(1729);
        for (int trial = 0; trial < 800; trial++) {
            String wn = EIGHT_BIT.get(r.nextInt(EIGHT_BIT.size()));
            String an = EIGHT_BIT.get(r.nextInt(EIGHT_BIT.size()));
            MinifloatFormat w = f(wn);
            MinifloatFormat a = f(an);
            int n = 1 + r.nextInt(128);
            MinifloatFpgaMac mac = unit(wn, an, new FpgaAccumulator.Exact(), n);
            MacArithmetic arithmetic = mac.arithmetic();
            long acc = 0;
            BigDecimal want = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                int x = finiteCode(a, r);
                int y = finiteCode(w, r);
                acc = arithmetic.mac(acc, x, y);
                want = want.add(exact(a, x).multiply(exact(w, y)));
            }
            assertThat(value(acc, mac.accumulatorQuantumExponent()).compareTo(want))
                    .as("trial %d: %s × %s over %d terms", trial, wn, an, n).isZero();
        }
    }

    @Test
    void theWidthRuleHoldsTheLargestSumsAndIsTightWithMantissaBits() {
        // n products of the largest magnitudes of formats whose every exponent code is finite: the sum must fit the
        // rule's width as a signed integer of the accumulator's steps, and (with a mantissa bit on each side) one
        // bit fewer must not.
        for (int e = 1; e <= 4; e++)
            for (int m = 0; m <= 3; m++)
                for (long n : new long[] {1, 2, 64, 1024}) {
                    MinifloatFormat fmt = f("e%dm%dfin".formatted(e, m));
                    MinifloatFpgaMac mac = unit(fmt.name(), fmt.name(), new FpgaAccumulator.Exact(), n);
                    BigInteger largest = Oracles.times2(new BigDecimal(fmt.maxValue()).pow(2)
                            .multiply(BigDecimal.valueOf(n)), -mac.accumulatorQuantumExponent()).toBigIntegerExact();
                    int bits = AccumulatorWidths.minifloatExact(e, m, e, m, n);
                    assertThat(largest.bitLength() + 1).as("e%dm%d n=%d", e, m, n).isLessThanOrEqualTo(bits);
                    if (m >= 1 && Long.bitCount(n) == 1)
                        assertThat(largest.bitLength() + 1).as("tight e%dm%d n=%d", e, m, n).isEqualTo(bits);
                }
    }

    @Test
    void aNarrowerFixedAccumulatorWrapsOrSaturatesLikeItsRegister() {
        SplittableRandom r = new SplittableRandom(99);
        MinifloatFormat e4m3 = f("e4m3fin");
        for (Overflow o : Overflow.values()) {
            // Aligned e4m3fin products span 4 + 4 + 14 + 14 = 36 bits; 37 is the narrowest register allowed.
            MinifloatFpgaMac mac = unit("e4m3fin", "e4m3fin", new FpgaAccumulator.Fixed(38, o), 1);
            MacArithmetic arithmetic = mac.arithmetic();
            BigInteger mod = BigInteger.ONE.shiftLeft(38);
            BigInteger max = BigInteger.ONE.shiftLeft(37).subtract(BigInteger.ONE);
            BigInteger min = BigInteger.ONE.shiftLeft(37).negate();
            BigInteger scale = BigInteger.TWO.pow(-mac.accumulatorQuantumExponent());
            for (int trial = 0; trial < 200; trial++) {
                long acc = 0;
                BigInteger want = BigInteger.ZERO;
                for (int i = 0; i < 50; i++) {
                    int x = finiteCode(e4m3, r);
                    int y = finiteCode(e4m3, r);
                    BigInteger term = exact(e4m3, x).multiply(exact(e4m3, y)).multiply(new BigDecimal(scale))
                            .toBigIntegerExact();
                    want = want.add(term);
                    if (o == Overflow.WRAP) {
                        want = want.mod(mod);
                        if (want.testBit(37))
                            want = want.subtract(mod);
                    } else {
                        want = want.max(min).min(max);
                    }
                    acc = arithmetic.mac(acc, x, y);
                    assertThat(acc).as("%s trial %d step %d", o, trial, i).isEqualTo(want.longValueExact());
                }
            }
        }
        assertThatThrownBy(() -> unit("e4m3fin", "e4m3fin", new FpgaAccumulator.Fixed(30, Overflow.WRAP), 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("at least 37");
    }

    @Test
    void anFp32AccumulatorRoundsOnceAsAFusedMultiplyAdd() {
        // Oracle: Math.fma on floats, one IEEE binary32 rounding of acc + a·w (every fp8 value is a float).
        SplittableRandom r = new SplittableRandom(7);
        for (String wn : List.of("fp8-e4m3", "e3m4fin", "fp8-e5m2")) {
            MinifloatFormat w = f(wn);
            MinifloatFpgaMac mac = unit(wn, "e4m3fin", new FpgaAccumulator.Floating(FloatFormat.FP32), 1);
            MinifloatFormat a = f("e4m3fin");
            MacArithmetic arithmetic = mac.arithmetic();
            for (int trial = 0; trial < 300; trial++) {
                long acc = 0;
                float oracle = 0;
                for (int i = 0; i < 64; i++) {
                    int x = finiteCode(a, r);
                    int y = finiteCode(w, r);
                    acc = arithmetic.mac(acc, x, y);
                    oracle = Math.fma((float) a.decode(x), (float) w.decode(y), oracle);
                    assertThat(acc).as("%s trial %d step %d", wn, trial, i).isEqualTo(Oracles.code(oracle));
                }
            }
        }
    }

    @Test
    void theFastFloatPathIsTheExactOneOnEveryPairOfCodes() {
        // e4m3fin × e4m3fin products are exact in fp16 and fp32, so the machine's float units run; they must agree
        // with the exact one-rounding path on every pair of codes and a spread of accumulators.
        for (FloatFormat acc : List.of(FloatFormat.FP16, FloatFormat.FP32)) {
            MinifloatFpgaMac mac = unit("e3m2fin", "e3m2fin", new FpgaAccumulator.Floating(acc), 1);
            MacArithmetic fast = mac.arithmetic();
            MacArithmetic exact = mac.exactFloatArithmetic(acc);
            SplittableRandom r = new SplittableRandom(5);
            for (int x = 0; x < 64; x++)
                for (int y = 0; y < 64; y++)
                    for (int k = 0; k < 4; k++) {
                        long start = acc.fromDouble((r.nextDouble() - 0.5) * Math.scalb(1.0, r.nextInt(-20, 20)));
                        assertThat(fast.mac(start, x, y)).as("%s: %d × %d from %d", acc, x, y, start)
                                .isEqualTo(exact.mac(start, x, y));
                    }
        }
    }

    @Test
    void anFp16AccumulatorRoundsTheExactSumToTheNearestHalf() {
        // Oracle: the exact BigDecimal sum rounded to the nearest fp16 value (Oracles, ties to even).
        SplittableRandom r = new SplittableRandom(11);
        MinifloatFormat a = f("fp8-e4m3");
        MinifloatFpgaMac mac = unit("fp8-e4m3", "fp8-e4m3", new FpgaAccumulator.Floating(FloatFormat.FP16), 1);
        MacArithmetic arithmetic = mac.arithmetic();
        for (int trial = 0; trial < 300; trial++) {
            long acc = 0;
            for (int i = 0; i < 32; i++) {
                int x = finiteCode(a, r);
                int y = finiteCode(a, r);
                double before = FloatFormat.FP16.toDouble(acc);
                acc = arithmetic.mac(acc, x, y);
                if (Double.isInfinite(before))
                    break;
                BigDecimal sum = new BigDecimal(before).add(exact(a, x).multiply(exact(a, y)));
                assertThat(FloatFormat.FP16.toDouble(acc)).as("trial %d step %d", trial, i)
                        .isEqualTo(Oracles.nearestFp16(sum));
            }
        }
    }

    @Test
    void operandsAreCodesAndTheAccumulatorCountsTheSmallestStep() {
        MinifloatFpgaMac mac = unit("e2m1fin", "e2m1fin", new FpgaAccumulator.Exact(), 8);
        Operands o = mac.operands();
        assertThat(o.activation(3.0)).isEqualTo(0b0101);
        assertThat(o.weight(-1.5)).isEqualTo(0b1011);
        assertThat(o.zeroAccumulator()).isZero();
        assertThat(o.description()).contains("2^-2");
        assertThatThrownBy(() -> o.activation(2.5)).hasMessageContaining("not a value");
    }

    @Test
    void specialCodesHaveNoHardware() {
        // IEEE e2m1: field 3 is ±∞ / NaN; 0b0110 is +∞.
        MinifloatFpgaMac mac = unit("e2m1", "e2m1", new FpgaAccumulator.Exact(), 8);
        assertThatThrownBy(() -> mac.arithmetic().mac(0, 0b0110, 0b0010)).hasMessageContaining("no special values");
    }

    @Test
    void productsTooWideForALongArePricedButNotRun() {
        // e5m2fin products span 3 + 3 + 30 + 30 = 66 bits: the unit exists (and has a price), its arithmetic refuses.
        MinifloatFpgaMac mac = unit("e5m2fin", "e5m2fin", new FpgaAccumulator.Exact(), 64);
        assertThat(mac.accumulatorBits()).isEqualTo(32 + 2 + 32 + 2 + 6 - 1);
        assertThatThrownBy(mac::arithmetic).isInstanceOf(UserInputException.class).hasMessageContaining("float:FORMAT");
        // Rounded into fp32 it runs.
        assertThat(unit("e5m2fin", "e5m2fin", new FpgaAccumulator.Floating(FloatFormat.FP32), 1).arithmetic()
                .mac(0, 0b0_00001_00, 0b0_00001_00)).isEqualTo(Oracles.code((float) Math.scalb(1.0, -28)));
    }

    static int finiteCode(MinifloatFormat f, SplittableRandom r) {
        while (true) {
            int c = r.nextInt(f.codeCount());
            if (Double.isFinite(f.decode(c)))
                return c;
        }
    }
}
