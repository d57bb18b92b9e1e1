package org.bitsweep.workloads.tensor;

import java.util.SplittableRandom;

import org.bitsweep.workloads.Checks;

/**
 * Seeded synthetic tensors. The same seed gives the same tensor on every machine: SplittableRandom's SplitMix64
 * stream is specified, and the Gaussian transform uses StrictMath, whose results are fixed by its specification
 * (Math.log and friends may differ between JIT intrinsics).
 */
public final class SyntheticTensors {
    private SyntheticTensors() {
    }

    /** Independent N(0, std²) values, drawn by the Box–Muller transform. */
    public static Tensor gaussian(String name, int rows, int cols, double std, long seed) {
        Checks.finitePositive("std", std);
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < data.length; i += 2) {
            // 1 - u keeps the argument of log in (0, 1], so log never sees 0.
            double radius = std * StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
            double angle = 2 * StrictMath.PI * random.nextDouble();
            data[i] = (float) (radius * StrictMath.cos(angle));
            if (i + 1 < data.length)
                data[i + 1] = (float) (radius * StrictMath.sin(angle));
        }
        return new Tensor(name, rows, cols, data);
    }
}
