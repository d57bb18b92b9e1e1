package org.bitsweep.sim.gpu;

import org.bitsweep.sim.target.TargetResult;

/**
 * What one GEMM ({@link GemmResult}) and a whole trace ({@link GpuRunResult}) on a GPU both report, so that
 * {@link GpuColumns} names their columns once.
 */
public interface GpuTimedResult extends TargetResult {
    /** Each resource's seconds alone, summed over every launch. */
    ResourceTimes times();

    /** The resource that sets the largest share of {@link #seconds()}. */
    GpuResource bound();

    /** Board power × seconds, pJ: an estimate (the model knows no power below the board's limit). */
    double energyPj();

    /** Bytes read from and written to DRAM. */
    double dramBytes();

    @Override
    default String boundId() {
        return bound().id();
    }

    /** Energy here is board power × time, never a measurement: always true. */
    default boolean energyIsEstimate() {
        return true;
    }
}
