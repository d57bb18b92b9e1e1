package org.bitsweep.pe.fpmac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.booleans;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.Gen.seeds;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/**
 * Oracles that share no code with the PE. For fp32 accumulators: Java's float arithmetic, which is IEEE 754 binary32
 * with round-to-nearest-even ({@code *}, {@code +}, and {@link Math#fma} for the fused unit); every fp16, bf16 and
 * fp8 value is a float. For fp16 accumulators: the exact BigDecimal product and sum, rounded to the nearest fp16 value.
 */
class FpMacPeProperties {
    static final List<String> FORMATS = List.of("fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp4-e2m1");

    @Test
    void anFp32AccumulatorComputesWhatIeeeFloatArithmeticDoes() {
        forAll(1729, 1500, c -> anFp32AccumulatorComputesWhatIeeeFloatArithmeticDoes(
                c.draw("weights", oneOf(FORMATS)), c.draw("activations", oneOf(FORMATS)),
                c.draw("fused", booleans()), c.draw("seed", seeds())));
    }

    private static void anFp32AccumulatorComputesWhatIeeeFloatArithmeticDoes(String wf, String af, boolean fused,
                                                                              long seed) {
        MinifloatFormat w = (MinifloatFormat) Formats.parse(wf);
        MinifloatFormat a = (MinifloatFormat) Formats.parse(af);
        FpMacPe pe = new FpMacPe(new PeParams(32, Overflow.WRAP), fused);
        MacArithmetic mac = pe.arithmetic(OperandFormats.of(w, a));
        SplittableRandom r = new SplittableRandom(seed);
        long acc = 0;
        float oracle = 0;
        for (int i = 0; i < 64; i++) {
            int x = r.nextInt(a.codeCount());
            int y = r.nextInt(w.codeCount());
            acc = mac.mac(acc, x, y);
            float fx = (float) a.decode(x);
            float fy = (float) w.decode(y);
            oracle = fused ? Math.fma(fx, fy, oracle) : oracle + fx * fy;
            if (Float.isNaN(oracle)) {
                assertThat(FloatFormat.FP32.isNaN(acc)).as("NaN at MAC %d", i).isTrue();
                return;
            }
            assertThat(acc).as("MAC %d", i).isEqualTo(Oracles.code(oracle));
        }
    }

    @Test
    void anFp16AccumulatorRoundsTheExactProductThenTheExactSum() {
        forAll(4242, 1500, c -> anFp16AccumulatorRoundsTheExactProductThenTheExactSum(
                c.draw("weights", oneOf(FORMATS)), c.draw("activations", oneOf(FORMATS)), c.draw("seed", seeds())));
    }

    private static void anFp16AccumulatorRoundsTheExactProductThenTheExactSum(String wf, String af, long seed) {
        MinifloatFormat w = (MinifloatFormat) Formats.parse(wf);
        MinifloatFormat a = (MinifloatFormat) Formats.parse(af);
        FpMacPe pe = new FpMacPe(new PeParams(16, Overflow.WRAP));
        MacArithmetic mac = pe.arithmetic(OperandFormats.of(w, a));
        SplittableRandom r = new SplittableRandom(seed);
        long acc = 0;
        double oracle = 0;
        for (int i = 0; i < 64; i++) {
            double x = finite(r, a);
            double y = finite(r, w);
            acc = mac.mac(acc, a.encode(x), w.encode(y));
            double p = roundFp16(new BigDecimal(x).multiply(new BigDecimal(y)), x * y);
            oracle = Double.isInfinite(p) || Double.isInfinite(oracle) ? oracle + p
                    : roundFp16(new BigDecimal(oracle).add(new BigDecimal(p)), oracle + p);
            if (Double.isNaN(oracle)) {
                assertThat(FloatFormat.FP16.isNaN(acc)).as("NaN at MAC %d", i).isTrue();
                return;
            }
            assertThat(FloatFormat.FP16.toDouble(acc)).as("MAC %d", i).isEqualTo(oracle);
        }
    }

    /** The exact value rounded to fp16; an exact zero keeps the sign IEEE gives it ({@code signedZero}'s). */
    private static double roundFp16(BigDecimal exact, double signedZero) {
        if (exact.signum() == 0)
            return signedZero == 0 ? signedZero : 0.0;
        return Oracles.nearestFp16(exact);
    }

    private static double finite(SplittableRandom r, MinifloatFormat f) {
        double v;
        do
            v = f.decode(r.nextInt(f.codeCount()));
        while (!Double.isFinite(v));
        return v;
    }
}
