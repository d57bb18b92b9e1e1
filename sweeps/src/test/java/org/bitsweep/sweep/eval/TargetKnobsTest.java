package org.bitsweep.sweep.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.file.SweepFileReader;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;
import org.junit.jupiter.api.Test;

/** A sweep's dataflow, DRAM bandwidth and timing reach the simulator as `bitsweep simulate` would set them. */
class TargetKnobsTest {
    static final String SWEEP = """
            workload: llama-2-7b:decode
            quantization: {weights: int4, activations: int8, granularity: group:128}
            target:
              array: 16x16
              dataflow: [os, ws, is]
              dram_gbps: [8, 64]
              timing: [bitsweep, scalesim]
            """;

    @Test
    void everyPointSimulatesAsTheSimulatorDoesWithTheSameKnobs() throws Exception {
        SweepFile s = SweepFileReader.read("sweep.yaml", new StringReader(SWEEP));
        DesignSpace space = new DesignSpace(s);
        assertThat(space.size()).isEqualTo(12);
        Evaluator e = new Evaluator(space);
        List<String> header = s.columns().header();
        Trace trace = Trace.uniform(ModelZoo.bundled().workload("llama-2-7b:decode"),
                OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8)), Granularity.group(128));
        AsicCostModel cost = AsicCostModel.at("45nm");
        Map<String, Long> cycles = new HashMap<>();
        for (Iterator<DesignPoint> it = space.points(0); it.hasNext(); ) {
            DesignPoint point = it.next();
            PeArraySpec p = (PeArraySpec) point.target();
            List<Object> row = e.evaluate(point).values();
            Accelerator a = Accelerator.of(new IntMacPe(new PeParams(32, Overflow.WRAP)), p.array(),
                            p.dataflow().only(), 256 * 1024L, cost)
                    .withDram(Dram.priced(p.dramGbps().getAsDouble(), cost)).withTiming(p.timing()).withObjective(p.objective());
            SimResult direct = Simulator.run(a, trace.layers());
            assertThat(row.get(header.indexOf("cycles"))).as("point %d", point.id()).isEqualTo(direct.cycles());
            assertThat(row.get(header.indexOf("compute_cycles"))).isEqualTo(direct.computeCycles());
            assertThat(row.get(header.indexOf("dataflow"))).isEqualTo(p.dataflow().id());
            assertThat(row.get(header.indexOf("timing"))).isEqualTo(p.timing().id());
            assertThat(row.get(header.indexOf("dram_gbps"))).isEqualTo(p.dramGbps().getAsDouble());
            cycles.put(p.dataflow().id() + "/" + p.dramGbps().getAsDouble() + "/" + p.timing().id(),
                    direct.computeCycles());
        }
        // The knobs matter: the dataflows' compute cycles differ on decode's matrix-vector layers.
        assertThat(cycles.get("os/64.0/bitsweep")).isNotEqualTo(cycles.get("ws/64.0/bitsweep"));
        assertThat(cycles.get("ws/64.0/scalesim")).isNotEqualTo(cycles.get("ws/64.0/bitsweep"));
    }
}
