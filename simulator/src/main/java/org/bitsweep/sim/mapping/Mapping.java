package org.bitsweep.sim.mapping;

import org.bitsweep.sim.array.GemmDim;

/**
 * The mapper's choice for one GEMM, and what it costs in DRAM traffic and time. Tiles are in GEMM elements: a tile
 * of {@code tileM × tileN × tileK} is one step; the array's folds inside it are fixed by the dataflow.
 *
 * @param steps               tile steps, the product of the three loops' trip counts
 * @param visits              how often the array runs each fold: 1, or the temporal loop's trips when the loop
 *                            order breaks each fold's stream into chunks that other folds run between
 * @param computeCycles       stall-free cycles of the array: the dataflow's, plus the fill and drain of every
 *                            revisit
 * @param activationDramBits  A read from DRAM, re-fetches included
 * @param weightDramBits      B read from DRAM, re-fetches included
 * @param outputDramWriteBits C written to DRAM: final outputs, and partial sums spilled when the reduction loop sits
 *                            outside the output's loops
 * @param outputDramReadBits  spilled partial sums read back
 * @param stallCycles         cycles the array waits on DRAM: the first tiles' load and the last outputs' write, which
 *                            nothing hides, plus every step whose traffic outlasts its compute
 */
public record Mapping(LoopOrder order, long tileM, long tileN, long tileK, long steps, long visits, long computeCycles,
                      double activationDramBits, double weightDramBits, double outputDramWriteBits,
                      double outputDramReadBits, long stallCycles) {
    public Mapping {
        if (tileM < 1 || tileN < 1 || tileK < 1 || steps < 1 || visits < 1 || computeCycles < 0 || stallCycles < 0)
            throw new IllegalArgumentException("bad mapping: tile %dx%dx%d, %d steps, %d stall cycles"
                    .formatted(tileM, tileN, tileK, steps, stallCycles));
    }

    public long tile(GemmDim d) {
        return switch (d) {
            case M -> tileM;
            case N -> tileN;
            case K -> tileK;
        };
    }

    /** Compute plus stalls. */
    public long cycles() {
        return Math.addExact(computeCycles, stallCycles);
    }

    public double dramBits() {
        return activationDramBits + weightDramBits + outputDramWriteBits + outputDramReadBits;
    }

    public long dramBytes() {
        return (long) Math.ceil(dramBits() / 8);
    }

    @Override
    public String toString() {
        return "%s, tile %dx%dx%d (m×n×k), %d steps%s".formatted(order, tileM, tileN, tileK, steps,
                visits == 1 ? "" : ", each fold run " + visits + " times");
    }
}
