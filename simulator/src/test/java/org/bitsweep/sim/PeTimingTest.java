package org.bitsweep.sim;

import org.bitsweep.sim.accelerator.Accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Inventory;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** The PE's timing enters only through cycles per MAC (a mean where values decide it) and lanes. */
class PeTimingTest {
    static final OperandFormats INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));

    /** An INT-MAC that takes 2 cycles per MAC at worst, 1.5 on average, on 4 lanes (a 4-wide dot product). */
    static final class FourLanes implements PeModel {
        final IntMacPe mac = new IntMacPe(new PeParams(32, Overflow.WRAP));

        @Override
        public String id() {
            return "four-lanes";
        }

        @Override
        public boolean supports(OperandFormats f) {
            return mac.supports(f);
        }

        @Override
        public String unsupportedReason(OperandFormats f) {
            return mac.unsupportedReason(f);
        }

        @Override
        public String supportedFormats() {
            return mac.supportedFormats();
        }

        @Override
        public long cyclesPerMac(OperandFormats f, LayerTrace t) {
            return 2;
        }

        @Override
        public double meanCyclesPerMac(OperandFormats f, LayerTrace t) {
            return 1.5;
        }

        @Override
        public int lanes() {
            return 4;
        }

        @Override
        public Activity activityPerMac(OperandFormats f, LayerTrace t) {
            return mac.activityPerMac(f, t);
        }

        @Override
        public Inventory inventory(OperandFormats f) {
            return mac.inventory(f);
        }

        @Override
        public MacArithmetic arithmetic(OperandFormats f) {
            return mac.arithmetic(f);
        }
    }

    static SimResult run(Dataflow df, GemmShape s) {
        Accelerator acc = Accelerator.of(new FourLanes(), new SystolicArray(4, 4), df, 1 << 20, AsicCostModel.at("45nm"));
        return Simulator.run(acc, List.of(new LayerTrace(new Layer("g", s), INT8, 8, 8)));
    }

    @Test
    void lanesShortenTheReductionAndTheMeanSetsTheStream() {
        // Output stationary, 4×4, m = n = 4, k = 64: the stream is ⌈64/4⌉ = 16 steps of 1.5 cycles = 24 cycles;
        // one fold of 2·4 + 4 + 24 − 2 = 34.
        SimResult os = run(Dataflow.OS, new GemmShape(4, 4, 64));
        assertThat(os.computeCycles()).isEqualTo(34);
        // Weight stationary, m = 8, n = 4, k = 64: a row of PEs holds 4 weights, so a fold covers 4·4 = 16 of k:
        // 4 row folds, each streaming m = 8 rows at 1.5 cycles = 12: 4 × (8 + 4 + 12 − 2) = 88.
        SimResult ws = run(Dataflow.WS, new GemmShape(8, 4, 64));
        assertThat(ws.computeCycles()).isEqualTo(88);
        // Utilization counts lanes: 8·4·64 = 2,048 MACs × 1.5 cycles over cycles × 16 PEs × 4 lanes.
        assertThat(ws.utilization()).isCloseTo(2048 * 1.5 / (ws.cycles() * 16.0 * 4), within(1e-12));
    }
}
