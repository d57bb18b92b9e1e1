package org.bitsweep.sim.fpga;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.FpgaResources;

/**
 * Where an accelerator of {@code units} MAC units keeps weights and activations, and what RAM that takes, priced by
 * FINN's block RAM rule ({@link FinnModel#bram18}) and UltraRAM rule ({@link FinnModel#uram}), a narrow memory read
 * several words at a time where that packs it better ({@link #bram18(long, long)}).
 *
 * <p>Every weight column computed side by side ({@link Folding}) reads one weight per lane per cycle, so the weight
 * memory is columns · lanes · W bits wide (FINN's weight memory per PE and SIMD lane; row groups share it); it holds
 * every weight of the trace ({@link WeightStorage#ON_CHIP}), or a double-buffered tile of one k-long row per column
 * ({@link WeightStorage#DRAM}). Activations sit in two buffers (a layer's input and its output, swapped for the next
 * layer) of the largest layer's size, rows · lanes · A bits wide, when the RAM left over holds them; otherwise they
 * stream from DRAM through a double-buffered row per row group.
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
        return of(units, config, needs, budget, config.weightRam());
    }

    /** The plan with the weight RAM {@code ram}; {@link RamStyle#AUTO} takes UltraRAM only when block RAM runs out. */
    static FpgaMemoryPlan of(long units, FpgaAcceleratorConfig config, WorkloadNeeds needs, FpgaResources budget,
                             RamStyle ram) {
        int lanes = config.lanes();
        long weightBits = needs.formats().weight().bits();
        long activationBits = needs.formats().activation().bits();
        long width = Math.multiplyExact(Math.multiplyExact(needs.weightColumns(units), lanes), weightBits);
        long rowWords = ceilDiv(needs.longestReduction(), lanes);
        long depth = config.weightStorage() == WeightStorage.ON_CHIP
                ? Math.max(1, ceilDiv(needs.weights(), Math.multiplyExact(needs.weightColumns(units), lanes)))
                : 2 * rowWords;
        long bram = bram18(depth, width);
        long uram = uram(depth, width);
        boolean useUram = switch (ram) {
            case BRAM -> false;
            case URAM -> true;
            case AUTO -> bram > budget.bram18() && uram <= budget.uram();
        };
        long weightBram = useUram ? 0 : bram;
        long weightUram = useUram ? uram : 0;

        long actWidth = Math.multiplyExact(needs.activationRows(units) * lanes, activationBits);
        long whole = 2 * bram18(Math.max(1, ceilDiv(needs.activations(), needs.activationRows(units) * lanes)),
                actWidth);
        boolean onChip = weightBram + whole <= budget.bram18();
        long actBram = onChip ? whole : 2 * bram18(2 * rowWords, actWidth);
        return new FpgaMemoryPlan(units, config.weightStorage(), useUram, weightBram, weightUram, onChip, actBram);
    }

    /** Words read {@code f} at a time, for the narrow, deep memories FINN's fixed word would waste. */
    private static final int MAX_WORDS_PER_READ = 1024;

    /**
     * FINN's block RAM count for the memory, or for the same bits read f consecutive words at a time (depth/f words
     * of f times the width, a little shift register per lane, not priced) when that takes fewer: one unit's 8-bit
     * weights, millions deep, fill 72-bit UltraRAM words nine at a time instead of using an eighth of each.
     */
    static long bram18(long depth, long width) {
        long best = FinnModel.bram18(depth, width);
        for (int f = 2; f <= MAX_WORDS_PER_READ && f < 2 * depth; f *= 2)
            best = Math.min(best, FinnModel.bram18(ceilDiv(depth, f), width * f));
        return best;
    }

    /** As {@link #bram18}, for UltraRAM. */
    static long uram(long depth, long width) {
        long best = FinnModel.uram(depth, width);
        for (int f = 2; f <= MAX_WORDS_PER_READ && f < 2 * depth; f *= 2)
            best = Math.min(best, FinnModel.uram(ceilDiv(depth, f), width * f));
        return best;
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
