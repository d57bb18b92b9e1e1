package org.bitsweep.bench;

import java.util.concurrent.TimeUnit;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.bench.DesignGrid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Accelerator configurations evaluated per minute on LLaMA-2-7B decode with cached traces, on two threads: each
 * call builds one configuration of a 5,400-point grid (arrays 8 to 128 on a side, three dataflows, three buffer sizes,
 * three DRAM bandwidths, two clocks, two nodes, int4 and int8 weights; {@link DesignGrid}) with its own PE, as a
 * sweep does, and runs it over all 289 layers. The aim is 1,000,000 per minute (ops/min below); fewer than 100,000 is a
 * defect. The baseline builds the configuration and does not run it.
 *
 * <p>Run: {@code ./mvnw -q -B -DskipTests package && java -jar benchmarks/target/benchmarks.jar ThroughputBenchmark}
 * (pin it to two cores with {@code taskset -c 0,1} on a larger machine). Seen on a shared 2-core machine at load
 * average 7 to 8 (2026-11-23): 1.85 ± 0.67 million configurations per minute, the baseline 485 million;
 * docs/simulator.md, "Speed", keeps the table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MINUTES)
@Threads(2)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ThroughputBenchmark {
    private DesignGrid grid;

    /** Each thread walks the grid from its own place. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        @Setup
        public void setUp(ThroughputBenchmark b) {
            next = (int) (Thread.currentThread().getId() * 2_711 % b.grid.size());
        }

        int advance(int size) {
            int i = next;
            next = next + 1 == size ? 0 : next + 1;
            return i;
        }
    }

    @Setup
    public void setUp() {
        grid = new DesignGrid("llama-2-7b:decode");
        grid.trace(4);
        grid.trace(8);
    }

    /** Baseline: build the configuration's PE and accelerator, and stop there. */
    @Benchmark
    public Accelerator buildOnly(Cursor c) {
        return grid.accelerator(grid.point(c.advance(grid.size())));
    }

    @Benchmark
    public long evaluateOneConfiguration(Cursor c) {
        return grid.evaluate(c.advance(grid.size())).cycles();
    }
}
