package org.bitsweep.sim.fpga;

import java.util.List;
import java.util.function.LongFunction;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.FpgaDevice;
import org.bitsweep.cost.fpga.FpgaResources;
import org.bitsweep.cost.fpga.MacUnitCost;
import org.bitsweep.cost.fpga.Resource;
import org.bitsweep.pe.fpga.FpgaAccumulator;
import org.bitsweep.pe.fpga.FpgaMacUnit;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * An FPGA accelerator sized to its device: as many MAC units as fit the allowed share of every resource, the unit
 * priced by cost-models, the memories by FINN's RAM rules, plus FINN's fixed control LUTs once.
 *
 * @param units      MAC units built
 * @param boundBy    the resource one more unit would overrun first
 * @param budget     what resource_limits allow of the device
 * @param used       what the design takes, whole parts (LUTs, FFs, DSPs, 18 Kb block RAM halves, UltraRAMs)
 * @param clockMhz   the clock it runs at
 * @param clockLimit what sets the clock: {@code device} (its typical design clock), {@code config}, or the unit's
 *                   limit ({@link MacUnitCost#fmaxLimitedBy()}: its slowest stage, {@code dsp} or {@code clock-tree})
 */
public record FpgaDesign(FpgaAcceleratorConfig config, FpgaDevice device, FpgaMacUnit unit, MacUnitCost unitCost,
                         long units, Resource boundBy, FpgaResources budget, FpgaResources used,
                         FpgaMemoryPlan memory, double clockMhz, String clockLimit) {
    /** MACs the whole accelerator completes per cycle when every lane is busy. */
    public long macsPerCycle() {
        return Math.multiplyExact(units, unitCost.lanes());
    }

    public double peakMacsPerSecond() {
        return macsPerCycle() * clockMhz * 1e6;
    }

    /** Used over available, per resource, of the whole device (not of the budget). */
    public double fractionOfDevice(Resource r) {
        double available = device.capacity().get(r);
        return available == 0 ? 0 : used.get(r) / available;
    }

    /** Pipeline registers a product passes on its way into the accumulator: the fill latency of a layer. */
    public int pipelineDepth() {
        return unitCost.registers().size();
    }

    /**
     * Sizes an accelerator for a trace.
     *
     * @throws UserInputException when the trace's formats, its dot products or its memory do not suit the config or
     *                            the device, or not even one unit fits
     */
    public static FpgaDesign size(FpgaAcceleratorConfig config, List<LayerTrace> layers) {
        WorkloadNeeds needs = WorkloadNeeds.of(layers);
        OperandFormats formats = config.formats().orElse(needs.formats());
        if (!formats.equals(needs.formats()))
            throw new UserInputException("the FPGA accelerator is configured for %s but the trace runs %s"
                    .formatted(formats, needs.formats()));
        long n = config.reductionLength().orElse(needs.longestReduction());
        if (n < needs.longestReduction() && config.accumulator() instanceof FpgaAccumulator.Exact)
            throw new UserInputException("reduction_length %d is shorter than the trace's longest dot product (k = %d); "
                    .formatted(n, needs.longestReduction()) + "an exact accumulator must hold it; raise it or drop it");
        config.refusal().ifPresent(why -> {
            throw new UserInputException(why);
        });
        FpgaDevice device = config.fpga();
        FpgaMacUnit unit = FpgaMacUnit.of(formats, config.accumulator(), n, config.lanes());
        MacUnitCost cost = unit.cost(device.family(), config.multipliers());
        FpgaResources budget = config.resourceLimits().budget(device.capacity());
        FpgaResources control = new FpgaResources(FinnModel.controlLuts(), 0, 0, 0, 0);
        LongFunction<FpgaMemoryPlan> memory = u -> FpgaMemoryPlan.of(u, config, needs, budget);
        LongFunction<FpgaResources> total = u -> control.plus(cost.resources().times(u))
                .plus(memory.apply(u).resources()).ceil();

        long hi = upperBound(cost, budget);
        long units = largestFitting(total, budget, hi);
        if (units == 0) {
            FpgaResources one = total.apply(1);
            throw new UserInputException("not even one %s unit fits %s within resource_limits: it needs %s, the "
                    .formatted(unit.id(), device.id(), one) + "budget is %s (%s runs out)".formatted(budget,
                    one.firstExceeding(budget).id()));
        }
        // What one more unit overruns, with the weights in the RAM they are in now (else block RAM would be named
        // for a memory that had moved to UltraRAM).
        FpgaMemoryPlan plan = memory.apply(units);
        RamStyle held = plan.weightsInUltraRam() ? RamStyle.URAM : RamStyle.BRAM;
        Resource bound = control.plus(cost.resources().times(units + 1))
                .plus(FpgaMemoryPlan.of(units + 1, config, needs, budget, held).resources()).ceil()
                .firstExceeding(budget);
        if (bound == null)
            bound = total.apply(units + 1).firstExceeding(budget);

        double unitFmax = cost.fmaxMhz();
        double clock;
        String limit;
        if (config.clockMhz().isPresent()) {
            clock = config.clockMhz().getAsDouble();
            if (clock > unitFmax)
                throw new UserInputException("clock_mhz %.1f is above what the %s unit reaches on %s (%.1f MHz, set by "
                        .formatted(clock, unit.id(), device.family().id(), unitFmax) + cost.fmaxLimitedBy() + ")");
            limit = "config";
        } else if (device.typicalClockMhz() <= unitFmax) {
            clock = device.typicalClockMhz();
            limit = "device";
        } else {
            clock = unitFmax;
            limit = cost.fmaxLimitedBy();
        }
        return new FpgaDesign(config, device, unit, cost, units, bound, budget, total.apply(units), plan, clock,
                limit);
    }

    /** More units than any one of LUTs, flip-flops or DSPs allows can never fit. */
    private static long upperBound(MacUnitCost cost, FpgaResources budget) {
        FpgaResources each = cost.resources();
        long hi = Integer.MAX_VALUE;
        for (Resource r : new Resource[] {Resource.LUT, Resource.FF, Resource.DSP})
            if (each.get(r) > 0)
                hi = Math.min(hi, (long) Math.floor(budget.get(r) / each.get(r)) + 1);
        return hi;
    }

    /**
     * The most units, from {@code hi} down, whose design fits the budget; 0 when none does. A scan, not a bisection:
     * RAM comes in whole blocks, so a memory that fits at some count can overrun at a smaller one (a weight memory
     * just deeper than one UltraRAM needs two rows of them).
     */
    private static long largestFitting(LongFunction<FpgaResources> total, FpgaResources budget, long hi) {
        for (long u = hi; u >= 1; u--)
            if (total.apply(u).firstExceeding(budget) == null)
                return u;
        return 0;
    }
}
