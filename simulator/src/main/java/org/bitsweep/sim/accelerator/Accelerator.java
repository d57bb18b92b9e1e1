package org.bitsweep.sim.accelerator;

import java.util.Objects;
import java.util.Optional;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.PeModel;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.attention.AttentionUnit;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sim.memory.Buffers;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.sim.memory.SramPricing;
import org.bitsweep.workloads.Checks;

/**
 * A PE model in an R×C array running one dataflow, with a buffer per operand, a DRAM channel, a clock and the cost
 * model that prices it; how its buffers are priced; optionally a unit of its own for attention; and how it is
 * simulated: which compute timing, and what the mapper minimises.
 *
 * @param partialSumBits   width of a partial sum kept in the output buffer while a reduction runs over several folds
 *                         (weight and input stationary) or spills to DRAM; a design choice, like the accumulator's
 * @param sram             how the buffers' SRAM is priced (energy per access, area, leakage)
 * @param bufferWidthBits  the width of one buffer access, which CACTI prices
 * @param attentionUnit    the unit attention runs on; absent: attention runs on the PE array
 */
public record Accelerator(PeModel pe, SystolicArray array, Dataflow dataflow, Buffers buffers, Dram dram,
                          double clockMhz, AsicCostModel cost, int partialSumBits, Timing timing,
                          Objective objective, SramPricing sram, int bufferWidthBits,
                          Optional<AttentionUnit> attentionUnit) {
    /** The DRAM bandwidth of the walking skeleton's constructor: a round design default, not a measured figure. */
    public static final double DEFAULT_DRAM_GBPS = 64;
    public static final int DEFAULT_PARTIAL_SUM_BITS = 32;
    /** The access width Horowitz's SRAM figures price (64 bits), the default access width. */
    public static final int DEFAULT_BUFFER_WIDTH_BITS = 64;

    public Accelerator {
        Objects.requireNonNull(pe, "pe");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(dataflow, "dataflow");
        Objects.requireNonNull(buffers, "buffers");
        Objects.requireNonNull(dram, "dram");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(sram, "sram");
        Objects.requireNonNull(attentionUnit, "attention unit");
        Checks.finitePositive("clock MHz", clockMhz);
        Checks.inRange("partial-sum bits", partialSumBits, 1, 64);
        Checks.inRange("buffer width bits", bufferWidthBits, 1, 1 << 16);
    }

    /** An accelerator without an attention unit, its buffers priced the original way (Horowitz, 64-bit accesses). */
    public Accelerator(PeModel pe, SystolicArray array, Dataflow dataflow, Buffers buffers, Dram dram, double clockMhz,
                       AsicCostModel cost, int partialSumBits, Timing timing, Objective objective) {
        this(pe, array, dataflow, buffers, dram, clockMhz, cost, partialSumBits, timing, objective, SramPricing.HOROWITZ,
                DEFAULT_BUFFER_WIDTH_BITS, Optional.empty());
    }

    /**
     * The walking skeleton's accelerator, as the sweeps built it: output stationary, three buffers of
     * {@code bufferBytes} each, DRAM at {@link #DEFAULT_DRAM_GBPS} priced by the cost model, BitSweep timing,
     * mapped for the fewest cycles.
     */
    public Accelerator(PeModel pe, OutputStationaryArray array, long bufferBytes, double clockMhz, AsicCostModel cost) {
        this(pe, array.shape(), Dataflow.OS, Buffers.each(bufferBytes), Dram.priced(DEFAULT_DRAM_GBPS, cost), clockMhz,
                cost, DEFAULT_PARTIAL_SUM_BITS, Timing.BITSWEEP, Objective.CYCLES);
    }

    /** Defaults for everything but the PE, the array, the buffers' size and the cost model; change with the withers. */
    public static Accelerator of(PeModel pe, SystolicArray array, Dataflow dataflow, long bufferBytes,
                                 AsicCostModel cost) {
        return new Accelerator(pe, array, dataflow, Buffers.each(bufferBytes), Dram.priced(DEFAULT_DRAM_GBPS, cost),
                1000, cost, DEFAULT_PARTIAL_SUM_BITS, Timing.BITSWEEP, Objective.CYCLES);
    }

    public Accelerator withDataflow(Dataflow d) {
        return new Accelerator(pe, array, d, buffers, dram, clockMhz, cost, partialSumBits, timing, objective, sram,
                bufferWidthBits, attentionUnit);
    }

    public Accelerator withBuffers(Buffers b) {
        return new Accelerator(pe, array, dataflow, b, dram, clockMhz, cost, partialSumBits, timing, objective, sram,
                bufferWidthBits, attentionUnit);
    }

    public Accelerator withDram(Dram d) {
        return new Accelerator(pe, array, dataflow, buffers, d, clockMhz, cost, partialSumBits, timing, objective, sram,
                bufferWidthBits, attentionUnit);
    }

    public Accelerator withClockMhz(double mhz) {
        return new Accelerator(pe, array, dataflow, buffers, dram, mhz, cost, partialSumBits, timing, objective, sram,
                bufferWidthBits, attentionUnit);
    }

    public Accelerator withTiming(Timing t) {
        return new Accelerator(pe, array, dataflow, buffers, dram, clockMhz, cost, partialSumBits, t, objective, sram,
                bufferWidthBits, attentionUnit);
    }

    public Accelerator withObjective(Objective o) {
        return new Accelerator(pe, array, dataflow, buffers, dram, clockMhz, cost, partialSumBits, timing, o, sram,
                bufferWidthBits, attentionUnit);
    }

    public Accelerator withPartialSumBits(int bits) {
        return new Accelerator(pe, array, dataflow, buffers, dram, clockMhz, cost, bits, timing, objective, sram,
                bufferWidthBits, attentionUnit);
    }

    public Accelerator withSram(SramPricing s, int widthBits) {
        return new Accelerator(pe, array, dataflow, buffers, dram, clockMhz, cost, partialSumBits, timing, objective, s,
                widthBits, attentionUnit);
    }

    public Accelerator withAttentionUnit(Optional<AttentionUnit> unit) {
        return new Accelerator(pe, array, dataflow, buffers, dram, clockMhz, cost, partialSumBits, timing, objective,
                sram, bufferWidthBits, unit);
    }

    public Accelerator withArray(SystolicArray a) {
        return new Accelerator(pe, a, dataflow, buffers, dram, clockMhz, cost, partialSumBits, timing, objective, sram,
                bufferWidthBits, attentionUnit);
    }

    public double dramBytesPerCycle() {
        return dram.bytesPerCycle(clockMhz);
    }
}
