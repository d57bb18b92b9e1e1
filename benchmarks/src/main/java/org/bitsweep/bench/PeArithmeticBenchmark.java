package org.bitsweep.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.fpmac.FpMacPe;
import org.bitsweep.pe.lmul.LMulPe;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 4096-long dot product of random fp8-e4m3 codes through fp-mac's and L-Mul's arithmetic into an fp32 or fp16
 * accumulator: the fast path {@code bitsweep accuracy --pe} runs ({@code arithmetic}, machine float units) beside
 * its reference in the same run ({@code exactArithmetic}, exact rationals and one explicit rounding per step). The
 * two give the same bits (FloatAccumulateProperties); the ratio is what makes a 10,000-image run take seconds.
 *
 * <p>Run: {@code ./mvnw -q -B -DskipTests package && java -jar benchmarks/target/benchmarks.jar PeArithmeticBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PeArithmeticBenchmark {
    private static final int K = 4096;

    @Param({"fp-mac", "lmul"})
    String pe;

    @Param({"32", "16"})
    int accumulatorBits;

    @Param({"fast", "exact"})
    String path;

    private MacArithmetic mac;
    private long zero;
    private final long[] a = new long[K];
    private final long[] w = new long[K];

    @Setup
    public void setUp() {
        MinifloatFormat e4m3 = (MinifloatFormat) Formats.parse("fp8-e4m3");
        OperandFormats f = OperandFormats.of(e4m3, e4m3);
        PeParams params = new PeParams(accumulatorBits, Overflow.WRAP);
        boolean fast = path.equals("fast");
        if (pe.equals("lmul")) {
            LMulPe p = new LMulPe(params);
            mac = fast ? p.arithmetic(f) : p.exactArithmetic(f);
            zero = p.operands(f).zeroAccumulator();
        } else {
            FpMacPe p = new FpMacPe(params);
            mac = fast ? p.arithmetic(f) : p.exactArithmetic(f);
            zero = p.operands(f).zeroAccumulator();
        }
        // Small finite values (codes 0x00..0x3F and 0x80..0xBF: |v| < 2) so that the sum stays finite.
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < K; i++) {
            a[i] = r.nextInt(64) | (r.nextBoolean() ? 0x80 : 0);
            w[i] = r.nextInt(64) | (r.nextBoolean() ? 0x80 : 0);
        }
    }

    @Benchmark
    public long dot() {
        return mac.dot(zero, a, w);
    }
}
