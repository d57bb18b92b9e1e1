package org.bitsweep.sweep.exec;

/**
 * An executor a jar may or may not carry, found by {@link java.util.ServiceLoader} under its name: {@code spark}
 * lives in the sweeps-spark artifact, so that the plain command line neither needs nor loads Apache Spark.
 */
public interface Engine {
    /** The name {@code --engine} gives, e.g. spark. */
    String name();

    /**
     * @param master  the cluster's master URL ({@code --master}); null: the one spark-submit set, else local[*]
     * @param threads worker threads where the engine runs points itself (0: its own choice)
     */
    SweepExecutor create(String master, int threads, boolean progress);
}
