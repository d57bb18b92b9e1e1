package org.bitsweep.sim.fpga;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.FpgaResources;

/**
 * Where an accelerator of {@code units} MAC units keeps weights and activations, and what RAM that takes, priced by
 * FINN's block RAM rule ({@link FinnModel#bram18}) and UltraRAM rule ({@link FinnModel#uram}).
 *
 * <p>Every multiplier lane reads one weight per cycle, so the weight memory is units · lanes · W bits wide (FINN's
 * weight memory per PE and SIMD lane); it holds every weight of the trace ({@link WeightStorage#ON_CHIP}), or a
 * double-buffered tile of one k-long row per lane ({@link WeightStorage#DRAM}). Activations sit in two buffers (a
 * layer's input and its output, swapped for the next layer) of the largest layer's size, lanes · A bits wide, when
 * the RAM left over holds them; otherwise they stream from DRAM through a double-buffered row.
 *
 * @param weightsInUltraRam whether the weight memory is UltraRAM (else block RAM)
 * @param activationsOnChip whether the whole activation tensors fit on chip
 */
public record FpgaMemoryPlan(long units, WeightStorage weights, boolean weightsInUltraRam, long weightBram18,
                             long weightUram, boolean activationsOnChip, long activationBram18) {
    /** The RAM the plan takes (no LUTs, flip-flops or DSPs). */
    public FpgaResources resources() {
        return new FpgaResources(0, 0, 0, weightBram18 + activationBram18, weightUram);
    }

    static FpgaMemoryPlan of(long units, FpgaAcceleratorConfig config, WorkloadNeeds needs, FpgaResources budget) {
        int lanes = config.lanes();
        long weightBits = needs.formats().weight().bits();
        long activationBits = needs.formats().activation().bits();
        long width = Math.multiplyExact(Math.multiplyExact(units, lanes), weightBits);
        long rowWords = ceilDiv(needs.longestReduction(), lanes);
        long depth = config.weights() == WeightStorage.ON_CHIP
                ? Math.max(1, ceilDiv(needs.weights(), Math.multiplyExact(units, lanes)))
                : 2 * rowWords;
        long bram = FinnModel.bram18(depth, width);
        long uram = FinnModel.uram(depth, width);
        boolean useUram = switch (config.weightRam()) {
            case BRAM -> false;
            case URAM -> true;
            case AUTO -> bram > budget.bram18() && uram <= budget.uram();
        };
        long weightBram = useUram ? 0 : bram;
        long weightUram = useUram ? uram : 0;

        long actWidth = lanes * activationBits;
        long whole = 2 * FinnModel.bram18(ceilDiv(needs.activations(), lanes), actWidth);
        boolean onChip = weightBram + whole <= budget.bram18();
        long actBram = onChip ? whole : 2 * FinnModel.bram18(2 * rowWords, actWidth);
        return new FpgaMemoryPlan(units, config.weights(), useUram, weightBram, weightUram, onChip, actBram);
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
