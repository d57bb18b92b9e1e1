package org.bitsweep.sim;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.accelerator.Prices;
import org.bitsweep.sim.accelerator.Infeasible;
import org.bitsweep.sim.accelerator.Objective;
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
import org.bitsweep.pe.DequantizerPlacement;
import org.bitsweep.pe.GroupDequantizing;
import org.bitsweep.pe.PeModel;
import org.bitsweep.sim.array.ArrayAccesses;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.GemmDim;
import org.bitsweep.sim.attention.AttentionUnit;
import org.bitsweep.sim.mapping.LoopOrder;
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
 * per MAC, the buffers' reads and writes, DRAM bits, and the leakage of everything built (PEs, dequantizers,
 * buffers where priced, attention unit) over the layer's time, each priced by the cost model. Attention layers run on
 * the attention unit when the accelerator has one.
 */
public final class Simulator {
    private Simulator() {
    }

    public static SimResult run(Accelerator acc, List<LayerTrace> layers) {
        return run(acc, List.of(acc.dataflow()), layers);
    }

    /**
     * Each layer on whichever of {@code dataflows} the accelerator's objective prefers for it (cycles, energy, or
     * their product): an array that can run several dataflows (or a mapper free to pick one per layer) runs decode's
     * matrix-vector layers one way and prefill's matrix-matrix layers another.
     */
    public static SimResult run(Accelerator acc, List<Dataflow> dataflows, List<LayerTrace> layers) {
        if (layers.isEmpty())
            throw new IllegalArgumentException("empty trace");
        if (dataflows.isEmpty())
            throw new IllegalArgumentException("no dataflow to run");
        TracePlan plan = TracePlan.of(layers);
        PeModel pe = acc.pe();
        AsicCostModel cost = acc.cost();

        Widest w = widest(acc, plan);
        Inventory widest = w.inventory();
        double peAreaUm2 = w.areaUm2();
        Prices prices = new Prices(acc, widest, w.dequantizerUnits(), w.dequantizer());
        Accelerator[] candidates = new Accelerator[dataflows.size()];
        Mapper[] mappers = new Mapper[dataflows.size()];
        for (int d = 0; d < candidates.length; d++) {
            candidates[d] = dataflows.get(d) == acc.dataflow() ? acc : acc.withDataflow(dataflows.get(d));
            mappers[d] = new Mapper(candidates[d], prices);
        }
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
            LayerResult once;
            if (onUnit(acc, t)) {
                once = onUnit(acc, acc.attentionUnit().get(), prices, t);
            } else {
                PeCost pc = peCosts.computeIfAbsent(new PeKey(t.formats(), t.weightStatistics(),
                        t.activationStatistics(), t.macsPerScale()),
                        k -> PeCost.of(acc, t, macParts, registerParts));
                once = best(candidates, mappers, prices, t, pc);
                busyPeCycles += once.utilization() * once.cycles() * plan.gemms[g] * array.pes();
            }
            perGemm[g] = once;
            long n = plan.gemms[g];
            cycles = Math.addExact(cycles, Math.multiplyExact(once.cycles(), n));
            computeCycles = Math.addExact(computeCycles, Math.multiplyExact(once.computeCycles(), n));
            memoryCycles = Math.addExact(memoryCycles, Math.multiplyExact(once.memoryCycles(), n));
            macs = Math.addExact(macs, Math.multiplyExact(once.macs(), n));
            dramBytes = Math.addExact(dramBytes, Math.multiplyExact(once.dramBytes(), n));
            energy = energy.plus(once.energy().times(n));
        }
        double seconds = cycles / (acc.clockMhz() * 1e6);
        return new SimResult(cycles, computeCycles, memoryCycles, macs, seconds, energy, area(acc, w, prices),
                busyPeCycles / ((double) cycles * array.pes()), Bound.of(computeCycles, memoryCycles), dramBytes,
                new Pricing(acc, widest, macParts, registerParts, prices), new LayerResults(plan, perGemm));
    }

    /** The PE inventory the array is built with, and its area. */
    /**
     * The PE inventory the array is built with and its area; the dequantization units it builds beside (0 and an
     * empty inventory for PEs without), one of the widest.
     */
    private record Widest(Inventory inventory, double areaUm2, long dequantizerUnits, Inventory dequantizer,
                          double dequantizerAreaUm2) {
    }

    /**
     * One array runs every layer it runs, so each PE is built for the widest pair of operand formats those use
     * (attention on the array multiplies activations by the KV cache, which may be wider than the weights); an
     * attention unit takes the attention layers, and must take their formats. A PE that dequantizes groups of weights
     * comes with its dequantization units, as many as the layers that need the most (per PE rather than per column)
     * and each built for the widest formats.
     *
     * @throws Infeasible when the PE or the attention unit refuses a layer's formats
     */
    private static Widest widest(Accelerator acc, TracePlan plan) {
        if (plan.builds.size() > TracePlan.BUILDS_KEPT)
            plan.builds.clear();
        Built b = plan.builds.computeIfAbsent(new BuildKey(acc.pe(), acc.cost(), acc.attentionUnit()),
                k -> built(acc, plan));
        long units = b.placement() == null ? 0 : b.placement().units(acc.array().rows(), acc.array().cols());
        return new Widest(b.inventory(), b.areaUm2(), units, b.dequantizer(), b.dequantizerAreaUm2());
    }

    /** What {@link #widest} finds that does not depend on the array's shape, kept per plan against these keys. */
    record BuildKey(PeModel pe, AsicCostModel cost, java.util.Optional<AttentionUnit> unit) {
    }

    record Built(Inventory inventory, double areaUm2, DequantizerPlacement placement, Inventory dequantizer,
                 double dequantizerAreaUm2) {
    }

    private static Built built(Accelerator acc, TracePlan plan) {
        PeModel pe = acc.pe();
        Inventory widest = null;
        double peAreaUm2 = -1;
        DequantizerPlacement placement = null;
        Inventory dequantizer = Inventory.of();
        double dequantizerAreaUm2 = 0;
        // A trace has a few formats over many layer shapes; a PE's inventory depends on the formats alone.
        Map<OperandFormats, Inventory> inventories = new HashMap<>();
        for (int g = 0; g < plan.groups(); g++) {
            LayerTrace t = plan.representative[g];
            OperandFormats f = t.formats();
            if (onUnit(acc, t)) {
                AttentionUnit unit = acc.attentionUnit().get();
                if (!unit.supports(f))
                    throw new Infeasible(Infeasible.FORMAT_REFUSED, "layer %s (%s): the %s cannot run w:%s a:%s"
                            .formatted(t.layer().name(), t.layer().layerClass().id(), unit.runs(), f.weight().name(),
                                    f.activation().name()));
                continue;
            }
            if (!pe.supports(f))
                throw new Infeasible(Infeasible.FORMAT_REFUSED, "layer %s: %s".formatted(t.layer().name(),
                        pe.unsupportedReason(f)));
            if (!inventories.containsKey(f))
                inventories.put(f, pe.inventory(f));
            Inventory inventory = inventories.get(f);
            double area = CachedCosts.areaUm2(acc.cost(), inventory);
            if (area > peAreaUm2) {
                peAreaUm2 = area;
                widest = inventory;
            }
            if (pe instanceof GroupDequantizing dq) {
                DequantizerPlacement p = dq.dequantizerPlacement(t);
                placement = placement == null ? p : DequantizerPlacement.larger(placement, p);
                Inventory unit = dq.dequantizerInventory(f, t);
                double unitArea = CachedCosts.areaUm2(acc.cost(), unit);
                if (unitArea > dequantizerAreaUm2) {
                    dequantizerAreaUm2 = unitArea;
                    dequantizer = unit;
                }
            }
        }
        if (widest == null)
            throw new Infeasible(Infeasible.FORMAT_REFUSED, "nothing runs on the PE array: every layer is attention, "
                    + "on the attention unit");
        return new Built(widest, peAreaUm2, placement, dequantizer, dequantizerAreaUm2);
    }

    /**
     * The accelerator's whole priced area for this trace, without running it: the PE array built for the trace's
     * formats with its dequantization units, the buffers (where their pricing has an area), the attention unit.
     */
    public static double areaUm2(Accelerator acc, List<LayerTrace> layers) {
        Widest w = widest(acc, TracePlan.of(layers));
        return area(acc, w, new Prices(acc, w.inventory(), w.dequantizerUnits(), w.dequantizer())).totalUm2();
    }

    private static AreaBreakdown area(Accelerator acc, Widest w, Prices prices) {
        double buffersUm2 = 0;
        for (Operand o : Operand.values())
            buffersUm2 += prices.buffer(o).areaUm2();
        double unitUm2 = acc.attentionUnit().map(u -> CachedCosts.areaUm2(acc.cost(), u.inventory())).orElse(0.0);
        return new AreaBreakdown(acc.array().pes() * w.areaUm2(), buffersUm2,
                w.dequantizerUnits() * w.dequantizerAreaUm2(), unitUm2, acc.buffers());
    }

    /** Whether a layer runs on the attention unit: attention, on an accelerator that has one. */
    private static boolean onUnit(Accelerator acc, LayerTrace t) {
        return acc.attentionUnit().isPresent() && t.layer().layerClass().isAttention();
    }

    /**
     * One attention GEMM on the attention unit: its MACs over the lanes, or, when longer, its DRAM traffic (the KV
     * cache read once, the queries or scores read, the outputs written) over the DRAM's bandwidth; the unit streams,
     * so the two overlap and nothing waits for a first tile. The PE array idles and leaks meanwhile.
     */
    private static LayerResult onUnit(Accelerator acc, AttentionUnit unit, Prices prices, LayerTrace t) {
        GemmShape s = t.layer().shape();
        long compute = unit.computeCycles(s);
        double kvBits = (double) s.n() * s.k() * t.weightBitsPerElement();
        double inBits = (double) s.m() * s.k() * t.activationBitsPerElement();
        double outBits = (double) s.m() * s.n() * t.activationBitsPerElement();
        double bits = kvBits + inBits + outBits;
        long memory = (long) Math.ceil(bits / 8 / acc.dramBytesPerCycle());
        long cycles = Math.max(compute, memory);
        long macs = s.macs();
        double macPj = CachedCosts.energyPj(acc.cost(), unit.activityPerMac());
        EnergyBreakdown energy = new EnergyBreakdown(0, 0, 0, 0, 0, 0, 0, 0, bits * prices.dramPjPerBit(),
                cycles * prices.leakagePjPerCycle(), macs * macPj);
        Mapping streamed = new Mapping(new LoopOrder(GemmDim.M, GemmDim.N, GemmDim.K), s.m(), s.n(), s.k(), 1, 1,
                compute, inBits, kvBits, outBits, 0, cycles - compute);
        return new LayerResult(t.layer().name(), s, 1, cycles, compute, memory, macs, energy,
                macs / ((double) cycles * unit.lanes()), Bound.of(compute, memory), (long) Math.ceil(bits / 8),
                streamed, "attention_unit");
    }

    /**
     * The layer under each candidate dataflow, the best by the objective; a dataflow whose tiles do not fit is passed
     * over, and only when none fits is the layer refused.
     */
    /**
     * The layer on the dataflow the objective prefers. A dataflow is mapped only if it could win: every mapping of it
     * takes at least its stall-free compute cycles and pays at least the MACs' energy and that many cycles' leakage,
     * and each objective prefers fewer cycles and less energy, so a dataflow whose bound already loses to the best so
     * far cannot win. Dataflows are tried fastest bound first; ties go to the first allowed, as without the bound.
     */
    private static LayerResult best(Accelerator[] candidates, Mapper[] mappers, Prices prices, LayerTrace t,
                                    PeCost pc) {
        if (candidates.length == 1)
            return simulate(candidates[0], mappers[0], prices, t, pc);
        GemmShape s = t.layer().shape();
        long[] boundCycles = new long[candidates.length];
        Integer[] order = new Integer[candidates.length];
        for (int d = 0; d < candidates.length; d++) {
            boundCycles[d] = candidates[d].dataflow().computeCycles(s, candidates[d].array(), pc.cyclesPerMac(),
                    pc.lanes(), candidates[d].timing());
            order[d] = d;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong((Integer d) -> boundCycles[d])
                .thenComparingInt(d -> d));
        double macEnergyPj = s.macs() * (pc.macPj() + pc.registerPj());
        Objective objective = candidates[0].objective();
        LayerResult best = null;
        int bestIndex = -1;
        Infeasible first = null;
        int firstIndex = Integer.MAX_VALUE;
        for (int d : order) {
            if (best != null) {
                double boundPj = macEnergyPj + boundCycles[d] * prices.leakagePjPerCycle();
                boolean couldWin = objective.better(boundCycles[d], boundPj, best.cycles(), best.energy().totalPj());
                boolean bestWins = objective.better(best.cycles(), best.energy().totalPj(), boundCycles[d], boundPj);
                if (!couldWin && (bestWins || d > bestIndex))
                    continue;
            }
            LayerResult r;
            try {
                r = simulate(candidates[d], mappers[d], prices, t, pc);
            } catch (Infeasible e) {
                if (d < firstIndex) {
                    first = e;
                    firstIndex = d;
                }
                continue;
            }
            boolean wins = best == null || objective.better(r.cycles(), r.energy().totalPj(), best.cycles(),
                    best.energy().totalPj());
            boolean ties = best != null && !wins && !objective.better(best.cycles(), best.energy().totalPj(),
                    r.cycles(), r.energy().totalPj());
            if (wins || (ties && d < bestIndex)) {
                best = r;
                bestIndex = d;
            }
        }
        if (best == null)
            throw first;
        return best;
    }

    /**
     * A PE's timing and activity depend on the operand formats, the codes and the MACs per weight scale (each MAC's
     * share of a per-group dequantization), not otherwise on the GEMM's shape.
     */
    private record PeKey(OperandFormats formats, CodeStatistics statistics, CodeStatistics activationStatistics,
                         long macsPerScale) {
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
                    pe.lanes(), activationBits, weightBits, outputBits, visits -> arraySramPj(acc, prices, s, once, visits,
                    activationBits, weightBits, outputBits).total(), s.macs() * (pe.macPj() + pe.registerPj())));
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
                Bound.of(compute, memory), mapping.dramBytes(), mapping, df.id());
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
