package org.bitsweep.sweep.exec;

import java.util.function.Consumer;
import java.util.function.Function;

import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.space.DesignSpace;

/**
 * Runs the points of a design space from {@code fromId} on. Implementations choose where (the local cores now; a
 * Spark cluster later), but all hand the rows to {@code sink} in point order, one call at a time, so the rows of a
 * sweep do not depend on the executor or the number of threads, and an interrupted run's rows are a prefix.
 */
public interface SweepExecutor {
    void run(DesignSpace space, long fromId, Function<DesignPoint, ResultRow> evaluate, Consumer<ResultRow> sink);
}
