package org.bitsweep.sweep.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.bitsweep.sweep.eval.Evaluator;
import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.space.DesignSpace;

/**
 * Evaluates points on a pool of threads. Points are handed out as ranges of consecutive ids, at most a window of
 * them in flight, and rows are handed on in point order as the head of the window finishes: memory stays bounded
 * however large the space, and the output is the same for any number of threads. A range per task keeps the
 * hand-over cost (a future, a queue entry) small beside a point's few microseconds.
 */
public final class LocalExecutor implements SweepExecutor {
    private static final int BATCHES_PER_THREAD = 8;
    private static final int POINTS_PER_BATCH = 64;

    private final int threads;
    private final boolean progress;

    public LocalExecutor(int threads, boolean progress) {
        if (threads < 1)
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.progress = progress;
    }

    @Override
    public String describe() {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public void run(SweepJob job, long fromId, Consumer<ResultRow> sink) {
        DesignSpace space = job.space();
        Evaluator evaluator = job.evaluator();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bitsweep-worker");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Pending> window = new ArrayDeque<>();
        long next = fromId;
        try (Progress bar = new Progress(progress, space.size(), fromId)) {
            while (next < space.size() || !window.isEmpty()) {
                while (next < space.size() && window.size() < threads * BATCHES_PER_THREAD) {
                    long from = next;
                    long to = Math.min(space.size(), from + POINTS_PER_BATCH);
                    window.add(new Pending(pool.submit(() -> evaluateRange(space, evaluator, from, to)), to));
                    next = to;
                }
                Pending head = window.poll();
                for (ResultRow row : await(head.rows()))
                    sink.accept(row);
                bar.doneBefore(head.to());
            }
            bar.finished();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The rows of the points with ids in [from, to) that the parameter constraints let through, in id order. Made
     * on a worker, so that building the points is shared out as well as evaluating them.
     */
    public static List<ResultRow> evaluateRange(DesignSpace space, Evaluator evaluator, long from, long to) {
        List<ResultRow> rows = new ArrayList<>((int) Math.min(to - from, POINTS_PER_BATCH));
        for (long id = from; id < to; id++) {
            DesignPoint p = space.point(id);
            if (space.meetsParameterConstraints(p))
                rows.add(evaluator.evaluate(p));
        }
        return rows;
    }

    /** A range in flight: its rows to come, and the id after its last point. */
    private record Pending(Future<List<ResultRow>> rows, long to) {
    }

    private static List<ResultRow> await(Future<List<ResultRow>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for design points", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            if (e.getCause() instanceof Error err)
                throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
