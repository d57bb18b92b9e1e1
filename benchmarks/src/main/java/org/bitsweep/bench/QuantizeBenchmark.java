package org.bitsweep.bench;

import java.util.concurrent.TimeUnit;

import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * INT4 group-128 quantization of a 4096×4096 float tensor, beside its baseline: a plain copy of the same array,
 * which is the least any quantizer that writes its output must do. The ratio of the two is the figure to watch;
 * absolute times move with the machine.
 *
 * <p>Run: {@code ./mvnw -q -B -DskipTests package && java -jar benchmarks/target/benchmarks.jar QuantizeBenchmark}.
 * Seen on a shared 2-core machine (2026-11-23): see docs/formats.md, "Speed"; on 2026-12-06, under a load average of
 * 5–6, copy 14.8 ms, quantize 100.4 ms (best iteration 67 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class QuantizeBenchmark {
    private Tensor tensor;
    private Quantizer int4Group128;

    @Setup
    public void setUp() {
        tensor = SyntheticTensors.gaussian("w", 4096, 4096, 0.02, 1);
        int4Group128 = new Quantizer(IntFormat.signed(4), Granularity.group(128));
    }

    /** Baseline: copy the 64 MiB of floats once. */
    @Benchmark
    public float[] copy() {
        return tensor.data().clone();
    }

    /** Codes, dequantized values and one FP16 scale per 128 weights. */
    @Benchmark
    public QuantizedTensor quantizeInt4Group128() {
        return int4Group128.quantize(tensor);
    }
}
