package org.bitsweep.sweep.spark;

import org.bitsweep.sweep.exec.Engine;
import org.bitsweep.sweep.exec.SweepExecutor;

/** {@code --engine spark}, found by the command line through {@link java.util.ServiceLoader} when this jar is there. */
public final class SparkEngine implements Engine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepExecutor create(String master, int threads, boolean progress) {
        return new SparkExecutor(master, progress);
    }
}
