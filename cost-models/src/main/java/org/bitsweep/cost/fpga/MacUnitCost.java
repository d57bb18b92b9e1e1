package org.bitsweep.cost.fpga;

import java.util.Comparator;
import java.util.List;

/**
 * One FPGA MAC unit priced: a PE of {@code lanes} multipliers feeding one adder tree and one accumulator (FINN's PE
 * with SIMD lanes), as parts, pipeline registers and pipeline stages.
 *
 * @param lanes      MACs the unit completes per cycle
 * @param parts      what the LUTs and DSPs go to
 * @param registers  the pipeline registers, by stage, in bits (one flip-flop each)
 * @param stages     the pipeline stages and what limits each one's delay
 * @param lutFactor  FINN's c1, on the sum of the parts' LUTs
 */
public record MacUnitCost(int lanes, List<MacPart> parts, List<Register> registers, List<Stage> stages,
                          double lutFactor, FpgaFamily family) {
    /** A pipeline register of {@code bits} bits. */
    public record Register(String name, long bits) {
    }

    /**
     * A pipeline stage: {@code lutLevels} LUT levels and {@code carryBits} of carry chain in series, between two
     * registers; its delay is the family's estimate ({@code stage-delay} in {@code fpga/mac-parts.yaml}).
     */
    public record Stage(String name, int lutLevels, int carryBits) {
        public double delayNs(FpgaFamily f) {
            return f.clockOverheadNs() + lutLevels * f.lutLevelNs() + Math.ceil(carryBits / 8.0) * f.carry8Ns();
        }
    }

    public MacUnitCost {
        if (lanes < 1)
            throw new IllegalArgumentException("lanes must be >= 1, got " + lanes);
        parts = List.copyOf(parts);
        registers = List.copyOf(registers);
        stages = List.copyOf(stages);
    }

    public double luts() {
        return lutFactor * parts.stream().mapToDouble(MacPart::luts).sum();
    }

    public double dsps() {
        return parts.stream().mapToDouble(MacPart::dsps).sum();
    }

    public double ffs() {
        return registers.stream().mapToLong(Register::bits).sum();
    }

    /** The whole unit's LUTs, flip-flops and DSPs (it uses no block RAM of its own). */
    public FpgaResources resources() {
        return new FpgaResources(luts(), ffs(), dsps(), 0, 0);
    }

    /** Resources per MAC lane. */
    public FpgaResources perMac() {
        return resources().times(1.0 / lanes);
    }

    /** The slowest stage, or null for a unit with none in the fabric (everything in DSPs). */
    public Stage criticalStage() {
        return stages.stream().max(Comparator.comparingDouble(s -> s.delayNs(family))).orElse(null);
    }

    /**
     * The highest clock the unit reaches: its slowest stage's, and no more than the DSP slice's limit when it uses
     * DSPs or the clock network's.
     */
    public double fmaxMhz() {
        Stage slowest = criticalStage();
        double fmax = slowest == null ? Double.POSITIVE_INFINITY : 1000 / slowest.delayNs(family);
        if (dsps() > 0)
            fmax = Math.min(fmax, family.dspFmaxMhz());
        return Math.min(fmax, family.clockTreeFmaxMhz());
    }

    /** What sets {@link #fmaxMhz}: a stage's name, {@code dsp} or {@code clock-tree}. */
    public String fmaxLimitedBy() {
        double fmax = fmaxMhz();
        Stage slowest = criticalStage();
        if (slowest != null && 1000 / slowest.delayNs(family) == fmax)
            return slowest.name();
        return dsps() > 0 && family.dspFmaxMhz() == fmax ? "dsp" : "clock-tree";
    }
}
