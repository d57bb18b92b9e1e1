package org.bitsweep.pe.fpmac;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Oracles that share no code with the PE. For fp32 accumulators: Java's float arithmetic, which is IEEE 754 binary32
 * with round-to-nearest-even ({@code *}, {@code +}, and {@link Math#fma} for the fused unit); every fp16, bf16 and
 * fp8 value is a float. For fp16 accumulators: the exact BigDecimal product and sum, rounded to the nearest fp16 value.
 */
class FpMacPeProperties {
    static final List<String> FORMATS = List.of("fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp4-e2m1");

    @Property(tries = 1500, seed = "1729")
    void anFp32AccumulatorComputesWhatIeeeFloatArithmeticDoes(@ForAll @IntRange(min = 0, max = 5) int wf,
                                                               @ForAll @IntRange(min = 0, max = 5) int af,
                                                               @ForAll boolean fused, @ForAll @LongRange(min = 0) long seed) {
        MinifloatFormat w = (MinifloatFormat) Formats.parse(FORMATS.get(wf));
        MinifloatFormat a = (MinifloatFormat) Formats.parse(FORMATS.get(af));
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
                assertThat(FloatFormat.FP32.isNaN(acc)).isTrue();
                return;
            }
            assertThat(acc).isEqualTo(Oracles.code(oracle));
        }
    }

    @Property(tries = 1500, seed = "4242")
    void anFp16AccumulatorRoundsTheExactProductThenTheExactSum(@ForAll @IntRange(min = 0, max = 5) int wf,
                                                               @ForAll @IntRange(min = 0, max = 5) int af,
                                                               @ForAll @LongRange(min = 0) long seed) {
        MinifloatFormat w = (MinifloatFormat) Formats.parse(FORMATS.get(wf));
        MinifloatFormat a = (MinifloatFormat) Formats.parse(FORMATS.get(af));
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
                assertThat(FloatFormat.FP16.isNaN(acc)).isTrue();
                return;
            }
            assertThat(FloatFormat.FP16.toDouble(acc)).isEqualTo(oracle);
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
