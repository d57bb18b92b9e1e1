package org.bitsweep.sim.fpga;

import java.util.List;

import org.bitsweep.cost.fpga.FpgaResources;
import org.bitsweep.cost.fpga.Resource;
import org.bitsweep.sim.Bound;
import org.bitsweep.sim.target.TargetResult;

/**
 * A whole trace on an FPGA accelerator; its layers run one after another.
 *
 * @param design           the accelerator as sized: units, resources, clock, memories
 * @param seconds          the trace's latency: its cycles at the clock
 * @param macsPerSecond    achieved throughput, MACs over seconds
 * @param bound            memory when the DRAM traffic alone takes longer than the compute, over the whole trace
 * @param sources          where every number behind the result came from, one line each
 */
public record FpgaSimResult(FpgaDesign design, long cycles, long computeCycles, long memoryCycles, long macs,
                            double seconds, double macsPerSecond, Bound bound, long dramBytes, double utilization,
                            List<FpgaLayerResult> layers, List<String> sources) implements TargetResult {
    public FpgaSimResult {
        layers = List.copyOf(layers);
        sources = List.copyOf(sources);
    }

    /** Compute or memory: which of the two sets the trace's time. */
    @Override
    public String boundId() {
        return bound.id();
    }

    public long units() {
        return design.units();
    }

    /** The resource one more unit would overrun first, as results name it: lut, ff, dsp, bram or uram. */
    public String boundBy() {
        return design.boundBy() == null ? "none" : design.boundBy().id();
    }

    public FpgaResources resources() {
        return design.used();
    }

    public double fractionOfDevice(Resource r) {
        return design.fractionOfDevice(r);
    }
}
