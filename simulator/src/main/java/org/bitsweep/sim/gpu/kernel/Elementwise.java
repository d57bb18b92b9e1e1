package org.bitsweep.sim.gpu.kernel;

import org.bitsweep.sim.gpu.CudaWork;
import org.bitsweep.sim.gpu.Launch;
import org.bitsweep.sim.gpu.TilePlan;

/** A launch that touches each element once (quantize, pack, merge): 256 threads × 16 elements per thread block. */
final class Elementwise {
    static final long TILE = 4096;

    private Elementwise() {
    }

    static Launch launch(String name, long elements, long batch, CudaWork perElement, double dramBytes) {
        TilePlan p = new TilePlan(1, TILE, 1, 1, TilePlan.ceilDiv(elements, TILE), 1, batch);
        return new Launch(name, p, null, 0, perElement.times(TILE), dramBytes);
    }
}
