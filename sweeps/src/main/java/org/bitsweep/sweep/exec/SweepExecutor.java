package org.bitsweep.sweep.exec;

import java.util.function.Consumer;
import java.util.function.Function;

import org.bitsweep.sweep.eval.Metrics;
import org.bitsweep.sweep.space.DesignPoint;
import org.bitsweep.sweep.space.DesignSpace;

/**
 * Runs every point of a design space. Implementations choose where (the local cores now; a Spark cluster later),
 * but all hand the results to {@code sink} in point order, one call at a time, so the rows of a sweep do not depend
 * on the executor or the number of threads.
 */
public interface SweepExecutor {
    void run(DesignSpace space, Function<DesignPoint, Metrics> evaluate, Consumer<Metrics> sink);
}
