package org.bitsweep.sim.fpga;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.FpgaDevice;
import org.bitsweep.cost.fpga.MacPart;
import org.bitsweep.sim.Bound;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.trace.LayerTrace;

/**
 * Runs a trace on an FPGA accelerator sized to its device ({@link FpgaDesign}). The MAC units share out each GEMM
 * as {@link Folding} says (FINN's PEs over the n outputs, SIMD lanes over k, spare units on further rows): with P
 * units and L lanes, a layer computes in ⌈m/r⌉·⌈n/p⌉·⌈k/L⌉ cycles plus the pipeline's fill, where p = min(P, n)
 * and r = min(m, ⌊P/p⌋). DRAM carries the
 * weights once per layer when they stream, and the activations when they do not fit on chip (re-read for every
 * fold of n); a layer takes the longer of its compute and its traffic, which overlap.
 */
public final class FpgaAccelerator {
    private FpgaAccelerator() {
    }

    /** Sizes the accelerator for the trace, then runs the trace on it. */
    public static FpgaSimResult run(FpgaAcceleratorConfig config, List<LayerTrace> layers) {
        return run(FpgaDesign.size(config, layers), layers);
    }

    /** Runs a trace on an accelerator already sized (for this trace's formats and dot products). */
    public static FpgaSimResult run(FpgaDesign design, List<LayerTrace> layers) {
        double bytesPerCycle = design.config().effectiveDramGbps() * 1000 / design.clockMhz();
        List<FpgaLayerResult> results = new ArrayList<>();
        long cycles = 0;
        long compute = 0;
        long memory = 0;
        long macs = 0;
        long dramBytes = 0;
        for (LayerTrace t : layers) {
            FpgaLayerResult r = layer(design, t, bytesPerCycle);
            results.add(r);
            cycles = Math.addExact(cycles, r.cycles());
            compute = Math.addExact(compute, r.computeCycles());
            memory = Math.addExact(memory, r.memoryCycles());
            macs = Math.addExact(macs, r.macs());
            dramBytes = Math.addExact(dramBytes, r.dramBytes());
        }
        double seconds = cycles / (design.clockMhz() * 1e6);
        double utilization = macs / ((double) cycles * design.macsPerCycle());
        return new FpgaSimResult(design, cycles, compute, memory, macs, seconds, macs / seconds,
                memory > compute ? Bound.MEMORY : Bound.COMPUTE, dramBytes, utilization, results, sources(design));
    }

    private static FpgaLayerResult layer(FpgaDesign d, LayerTrace t, double bytesPerCycle) {
        GemmShape s = t.layer().shape();
        Folding fold = Folding.of(d.units(), s);
        long columnFolds = fold.columnFolds();
        long once = Math.addExact(fold.cycles(s, d.unitCost().lanes()), d.pipelineDepth());

        double bits = 0;
        boolean weightsStream = d.memory().weights() == WeightStorage.DRAM;
        if (t.layer().kind() == LayerKind.WEIGHT) {
            if (weightsStream)
                bits += (double) s.n() * s.k() * t.weightBitsPerElement();
        } else if (!d.memory().activationsOnChip()) {
            bits += (double) s.n() * s.k() * t.weightBitsPerElement();   // attention's B: activations from DRAM
        }
        if (!d.memory().activationsOnChip())
            bits += (double) columnFolds * s.m() * s.k() * t.activationBitsPerElement()
                    + (double) s.m() * s.n() * t.activationBitsPerElement();
        long bytesOnce = (long) Math.ceil(bits / 8);
        long memoryOnce = (long) Math.ceil(bytesOnce / bytesPerCycle);
        long count = t.layer().count();
        long computeCycles = Math.multiplyExact(once, count);
        long memoryCycles = Math.multiplyExact(memoryOnce, count);
        long cycles = Math.max(computeCycles, memoryCycles);
        long macs = t.layer().macs();
        return new FpgaLayerResult(t.layer().name(), s, count, cycles, computeCycles, memoryCycles, macs,
                Math.multiplyExact(bytesOnce, count), cycles / (d.clockMhz() * 1e6),
                memoryCycles > computeCycles ? Bound.MEMORY : Bound.COMPUTE,
                macs / ((double) cycles * d.macsPerCycle()));
    }

    /** Every source and estimate behind a design's numbers, one line each. */
    static List<String> sources(FpgaDesign d) {
        FpgaDevice dev = d.device();
        List<String> lines = new ArrayList<>();
        lines.add("device %s resource counts (%s): %s".formatted(dev.id(),
                dev.countsVerified() ? "verified" : "not re-read here; " + dev.countsCheck(), dev.countsBasis()));
        lines.add("device %s typical clock %.0f MHz (%s): %s".formatted(dev.id(), dev.typicalClockMhz(),
                dev.clockEstimate() ? "estimate" : "source", dev.clockBasis()));
        lines.add("device %s DRAM %.1f GB/s (%s): %s".formatted(dev.id(), dev.dramGbps(),
                dev.dramEstimate() ? "estimate" : "source", dev.dramBasis()));
        lines.add("FINN control LUTs and factor: " + FinnModel.quantity("mvau_lut_c0").basis() + "; "
                + FinnModel.quantity("mvau_lut_c1").basis());
        lines.add("block RAM rule: " + FinnModel.bramBasis());
        for (MacPart p : d.unitCost().parts())
            lines.add("part %s (%s): %s; %s".formatted(p.id(), p.entry().estimate() ? "estimate" : "source",
                    p.entry().formula(), p.entry().basis()));
        return lines;
    }
}
