package org.bitsweep.bench;

import java.util.concurrent.TimeUnit;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.nn.Accuracy;
import org.bitsweep.workloads.nn.DotProductPath;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.Network;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
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
 * The shipped Fashion-MNIST CNN (885,632 MACs per image) on all 10,000 test images: W8A8 integer inference (int8
 * weights per output channel, int8 activations with calibrated per-tensor scales, exact integer dot products) beside
 * its baseline, the same network in FP32. Weights are quantized and scales calibrated once,
 * in setup, as {@code bitsweep accuracy} does before its pass; a third benchmark times that preparation.
 *
 * <p>Through a PE ({@link ThroughPe}): the same 10,000 images with every dot product the PE's own arithmetic, on the
 * fast path ({@link DotProductPath#FAST}, {@code throughPe}) and MAC by MAC ({@code throughPeMacByMac}), its
 * baseline and the reference it is tested against (same logits, bit for bit). The baseline runs minutes per pass, so
 * it is measured in single shots; pick cases with {@code -p pe=...}.
 *
 * <p>Run: {@code ./mvnw -q -B -DskipTests package && java -jar benchmarks/target/benchmarks.jar FashionCnnBenchmark}.
 * Seen on a shared 2-core machine (2026-11-23): W8A8 1,352 ms, FP32 1,809 ms, preparation 201 ms; see
 * docs/workloads.md, section "Fashion-MNIST", "Speed", and docs/pe-models.md, "Accuracy through a PE", for the PE
 * figures. Seen 2026-12-06 under a load average of 4–6 from other jobs: int-mac fast 4,641 ms against 13,975 ms MAC
 * by MAC, L-Mul E4M3 7,311 against 37,366 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class FashionCnnBenchmark {
    private static final QuantConfig INT8_CHANNEL = QuantConfig.of(IntFormat.signed(8), Granularity.channel(0));
    private static final QuantConfig INT8_TENSOR = QuantConfig.of(IntFormat.signed(8), Granularity.TENSOR);

    private LabelledImages test;
    private Network cnn;
    private ReferenceInference fp32;
    private ReferenceInference w8a8;

    @Setup
    public void setUp() {
        test = FashionMnist.test();
        cnn = FashionModels.shipped(FashionModels.CNN).network();
        fp32 = ReferenceInference.fp32(cnn);
        w8a8 = prepareW8a8();
    }

    /** Baseline: the 10,000 images in FP32. */
    @Benchmark
    public Accuracy fp32() {
        return fp32.evaluate(test);
    }

    /** The 10,000 images with int8 weights and activations, integer dot products. */
    @Benchmark
    public Accuracy w8a8Int() {
        return w8a8.evaluate(test);
    }

    /**
     * One PE with its typical formats, as {@code PE/ACCUMULATOR_BITS/WEIGHTS/ACTIVATIONS} (formats as
     * {@code FORMAT:GRANULARITY}), prepared for both dot-product paths.
     */
    @State(Scope.Benchmark)
    public static class ThroughPe {
        @Param({"int-mac/32/int8:channel:0/int8:tensor", "bit-serial/32/int8:channel:0/uint8:tensor",
                "shift-add/32/int4:group:32/int8:tensor", "ant/32/ant-flint4:channel:0/int8:tensor",
                "olive/32/olive4:channel:0/int8:tensor", "bitmod/48/bitmod4:group:128/fp16:none",
                "fp-mac/32/fp8-e4m3:channel:0/fp8-e4m3:tensor", "lmul/32/fp8-e4m3:channel:0/fp8-e4m3:tensor"})
        public String pe;

        LabelledImages test;
        ReferenceInference fast;
        ReferenceInference macByMac;

        @Setup
        public void setUp() {
            String[] parts = pe.split("/");
            InferenceConfig c = InferenceConfig.of(config(parts[2]), config(parts[3])).withArithmetic(PeCatalog
                    .create(parts[0], new PeParams(Integer.parseInt(parts[1]), Overflow.WRAP)).macSupplier());
            Network cnn = FashionModels.shipped(FashionModels.CNN).network();
            test = FashionMnist.test();
            fast = ReferenceInference.prepare(cnn, c, FashionMnist.calibration(), DotProductPath.FAST);
            macByMac = ReferenceInference.prepare(cnn, c, FashionMnist.calibration(), DotProductPath.MAC_BY_MAC);
        }

        private static QuantConfig config(String spec) {
            int colon = spec.indexOf(':');
            return QuantConfig.of(Formats.parse(spec.substring(0, colon)), Granularity.parse(spec.substring(colon + 1)));
        }
    }

    /** The 10,000 images through the PE's arithmetic, whole dot products at a time. */
    @Benchmark
    public Accuracy throughPe(ThroughPe run) {
        return run.fast.evaluate(run.test);
    }

    /** Baseline: the same, one call to the PE's arithmetic per MAC. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public Accuracy throughPeMacByMac(ThroughPe run) {
        return run.macByMac.evaluate(run.test);
    }

    /** Quantizing the weights and calibrating activation scales on 512 images: the once-per-configuration cost. */
    @Benchmark
    public ReferenceInference prepareW8a8() {
        return ReferenceInference.prepare(cnn, InferenceConfig.of(INT8_CHANNEL, INT8_TENSOR), FashionMnist.calibration());
    }
}
