package org.bitsweep.sweep.spark;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.sweep.exec.Progress;
import org.bitsweep.sweep.exec.RowCells;
import org.bitsweep.sweep.exec.SweepExecutor;
import org.bitsweep.sweep.exec.SweepJob;

/**
 * Runs a sweep on Apache Spark. The driver splits the ids still to run into ranges and sends them out in waves, one
 * range per task; no Java object of the sweep travels, only its resolved text (a broadcast) and the sweep file's path,
 * from which each executor rebuilds the design space and evaluator once ({@link SweepWorker}). Rows come back as
 * their cells, range by range in id order, and the driver hands them on decoded ({@link RowCells}), so results are
 * written, and resumed, exactly as the local executor's. While one wave's rows are written the next ones are
 * computed; the driver holds at most {@link #WAVES_IN_FLIGHT} waves of rows.
 */
final class SparkExecutor implements SweepExecutor {
    /** Ranges per wave, per core of the cluster: enough to keep every core busy while a slow range finishes. */
    private static final int RANGES_PER_CORE = 2;
    /** Waves submitted ahead of the one being written, so that no core waits for the driver. */
    private static final int WAVES_IN_FLIGHT = 3;
    /** Each core gets about this many ranges over the whole sweep, so progress and resume are fine-grained. */
    private static final int RANGES_PER_CORE_OVERALL = 64;
    private static final long MIN_RANGE = 64;
    /** Bounds the rows a wave brings to the driver (each row is some 50 short strings). */
    private static final long MAX_RANGE = 4_096;

    private final String master;
    private final boolean progress;

    SparkExecutor(String master, boolean progress) {
        this.master = master;
        this.progress = progress;
    }

    @Override
    public String describe() {
        return "Spark, master " + (master != null ? master : System.getProperty("spark.master", "local[*]"));
    }

    @Override
    public void run(SweepJob job, long fromId, Consumer<ResultRow> sink) {
        // Kryo carries the rows' cells back several times faster than Java serialization.
        SparkConf conf = new SparkConf().setAppName("bitsweep " + job.space().sweep().name())
                .setIfMissing("spark.master", "local[*]").setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        if (master != null)
            conf.setMaster(master);
        JavaSparkContext sc = new JavaSparkContext(conf);
        try {
            run(sc, job, fromId, sink);
        } finally {
            sc.stop();
        }
    }

    private void run(JavaSparkContext sc, SweepJob job, long fromId, Consumer<ResultRow> sink) {
        long size = job.space().size();
        int cores = Math.max(1, sc.defaultParallelism());
        long range = Math.max(MIN_RANGE, Math.min(MAX_RANGE,
                (size - fromId + (long) cores * RANGES_PER_CORE_OVERALL - 1) / ((long) cores * RANGES_PER_CORE_OVERALL)));
        int rangesPerWave = Math.max(2, cores * RANGES_PER_CORE);
        Broadcast<String> text = sc.broadcast(job.resolvedText());
        String file = Path.of(job.sweepFile()).toAbsolutePath().toString();
        RowCells cells = new RowCells(job.evaluator().columns());
        try (Progress bar = new Progress(progress, size, fromId)) {
            ArrayDeque<Wave> inFlight = new ArrayDeque<>();
            long next = fromId;
            while (next < size || !inFlight.isEmpty()) {
                while (next < size && inFlight.size() < WAVES_IN_FLIGHT) {
                    Wave w = submit(sc, file, text, next, range, rangesPerWave, size);
                    inFlight.add(w);
                    next = w.to;
                }
                Wave current = inFlight.poll();
                for (String[][] rows : await(current.rows))
                    for (String[] row : rows)
                        sink.accept(cells.decode(row));
                bar.doneBefore(current.to);
            }
            bar.finished();
        } finally {
            text.destroy();
        }
    }

    /** One wave in flight: its rows to come, range by range, and the id after its last point. */
    private record Wave(JavaFutureAction<List<String[][]>> rows, long to) {
    }

    private static Wave submit(JavaSparkContext sc, String file, Broadcast<String> text, long from, long range,
                               int ranges, long size) {
        List<Long> starts = new ArrayList<>();
        long start = from;
        while (starts.size() < ranges && start < size) {
            starts.add(start);
            start = Math.min(size, start + range);
        }
        long to = start;
        JavaFutureAction<List<String[][]>> rows = sc.parallelize(starts, starts.size())
                .map(new EvaluateRange(file, text, range, size)).collectAsync();
        return new Wave(rows, to);
    }

    private static List<String[][]> await(JavaFutureAction<List<String[][]>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark", e);
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause())
                if (t instanceof RuntimeException r && r.getClass().getName().startsWith("org.bitsweep"))
                    throw r;
            throw new IllegalStateException("a Spark job of the sweep failed: " + e.getCause(), e.getCause());
        }
    }

    /** The task: a range's start in, its rows' cells out. Serializable: it travels to the executors. */
    private static final class EvaluateRange implements Function<Long, String[][]> {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final Broadcast<String> text;
        private final long range;
        private final long size;

        EvaluateRange(String file, Broadcast<String> text, long range, long size) {
            this.file = file;
            this.text = text;
            this.range = range;
            this.size = size;
        }

        @Override
        public String[][] call(Long start) {
            return SweepWorker.rows(file, text.value(), start, Math.min(size, start + range));
        }
    }
}
