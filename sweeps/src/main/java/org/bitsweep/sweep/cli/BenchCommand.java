package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.bench.DesignGrid;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The simulator's speed as a user can reproduce it; the JMH benchmarks in {@code benchmarks/} (SimulatorBenchmark,
 * ThroughputBenchmark) are the reference, this is their quick form. Wall-clock figures on a shared machine move with
 * its load.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the simulator: one accelerator (32x32 output stationary, int4 group-128 weights) over "
                + "every layer of LLaMA-2-7B prefill (2,048 tokens) and decode, and how many accelerator "
                + "configurations per minute it evaluates on LLaMA-2-7B decode with cached traces.",
                "JMH gives the reference figures: java -jar benchmarks/target/benchmarks.jar Simulator"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "threads evaluating configurations (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S",
            description = "measuring time of each figure, after as long again of warm-up (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1)
            throw new UserInputException("--threads: must be >= 1, got " + threads);
        if (!(seconds > 0) || seconds > 3600)
            throw new UserInputException("--seconds: must be in (0, 3600], got " + seconds);
        DesignGrid grid = new DesignGrid("llama-2-7b:decode");
        DesignGrid prefill = new DesignGrid("llama-2-7b:prefill:2048");
        int reference = referencePoint(grid);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configuration", grid.point(reference).toString());
        m.put("decode_ms_per_run", perRunMs(grid, reference));
        m.put("prefill_2048_ms_per_run", perRunMs(prefill, reference));
        m.put("workload", grid.workload());
        m.put("grid_points", grid.size());
        m.put("threads", threads);
        m.put("configurations_per_minute", perMinute(grid));
        m.put("available_processors", Runtime.getRuntime().availableProcessors());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "one configuration (%s):%n", m.get("configuration"));
            out.printf(Locale.ROOT, "  LLaMA-2-7B decode, every layer:         %10.3f ms%n", m.get("decode_ms_per_run"));
            out.printf(Locale.ROOT, "  LLaMA-2-7B prefill 2048, every layer:   %10.3f ms%n", m.get("prefill_2048_ms_per_run"));
            out.printf(Locale.ROOT, "configurations per minute on %s, %d threads, %d-point grid: %,.0f%n",
                    grid.workload(), threads, grid.size(), (double) m.get("configurations_per_minute"));
        }
        return 0;
    }

    /** 32×32, output stationary, 256 KiB buffers, 64 GB/s, 1 GHz, 45 nm, int4 weights. */
    private static int referencePoint(DesignGrid grid) {
        for (int i = 0; i < grid.size(); i++) {
            DesignGrid.Point p = grid.point(i);
            if (p.rows() == 32 && p.cols() == 32 && p.dataflow().id().equals("os") && p.bufferKib() == 256
                    && p.dramGbps() == 64 && p.clockMhz() == 1000 && p.node().equals("45nm") && p.weightBits() == 4)
                return i;
        }
        throw new IllegalStateException("the grid has no reference point");
    }

    /** Mean milliseconds of one run of one accelerator over the whole trace, after as long again of warm-up. */
    private double perRunMs(DesignGrid grid, int point) {
        Accelerator acc = grid.accelerator(grid.point(point));
        Trace trace = grid.trace(grid.point(point).weightBits());
        long sink = 0;
        double[] measured = new double[2];
        for (int phase = 0; phase < 2; phase++) {
            long runs = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds / 2 * 1e9);
            long now;
            do {
                sink += Simulator.run(acc, trace.layers()).cycles();
                runs++;
                now = System.nanoTime();
            } while (now < end);
            measured[phase] = (now - start) / 1e6 / runs;
        }
        if (sink == 42)
            spec.commandLine().getErr().println();
        return measured[1];
    }

    /** Configurations evaluated per minute by {@link #threads} threads walking the grid, after a warm-up. */
    private double perMinute(DesignGrid grid) throws InterruptedException {
        for (int w = 0; w < 2; w++)
            grid.trace(w == 0 ? 4 : 8);
        LongAdder done = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * grid.size() / threads;
            Thread worker = new Thread(() -> {
                long sink = 0;
                try {
                    for (int i = first; !stop.get(); i = (i + 1) % grid.size()) {
                        sink += grid.evaluate(i).cycles();
                        if (counting.get())
                            done.increment();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    stop.set(true);
                }
                if (sink == 42)
                    System.out.print("");
            }, "bench-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep((long) (seconds * 1000));
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        double elapsed = (System.nanoTime() - start) / 1e9;
        long count = done.sum();
        stop.set(true);
        for (Thread w : workers)
            w.join();
        if (failure.get() != null)
            throw new IllegalStateException("a grid point failed", failure.get());
        return count / elapsed * 60;
    }
}
