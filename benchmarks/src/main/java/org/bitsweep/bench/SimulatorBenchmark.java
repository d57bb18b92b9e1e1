package org.bitsweep.bench;

import java.util.concurrent.TimeUnit;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.bench.DesignGrid;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.spec.DataflowChoice;
import org.bitsweep.sim.spec.KnobValues;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;
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
 * One accelerator (32×32 output stationary INT-MAC, 256 KiB buffers, 64 GB/s, 1 GHz, 45 nm, int4 group-128 weights,
 * int8 activations) over every layer of LLaMA-2-7B: decode (289 layers, 6 distinct GEMMs) and prefill of 2,048 tokens
 * (289 layers, 6 distinct). The baseline is the dataflow's closed-form compute cycles over the same layers, no
 * mapping, no DRAM, no pricing: the least a cycle count costs. The gap to it is the mapper's search and the pricing,
 * paid once per distinct GEMM; layers that repeat a shape cost a table lookup.
 *
 * <p>Run: {@code ./mvnw -q -B -DskipTests package && java -jar benchmarks/target/benchmarks.jar SimulatorBenchmark}.
 * Seen on a shared 2-core machine at load average 7 to 8 (2026-11-23): baseline 4.4 ± 2.5 µs, decode 24 ± 14 µs,
 * prefill 54 ± 5 µs per run; docs/simulator.md, "Speed", keeps the table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SimulatorBenchmark {
    private Accelerator accelerator;
    private Trace decode;
    private Trace prefill;
    private PeArraySpec llmPoint;
    private Trace w4a16Decode;

    @Setup
    public void setUp() {
        DesignGrid grid = new DesignGrid("llama-2-7b:decode");
        DesignGrid.Point reference = null;
        for (int i = 0; i < grid.size() && reference == null; i++) {
            DesignGrid.Point p = grid.point(i);
            if (p.rows() == 32 && p.cols() == 32 && p.dataflow().id().equals("os") && p.bufferKib() == 256
                    && p.dramGbps() == 64 && p.clockMhz() == 1000 && p.node().equals("45nm") && p.weightBits() == 4)
                reference = p;
        }
        accelerator = grid.accelerator(reference);
        decode = grid.trace(4);
        prefill = new DesignGrid("llama-2-7b:prefill:2048").trace(4);
        llmPoint = PeArraySpec.from(new KnobValues().put(PeArraySpec.PE, "bitmod")
                .put(PeArraySpec.ARRAY_KNOB, new SystolicArray(64, 16))
                .put(PeArraySpec.DATAFLOW, DataflowChoice.AUTO)
                .put(PeArraySpec.DRAM, "hbm2"));
        w4a16Decode = Trace.of(ModelZoo.bundled().workload("llama-2-7b:decode"), OperandFormats.of(Formats.parse("bitmod4"),
                Formats.parse("fp16")), Formats.parse("fp16"), Granularity.group(128));
    }

    /**
     * One point of an LLM study as a sweep runs it: BitMoD W4A16 (bitmod4 in groups of 128, fp16 activations and KV
     * cache) on a 64×16 array with HBM2, the accumulator sized for the formats, attention on an fp16 unit, every layer
     * mapped on the best of four dataflows (os, ws, is, dp) for energy × delay. The aim: at most 50 µs.
     */
    @Benchmark
    public SimResult w4a16DecodeFourDataflowsAttentionUnit() {
        return llmPoint.run(w4a16Decode.layers());
    }

    /** Baseline: the closed-form compute cycles of every decode layer, nothing else. */
    @Benchmark
    public long decodeComputeCyclesOnly() {
        long cycles = 0;
        for (LayerTrace t : decode.layers())
            cycles += t.layer().count() * accelerator.dataflow().computeCycles(t.layer().shape(), accelerator.array(),
                    1, accelerator.timing());
        return cycles;
    }

    @Benchmark
    public SimResult decodeEveryLayer() {
        return Simulator.run(accelerator, decode.layers());
    }

    @Benchmark
    public SimResult prefill2048EveryLayer() {
        return Simulator.run(accelerator, prefill.layers());
    }
}
