package org.bitsweep.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Component;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.PeModel;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Runs a trace on an accelerator layer by layer. Layers with the same shape and operand bits cost the same, so each
 * distinct one is computed once per run (LLaMA-2-7B's 224 projections have three distinct shapes).
 */
public final class Simulator {
    private Simulator() {
    }

    public static SimResult run(Accelerator acc, List<LayerTrace> layers) {
        if (layers.isEmpty())
            throw new IllegalArgumentException("empty trace");
        PeModel pe = acc.pe();
        OutputStationaryArray array = acc.array();
        Map<LayerKey, LayerResult> distinct = new HashMap<>();
        List<LayerResult> results = new ArrayList<>(layers.size());
        long cycles = 0;
        long macs = 0;
        double busyPeCycles = 0;
        EnergyBreakdown energy = EnergyBreakdown.ZERO;
        for (LayerTrace t : layers) {
            LayerKey key = new LayerKey(t.layer().shape(), t.formats(), t.weightBitsPerElement(),
                    t.activationBitsPerElement());
            LayerResult once = distinct.computeIfAbsent(key, k -> simulate(acc, t));
            // A layer of count GEMMs (the heads of attention) runs them one after another on the array.
            long count = t.layer().count();
            LayerResult r = new LayerResult(t.layer().name(), once.shape(), Math.multiplyExact(once.cycles(), count),
                    Math.multiplyExact(once.macs(), count), once.energy().times(count), once.utilization());
            results.add(r);
            cycles = Math.addExact(cycles, r.cycles());
            macs = Math.addExact(macs, r.macs());
            busyPeCycles += r.utilization() * r.cycles() * array.pes();
            energy = energy.plus(r.energy());
        }
        // One array runs every layer, so each PE is built for the widest pair of operand formats the trace uses
        // (attention multiplies activations by the KV cache, which may be wider than the weights).
        double peAreaUm2 = layers.stream().map(LayerTrace::formats).distinct()
                .mapToDouble(f -> acc.cost().areaUm2(pe.inventory(f))).max().orElseThrow();
        double areaUm2 = array.pes() * peAreaUm2;
        double seconds = cycles / (acc.clockMhz() * 1e6);
        return new SimResult(cycles, macs, seconds, energy, areaUm2, busyPeCycles / ((double) cycles * array.pes()),
                results);
    }

    private static LayerResult simulate(Accelerator acc, LayerTrace t) {
        PeModel pe = acc.pe();
        OperandFormats f = t.formats();
        if (!pe.supports(f))
            throw new UserInputException("layer %s: %s".formatted(t.layer().name(), pe.unsupportedReason(f)));
        GemmShape s = t.layer().shape();
        OutputStationaryArray array = acc.array();
        long cyclesPerMac = pe.cyclesPerMac(f, t);
        long cycles = array.cycles(s, cyclesPerMac);

        AsicCostModel cost = acc.cost();
        Activity perMac = pe.activityPerMac(f, t);
        double macPj = 0;
        double registerPj = 0;
        for (Map.Entry<Part, Double> e : perMac.counts().entrySet()) {
            double pj = e.getValue() * cost.energyPj(e.getKey());
            if (e.getKey().component() == Component.REGISTER)
                registerPj += pj;
            else
                macPj += pj;
        }
        double pjPerSramBit = cost.energyPj(Part.sramRead(acc.bufferBytes())) / cost.sramAccessBits();
        double weightBits = array.weightReads(s) * t.weightBitsPerElement();
        double activationBits = array.activationReads(s) * t.activationBitsPerElement();
        long macs = s.macs();
        EnergyBreakdown energy = new EnergyBreakdown(macs * macPj, macs * registerPj, weightBits * pjPerSramBit,
                activationBits * pjPerSramBit);
        double utilization = (double) macs * cyclesPerMac / ((double) cycles * array.pes());
        return new LayerResult(t.layer().name(), s, cycles, macs, energy, utilization);
    }

    private record LayerKey(GemmShape shape, OperandFormats formats, double weightBits, double activationBits) {
    }
}
