package org.bitsweep.sweep.exec;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.space.DesignSpace;

/**
 * Evaluates points on a pool of threads. At most a window of points is in flight, taken lazily from the space, and
 * results are handed on in point order as the head of the window finishes: memory stays bounded however large the
 * space, and the output is the same for any number of threads. The progress bar counts points of the space
 * (including those the constraints skip), with rate and time left.
 */
public final class LocalExecutor implements SweepExecutor {
    private static final int WINDOW_PER_THREAD = 16;

    private final int threads;
    private final boolean progress;

    public LocalExecutor(int threads, boolean progress) {
        if (threads < 1)
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.progress = progress;
    }

    @Override
    public void run(DesignSpace space, long fromId, Function<DesignPoint, ResultRow> evaluate, Consumer<ResultRow> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bitsweep-worker");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<ResultRow>> window = new ArrayDeque<>();
        Iterator<DesignPoint> points = space.points(fromId);
        try (ProgressBar bar = progress ? bar(space.size(), fromId) : null) {
            while (points.hasNext() || !window.isEmpty()) {
                while (points.hasNext() && window.size() < threads * WINDOW_PER_THREAD) {
                    DesignPoint p = points.next();
                    window.add(pool.submit(() -> evaluate.apply(p)));
                }
                ResultRow row = await(window.poll());
                sink.accept(row);
                if (bar != null)
                    bar.stepTo(row.point() + 1);
            }
            if (bar != null)
                bar.stepTo(space.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ProgressBar bar(long points, long start) {
        return new ProgressBarBuilder().setTaskName("sweep").setInitialMax(points).startsFrom(start,
                java.time.Duration.ZERO).setUnit(" points", 1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).showSpeed().build();
    }

    private static ResultRow await(Future<ResultRow> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a design point", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            if (e.getCause() instanceof Error err)
                throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
