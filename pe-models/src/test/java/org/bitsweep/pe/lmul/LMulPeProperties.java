package org.bitsweep.pe.lmul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.Gen.seeds;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.exact.ExtendedReal;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** L-Mul against the paper's formula evaluated in BigDecimal, written here from the formula alone. */
class LMulPeProperties {
    static final List<String> FORMATS = List.of("fp8-e4m3", "fp8-e5m2", "bf16", "fp16", "fp6-e2m3", "fp4-e2m1");

    /** (1 + x_m + y_m + 2^-l(m)) · 2^(x_e + y_e), sign XOR, for finite non-zero x and y, in BigDecimal. */
    static BigDecimal formula(double x, double y, int m) {
        int l = m <= 3 ? m : m == 4 ? 3 : 4;
        BigDecimal[] xs = split(new BigDecimal(Math.abs(x)));
        BigDecimal[] ys = split(new BigDecimal(Math.abs(y)));
        BigDecimal mantissa = BigDecimal.ONE.add(xs[0]).add(ys[0]).add(Oracles.times2(BigDecimal.ONE, -l));
        BigDecimal v = Oracles.times2(mantissa, xs[1].intValueExact() + ys[1].intValueExact());
        return (x < 0) != (y < 0) ? v.negate() : v;
    }

    /** {x_m, x_e} with v = (1 + x_m) · 2^x_e and 0 <= x_m < 1, found by halving and doubling. */
    static BigDecimal[] split(BigDecimal v) {
        int e = 0;
        BigDecimal two = BigDecimal.valueOf(2);
        while (v.compareTo(two) >= 0) {
            v = Oracles.times2(v, -1);
            e++;
        }
        while (v.compareTo(BigDecimal.ONE) < 0) {
            v = v.multiply(two);
            e--;
        }
        return new BigDecimal[] {v.subtract(BigDecimal.ONE), BigDecimal.valueOf(e)};
    }

    @Test
    void everyPairOfE4M3ValuesMatchesTheFormula() {
        MinifloatFormat e4m3 = (MinifloatFormat) Formats.parse("fp8-e4m3");
        for (int a = 0; a < 256; a++)
            for (int b = 0; b < 256; b++) {
                double x = e4m3.decode(a);
                double y = e4m3.decode(b);
                if (!Double.isFinite(x) || !Double.isFinite(y) || x == 0 || y == 0)
                    continue;
                ExtendedReal v = LMulPe.lmul(ExtendedReal.ofDouble(x), ExtendedReal.ofDouble(y), 3);
                assertThat(v.value().toBigDecimal()).isEqualByComparingTo(formula(x, y, 3));
            }
    }

    @Test
    void randomPairsOfWiderFormatsMatchTheFormula() {
        forAll(1729, 3000, c -> {
            MinifloatFormat f = (MinifloatFormat) Formats.parse(c.draw("format", oneOf(FORMATS)));
            SplittableRandom r = new SplittableRandom(c.draw("seed", seeds()));
            double x = f.decode(r.nextInt(f.codeCount()));
            double y = f.decode(r.nextInt(f.codeCount()));
            if (!Double.isFinite(x) || !Double.isFinite(y) || x == 0 || y == 0)
                return;
            ExtendedReal v = LMulPe.lmul(ExtendedReal.ofDouble(x), ExtendedReal.ofDouble(y), f.mantissaBits());
            assertThat(v.value().toBigDecimal()).as("%s × %s", x, y)
                    .isEqualByComparingTo(formula(x, y, f.mantissaBits()));
        });
    }

    @Test
    void theMacRoundsTheLMulProductIntoFp32AndAdds() {
        forAll(99, 1000, c -> theMacRoundsTheLMulProductIntoFp32AndAdds(c.draw("format", oneOf(FORMATS)),
                c.draw("seed", seeds())));
    }

    private static void theMacRoundsTheLMulProductIntoFp32AndAdds(String format, long seed) {
        MinifloatFormat f = (MinifloatFormat) Formats.parse(format);
        MacArithmetic mac = new LMulPe(new PeParams(32, Overflow.WRAP)).arithmetic(OperandFormats.of(f, f));
        SplittableRandom r = new SplittableRandom(seed);
        long acc = 0;
        float oracle = 0;
        for (int i = 0; i < 32; i++) {
            int a = r.nextInt(f.codeCount());
            int b = r.nextInt(f.codeCount());
            double x = f.decode(a);
            double y = f.decode(b);
            acc = mac.mac(acc, a, b);
            if (!Double.isFinite(x) || !Double.isFinite(y))
                return;
            float p = x == 0 || y == 0 ? (float) (x * y) : Oracles.nearestFloat(formula(x, y, f.mantissaBits()));
            oracle = oracle + p;
            if (Float.isNaN(oracle)) {          // ∞ − ∞; which NaN pattern Java picks is not IEEE's business
                assertThat(FloatFormat.FP32.isNaN(acc)).as("NaN at MAC %d", i).isTrue();
                return;
            }
            assertThat(acc).as("MAC %d: %s × %s", i, x, y).isEqualTo(Oracles.code(oracle));
        }
    }
}
