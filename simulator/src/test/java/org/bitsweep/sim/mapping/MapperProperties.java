package org.bitsweep.sim.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.Accelerator;
import org.bitsweep.sim.LayerResult;
import org.bitsweep.sim.Objective;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever the mapper picks obeys the buffers and moves at least every operand once. */
class MapperProperties {
    static final OperandFormats INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
    static final AsicCostModel NM45 = AsicCostModel.at("45nm");
    static final IntMacPe PE = new IntMacPe(new PeParams(32, Overflow.WRAP));

    static LayerResult run(int m, int n, int k, int rows, int cols, int dataflow, int bufferKib, int gbps,
                           boolean energy) {
        Accelerator acc = Accelerator.of(PE, new SystolicArray(rows, cols), Dataflow.all().get(dataflow),
                bufferKib * 1024L, NM45).withDram(Dram.priced(gbps, NM45))
                .withObjective(energy ? Objective.ENERGY : Objective.CYCLES);
        try {
            return Simulator.run(acc, List.of(new LayerTrace(new Layer("g", new GemmShape(m, n, k)), INT8, 8, 8)))
                    .layers().get(0);
        } catch (UserInputException e) {
            Assume.that(false);
            throw e;
        }
    }

    @Property(tries = 1500, seed = "1729")
    void theChosenTilesFitTwiceInTheirBuffersAndEveryOperandMovesAtLeastOnce(
            @ForAll @IntRange(min = 1, max = 3000) int m, @ForAll @IntRange(min = 1, max = 3000) int n,
            @ForAll @IntRange(min = 1, max = 3000) int k, @ForAll @IntRange(min = 1, max = 64) int rows,
            @ForAll @IntRange(min = 1, max = 64) int cols, @ForAll @IntRange(min = 0, max = 2) int dataflow,
            @ForAll @IntRange(min = 1, max = 512) int bufferKib, @ForAll @IntRange(min = 1, max = 256) int gbps,
            @ForAll boolean energy) {
        LayerResult r = run(m, n, k, rows, cols, dataflow, bufferKib, gbps, energy);
        Mapping p = r.mapping();
        long bytes = bufferKib * 1024L;
        Dataflow df = Dataflow.all().get(dataflow);
        int outputBits = df.accumulatesInOutputBuffer() || p.visits() > 1 ? 32 : 8;
        assertThat(2 * p.tileM() * p.tileK()).isLessThanOrEqualTo(bytes);
        assertThat(2 * p.tileK() * p.tileN()).isLessThanOrEqualTo(bytes);
        assertThat(2 * p.tileM() * p.tileN() * outputBits / 8).isLessThanOrEqualTo(bytes);
        assertThat(p.activationDramBits()).isGreaterThanOrEqualTo(8.0 * m * k);
        assertThat(p.weightDramBits()).isGreaterThanOrEqualTo(8.0 * k * n);
        assertThat(p.outputDramWriteBits()).isGreaterThanOrEqualTo(8.0 * m * n);
    }

    @Property(tries = 1500, seed = "1729")
    void aLayerTakesAtLeastItsComputeAndItsTrafficAndComputeIsTheDataflowsUnlessFoldsRevisit(
            @ForAll @IntRange(min = 1, max = 3000) int m, @ForAll @IntRange(min = 1, max = 3000) int n,
            @ForAll @IntRange(min = 1, max = 3000) int k, @ForAll @IntRange(min = 1, max = 64) int rows,
            @ForAll @IntRange(min = 1, max = 64) int cols, @ForAll @IntRange(min = 0, max = 2) int dataflow,
            @ForAll @IntRange(min = 1, max = 512) int bufferKib, @ForAll @IntRange(min = 1, max = 256) int gbps) {
        LayerResult r = run(m, n, k, rows, cols, dataflow, bufferKib, gbps, false);
        Dataflow df = Dataflow.all().get(dataflow);
        long dataflowCycles = df.computeCycles(new GemmShape(m, n, k), new SystolicArray(rows, cols), 1,
                Timing.BITSWEEP);
        if (r.mapping().visits() == 1)
            assertThat(r.computeCycles()).isEqualTo(dataflowCycles);
        else
            assertThat(r.computeCycles()).isGreaterThan(dataflowCycles);
        assertThat(r.cycles()).isGreaterThanOrEqualTo(r.computeCycles());
        assertThat(r.cycles()).isGreaterThanOrEqualTo(r.memoryCycles() - 1);
    }
}
