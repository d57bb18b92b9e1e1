package org.bitsweep.sim.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.booleans;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.List;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.LayerResult;
import org.bitsweep.sim.accelerator.Objective;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.testkit.Case;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** Whatever the mapper picks obeys the buffers and moves at least every operand once. */
class MapperProperties {
    static final OperandFormats INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
    static final AsicCostModel NM45 = AsicCostModel.at("45nm");
    static final IntMacPe PE = new IntMacPe(new PeParams(32, Overflow.WRAP));

    /** The layer's result, or the try skipped where the simulator refuses the configuration as a user error. */
    static LayerResult run(Case c, int m, int n, int k, int rows, int cols, Dataflow dataflow, int bufferKib,
                           int gbps, boolean energy) {
        Accelerator acc = Accelerator.of(PE, new SystolicArray(rows, cols), dataflow, bufferKib * 1024L, NM45)
                .withDram(Dram.priced(gbps, NM45)).withObjective(energy ? Objective.ENERGY : Objective.CYCLES);
        try {
            return Simulator.run(acc, List.of(new LayerTrace(new Layer("g", new GemmShape(m, n, k)), INT8, 8, 8)))
                    .layers().get(0);
        } catch (UserInputException e) {
            c.assume(false);
            throw e;
        }
    }

    @Test
    void theChosenTilesFitTwiceInTheirBuffersAndEveryOperandMovesAtLeastOnce() {
        forAll(1729, 1500, c -> {
            int m = c.draw("m", ints(1, 3000));
            int n = c.draw("n", ints(1, 3000));
            int k = c.draw("k", ints(1, 3000));
            int rows = c.draw("rows", ints(1, 64));
            int cols = c.draw("cols", ints(1, 64));
            Dataflow df = c.draw("dataflow", oneOf(Dataflow.all()));
            int bufferKib = c.draw("bufferKib", ints(1, 512));
            int gbps = c.draw("gbps", ints(1, 256));
            boolean energy = c.draw("energy", booleans());
            LayerResult r = run(c, m, n, k, rows, cols, df, bufferKib, gbps, energy);
            Mapping p = r.mapping();
            long bytes = bufferKib * 1024L;
            int outputBits = df.accumulatesInOutputBuffer() || p.visits() > 1 ? 32 : 8;
            assertThat(2 * p.tileM() * p.tileK()).as("activation tile, %s", p).isLessThanOrEqualTo(bytes);
            assertThat(2 * p.tileK() * p.tileN()).as("weight tile, %s", p).isLessThanOrEqualTo(bytes);
            assertThat(2 * p.tileM() * p.tileN() * outputBits / 8).as("output tile, %s", p)
                    .isLessThanOrEqualTo(bytes);
            assertThat(p.activationDramBits()).as("activation DRAM bits").isGreaterThanOrEqualTo(8.0 * m * k);
            assertThat(p.weightDramBits()).as("weight DRAM bits").isGreaterThanOrEqualTo(8.0 * k * n);
            assertThat(p.outputDramWriteBits()).as("output DRAM bits").isGreaterThanOrEqualTo(8.0 * m * n);
        });
    }

    @Test
    void aLayerTakesAtLeastItsComputeAndItsTrafficAndComputeIsTheDataflowsUnlessFoldsRevisit() {
        forAll(1729, 1500, c -> {
            int m = c.draw("m", ints(1, 3000));
            int n = c.draw("n", ints(1, 3000));
            int k = c.draw("k", ints(1, 3000));
            int rows = c.draw("rows", ints(1, 64));
            int cols = c.draw("cols", ints(1, 64));
            Dataflow df = c.draw("dataflow", oneOf(Dataflow.all()));
            int bufferKib = c.draw("bufferKib", ints(1, 512));
            int gbps = c.draw("gbps", ints(1, 256));
            LayerResult r = run(c, m, n, k, rows, cols, df, bufferKib, gbps, false);
            long dataflowCycles = df.computeCycles(new GemmShape(m, n, k), new SystolicArray(rows, cols), 1,
                    Timing.BITSWEEP);
            if (r.mapping().visits() == 1)
                assertThat(r.computeCycles()).as("compute cycles, one visit").isEqualTo(dataflowCycles);
            else if (Dataflow.systolic().contains(df))
                assertThat(r.computeCycles()).as("compute cycles, %d visits", r.mapping().visits())
                        .isGreaterThan(dataflowCycles);
            else                // dot-product lanes have no fill or drain: a revisit costs no cycles
                assertThat(r.computeCycles()).as("compute cycles, %d visits", r.mapping().visits())
                        .isEqualTo(dataflowCycles);
            assertThat(r.cycles()).as("cycles vs compute").isGreaterThanOrEqualTo(r.computeCycles());
            assertThat(r.cycles()).as("cycles vs memory").isGreaterThanOrEqualTo(r.memoryCycles() - 1);
        });
    }
}
