package org.bitsweep.sweep.exec;

import java.util.function.Consumer;

import org.bitsweep.sweep.eval.ResultRow;

/**
 * Runs the points of a design space from {@code fromId} on. Implementations choose where (the local cores, or a
 * Spark cluster), but all hand the rows to {@code sink} in point order, one call at a time, so the rows of a sweep
 * do not depend on the executor or the number of threads, and an interrupted run's rows are a prefix.
 */
public interface SweepExecutor {
    void run(SweepJob job, long fromId, Consumer<ResultRow> sink);

    /** What the run's first line says of it, e.g. {@code 2 threads} or {@code Spark, master local[2]}. */
    String describe();
}
