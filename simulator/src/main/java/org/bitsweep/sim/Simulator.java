package org.bitsweep.sim;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.accelerator.Prices;
import org.bitsweep.sim.accelerator.Infeasible;
import org.bitsweep.sim.price.CachedCosts;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Component;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.PeModel;
import org.bitsweep.sim.array.ArrayAccesses;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.Operand;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.mapping.Mapper;
import org.bitsweep.sim.mapping.Mapping;
import org.bitsweep.sim.memory.Buffer;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.CodeStatistics;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Runs a trace on an accelerator layer by layer. Layers with the same shape, formats, bits and code statistics cost
 * the same, so each distinct one is mapped and priced once per run (LLaMA-2-7B's 289 decode layers have six distinct
 * ones); the mapper's choice is part of what is cached, since it depends only on the GEMM and the accelerator.
 *
 * <p>Per layer: the PE's cycles per MAC set the stream of each fold and the dataflow sets the folds, which gives the
 * stall-free compute cycles (stretched if a buffer's port is narrower than the array's demand); the mapper picks
 * tiles and a loop order and so the DRAM traffic, and the cycles the array waits on it; energy is the PE's activity
 * per MAC, the buffers' reads and writes, DRAM bits, and the PE array's leakage over the layer's time, each priced
 * by the cost model.
 */
public final class Simulator {
    private Simulator() {
    }

    public static SimResult run(Accelerator acc, List<LayerTrace> layers) {
        if (layers.isEmpty())
            throw new IllegalArgumentException("empty trace");
        TracePlan plan = TracePlan.of(layers);
        PeModel pe = acc.pe();
        AsicCostModel cost = acc.cost();

        // One array runs every layer, so each PE is built for the widest pair of operand formats the trace uses
        // (attention multiplies activations by the KV cache, which may be wider than the weights).
        Inventory widest = null;
        double peAreaUm2 = -1;
        for (Map.Entry<OperandFormats, LayerTrace> e : plan.formats.entrySet()) {
            OperandFormats f = e.getKey();
            if (!pe.supports(f))
                throw new Infeasible(Infeasible.FORMAT_REFUSED, "layer %s: %s".formatted(
                        e.getValue().layer().name(), pe.unsupportedReason(f)));
            Inventory inventory = pe.inventory(f);
            double area = CachedCosts.areaUm2(cost, inventory);
            if (area > peAreaUm2) {
                peAreaUm2 = area;
                widest = inventory;
            }
        }
        Prices prices = new Prices(acc, widest);
        Mapper mapper = new Mapper(acc, prices);
        Set<Part> macParts = new LinkedHashSet<>();
        Set<Part> registerParts = new LinkedHashSet<>();
        Map<PeKey, PeCost> peCosts = new HashMap<>();

        LayerResult[] perGemm = new LayerResult[plan.groups()];
        long cycles = 0;
        long computeCycles = 0;
        long memoryCycles = 0;
        long macs = 0;
        long dramBytes = 0;
        double busyPeCycles = 0;
        EnergyBreakdown energy = EnergyBreakdown.ZERO;
        SystolicArray array = acc.array();
        for (int g = 0; g < perGemm.length; g++) {
            LayerTrace t = plan.representative[g];
            PeCost pc = peCosts.computeIfAbsent(new PeKey(t.formats(), t.weightStatistics(), t.macsPerScale()),
                    k -> PeCost.of(acc, t, macParts, registerParts));
            LayerResult once = simulate(acc, mapper, prices, t, pc);
            perGemm[g] = once;
            long n = plan.gemms[g];
            cycles = Math.addExact(cycles, Math.multiplyExact(once.cycles(), n));
            computeCycles = Math.addExact(computeCycles, Math.multiplyExact(once.computeCycles(), n));
            memoryCycles = Math.addExact(memoryCycles, Math.multiplyExact(once.memoryCycles(), n));
            macs = Math.addExact(macs, Math.multiplyExact(once.macs(), n));
            dramBytes = Math.addExact(dramBytes, Math.multiplyExact(once.dramBytes(), n));
            busyPeCycles += once.utilization() * once.cycles() * n * array.pes();
            energy = energy.plus(once.energy().times(n));
        }
        double seconds = cycles / (acc.clockMhz() * 1e6);
        return new SimResult(cycles, computeCycles, memoryCycles, macs, seconds, energy,
                new AreaBreakdown(array.pes() * peAreaUm2, acc.buffers()),
                busyPeCycles / ((double) cycles * array.pes()), Bound.of(computeCycles, memoryCycles), dramBytes,
                new Pricing(acc, widest, macParts, registerParts), new LayerResults(plan, perGemm));
    }

    /**
     * A PE's timing and activity depend on the operand formats, the codes and the MACs per weight scale (each MAC's
     * share of a per-group dequantization), not otherwise on the GEMM's shape.
     */
    private record PeKey(OperandFormats formats, CodeStatistics statistics, long macsPerScale) {
    }

    /**
     * What one MAC takes on the PE: its mean cycles (whole for most PEs, a mean where timing depends on the values),
     * its lanes (MACs of one output side by side), and its activity priced, arithmetic apart from registers.
     */
    private record PeCost(double cyclesPerMac, int lanes, double macPj, double registerPj) {
        static PeCost of(Accelerator acc, LayerTrace t, Set<Part> macParts, Set<Part> registerParts) {
            PeModel pe = acc.pe();
            OperandFormats f = t.formats();
            long whole = pe.cyclesPerMac(f, t);
            double mean = pe.meanCyclesPerMac(f, t);
            int lanes = pe.lanes();
            if (whole < 1 || !(mean > 0) || mean > whole || lanes < 1)
                throw new IllegalStateException("%s on %s: %d cycles per MAC (mean %s), %d lanes".formatted(pe.id(),
                        f, whole, mean, lanes));
            double macPj = 0;
            double registerPj = 0;
            for (Map.Entry<Part, Double> e : pe.activityPerMac(f, t).counts().entrySet()) {
                Part p = e.getKey();
                double pj = e.getValue() * CachedCosts.energyPj(acc.cost(), p);
                if (p.component() == Component.REGISTER) {
                    registerPj += pj;
                    registerParts.add(p);
                } else {
                    macPj += pj;
                    macParts.add(p);
                }
            }
            return new PeCost(mean, lanes, macPj, registerPj);
        }
    }

    private static LayerResult simulate(Accelerator acc, Mapper mapper, Prices prices, LayerTrace t, PeCost pe) {
        GemmShape s = t.layer().shape();
        SystolicArray array = acc.array();
        Dataflow df = acc.dataflow();
        double activationBits = t.activationBitsPerElement();
        double weightBits = t.weightBitsPerElement();
        // A layer's outputs are the next layer's activations, stored in the activation format.
        double outputBits = t.activationBitsPerElement();
        ArrayAccesses once = df.accesses(s, array, pe.lanes());
        long stallFree = df.computeCycles(s, array, pe.cyclesPerMac(), pe.lanes(), acc.timing());
        long stretched = stretched(acc, stallFree, once, activationBits, weightBits,
                df.accumulatesInOutputBuffer() ? acc.partialSumBits() : outputBits);
        double revisit = df.foldCycles(array.rows(), array.cols(), 0, acc.timing())
                * (stallFree == 0 ? 1 : (double) stretched / stallFree);

        Mapping mapping;
        try {
            mapping = mapper.map(new Mapper.Problem(s, stretched, revisit, df.folds(s, array, pe.lanes()),
                    pe.lanes(), activationBits, weightBits, outputBits, visits -> arraySramPj(acc, prices, s, once, visits, activationBits,
                    weightBits, outputBits).total()));
        } catch (Infeasible e) {
            throw new Infeasible(e.category(), "layer " + t.layer().name() + ": " + e.getMessage());
        }
        long compute = mapping.computeCycles();
        long cycles = mapping.cycles();
        long memory = (long) Math.ceil(mapping.dramBits() / 8 / acc.dramBytesPerCycle());
        SramPj sram = arraySramPj(acc, prices, s, once, mapping.visits(), activationBits, weightBits, outputBits);

        long macs = s.macs();
        EnergyBreakdown energy = new EnergyBreakdown(macs * pe.macPj(), macs * pe.registerPj(),
                sram.weightRead, mapping.weightDramBits() * prices.write(Operand.WEIGHTS),
                sram.activationRead, mapping.activationDramBits() * prices.write(Operand.ACTIVATIONS),
                sram.outputRead + mapping.outputDramWriteBits() * prices.read(Operand.OUTPUTS),
                sram.outputWrite + mapping.outputDramReadBits() * prices.write(Operand.OUTPUTS),
                mapping.dramBits() * prices.dramPjPerBit(), cycles * prices.leakagePjPerCycle());
        // Useful lane-cycles over available lane-cycles.
        double utilization = macs * pe.cyclesPerMac() / ((double) cycles * array.pes() * pe.lanes());
        return new LayerResult(t.layer().name(), s, 1, cycles, compute, memory, macs, energy, utilization,
                Bound.of(compute, memory), mapping.dramBytes(), mapping);
    }

    /** Energy of the array's own buffer accesses, by buffer; it depends on the mapping only through the visits. */
    private record SramPj(double weightRead, double activationRead, double outputRead, double outputWrite) {
        double total() {
            return weightRead + activationRead + outputRead + outputWrite;
        }
    }

    private static SramPj arraySramPj(Accelerator acc, Prices prices, GemmShape s, ArrayAccesses once, long visits,
                                      double activationBits, double weightBits, double outputBits) {
        Dataflow df = acc.dataflow();
        ArrayAccesses a = revisited(df, s, once, visits);
        double bufferOutputBits = df.accumulatesInOutputBuffer() || visits > 1 ? acc.partialSumBits() : outputBits;
        return new SramPj(a.weightReads() * weightBits * prices.read(Operand.WEIGHTS),
                a.activationReads() * activationBits * prices.read(Operand.ACTIVATIONS),
                a.outputReads() * bufferOutputBits * prices.read(Operand.OUTPUTS),
                a.outputWrites() * bufferOutputBits * prices.write(Operand.OUTPUTS));
    }

    /**
     * The stall-free cycles, or longer if a buffer cannot move what the dataflow asks of it in that time: the
     * array's reads (or writes) of each buffer over the GEMM, in bytes, over the buffer's bytes per cycle.
     */
    private static long stretched(Accelerator acc, long cycles, ArrayAccesses a, double activationBits,
                                  double weightBits, double outputBits) {
        double needed = Math.max(portCycles(a.activationReads() * activationBits, acc.buffers().activations()),
                Math.max(portCycles(a.weightReads() * weightBits, acc.buffers().weights()),
                        portCycles((a.outputWrites() + a.outputReads()) * outputBits, acc.buffers().outputs())));
        return needed > cycles ? (long) Math.ceil(needed) : cycles;
    }

    /**
     * The array's buffer accesses when each fold runs {@code visits} times: the stationary operand is loaded again
     * at every visit; in output stationary the outputs become partial sums, written at every visit and read back at
     * every visit but the first.
     */
    private static ArrayAccesses revisited(Dataflow df, GemmShape s, ArrayAccesses once, long visits) {
        if (visits == 1)
            return once;
        return switch (df.stationary()) {
            case WEIGHTS -> new ArrayAccesses(once.activationReads(), Math.multiplyExact(once.weightReads(), visits),
                    once.outputWrites(), once.outputReads());
            case ACTIVATIONS -> new ArrayAccesses(Math.multiplyExact(once.activationReads(), visits),
                    once.weightReads(), once.outputWrites(), once.outputReads());
            case OUTPUTS -> new ArrayAccesses(once.activationReads(), once.weightReads(),
                    Math.multiplyExact(s.m() * s.n(), visits), Math.multiplyExact(s.m() * s.n(), visits - 1));
        };
    }

    private static double portCycles(double bits, Buffer b) {
        return bits / 8 / b.bytesPerCycle();
    }
}
