package org.bitsweep.sim.gpu;

import java.util.Objects;

import org.bitsweep.cost.gpu.TensorType;

/**
 * The work of one kernel launch: its tiles, what one tile asks of the tensor cores and the CUDA cores, and what the
 * whole launch moves to and from DRAM. {@link GpuTiming} turns it into seconds.
 *
 * @param tensorType       the MMA the tiles use, or null for a launch without tensor cores
 * @param tensorOpsPerTile operations one tile issues to the tensor cores (a multiply-add is two; padded tiles count
 *                         whole, as the MMA instructions run whole)
 * @param cudaPerTile      CUDA-core work of one tile
 * @param dramBytes        bytes the launch reads from and writes to DRAM (each operand once: L2 is assumed to catch
 *                         the re-reads of neighbouring tiles)
 */
public record Launch(String name, TilePlan tiles, TensorType tensorType, double tensorOpsPerTile, CudaWork cudaPerTile,
                     double dramBytes) {
    public Launch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tiles, "tiles");
        Objects.requireNonNull(cudaPerTile, "cudaPerTile");
        if (!(tensorOpsPerTile >= 0) || !(dramBytes >= 0))
            throw new IllegalArgumentException("negative work in launch " + name);
        if (tensorType == null && tensorOpsPerTile > 0)
            throw new IllegalArgumentException("launch " + name + " has tensor work but no tensor type");
    }
}
