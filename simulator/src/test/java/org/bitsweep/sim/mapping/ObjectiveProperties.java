package org.bitsweep.sim.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.List;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.LayerResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.accelerator.Infeasible;
import org.bitsweep.sim.accelerator.Objective;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.testkit.Case;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/**
 * What each mapper objective promises when the hardware gets better: minimising energy, more DRAM bandwidth never
 * costs energy (every mapping's stalls, and so its leakage, only shrink) and a larger buffer never moves more bytes
 * from DRAM; minimising cycles, more bandwidth never costs cycles.
 */
class ObjectiveProperties {
    static final OperandFormats INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
    static final AsicCostModel NM45 = AsicCostModel.at("45nm");
    static final IntMacPe PE = new IntMacPe(new PeParams(32, Overflow.WRAP));

    record Config(GemmShape shape, int rows, int cols, Dataflow dataflow) {
    }

    static Config config(Case c) {
        return new Config(new GemmShape(c.draw("m", ints(1, 2048)), c.draw("n", ints(1, 2048)),
                c.draw("k", ints(1, 2048))), c.draw("rows", ints(1, 64)), c.draw("cols", ints(1, 64)),
                c.draw("dataflow", oneOf(Dataflow.all())));
    }

    /** The layer, or the try skipped when no tile fits the smaller configuration. */
    static LayerResult run(Case c, Config k, int bufferKib, double gbps, Objective objective) {
        Accelerator acc = Accelerator.of(PE, new SystolicArray(k.rows(), k.cols()), k.dataflow(), bufferKib * 1024L, NM45)
                .withDram(Dram.priced(gbps, NM45)).withObjective(objective);
        try {
            return Simulator.run(acc, List.of(new LayerTrace(new Layer("g", k.shape()), INT8, 8, 8))).layers().get(0);
        } catch (Infeasible e) {
            c.assume(false);
            throw e;
        }
    }

    @Test
    void minimisingEnergyMoreBandwidthNeverCostsEnergy() {
        forAll(2718, 1000, c -> {
            Config k = config(c);
            int kib = c.draw("buffer_kib", ints(1, 512));
            double slow = c.draw("gbps", ints(1, 256));
            double fast = slow * c.draw("factor", ints(2, 16));
            double before = run(c, k, kib, slow, Objective.ENERGY).energy().totalPj();
            double after = run(c, k, kib, fast, Objective.ENERGY).energy().totalPj();
            assertThat(after).isLessThanOrEqualTo(before * (1 + 1e-12));
        });
    }

    @Test
    void minimisingEnergyALargerBufferNeverMovesMoreFromDram() {
        forAll(2718, 1000, c -> {
            Config k = config(c);
            int small = c.draw("buffer_kib", ints(1, 256));
            int large = small * c.draw("factor", ints(2, 16));
            double gbps = c.draw("gbps", ints(1, 512));
            long before = run(c, k, small, gbps, Objective.ENERGY).dramBytes();
            long after = run(c, k, large, gbps, Objective.ENERGY).dramBytes();
            assertThat(after).isLessThanOrEqualTo(before);
        });
    }

    @Test
    void minimisingCyclesMoreBandwidthNeverCostsCycles() {
        forAll(2718, 1000, c -> {
            Config k = config(c);
            int kib = c.draw("buffer_kib", ints(1, 512));
            double slow = c.draw("gbps", ints(1, 256));
            double fast = slow * c.draw("factor", ints(2, 16));
            long before = run(c, k, kib, slow, Objective.CYCLES).cycles();
            long after = run(c, k, kib, fast, Objective.CYCLES).cycles();
            assertThat(after).isLessThanOrEqualTo(before);
        });
    }

    /**
     * Choosing among dataflows gives what mapping each alone and keeping the objective's best gives (the first
     * allowed on a tie): the bound that skips dataflows (stall-free compute cycles, the MACs' energy and that many
     * cycles' leakage) never skips the winner. Also the bound itself: no mapping computes faster than stall-free.
     */
    @Test
    void choosingAmongDataflowsKeepsEachObjectivesBestOfThemAll() {
        forAll(2718, 400, c -> {
            GemmShape shape = new GemmShape(c.draw("m", ints(1, 2048)), c.draw("n", ints(1, 2048)),
                    c.draw("k", ints(1, 2048)));
            SystolicArray array = new SystolicArray(c.draw("rows", ints(1, 64)), c.draw("cols", ints(1, 64)));
            int kib = c.draw("buffer_kib", ints(1, 512));
            double gbps = c.draw("gbps", ints(1, 512));
            Objective objective = c.draw("objective", oneOf(List.of(Objective.values())));
            List<LayerTrace> layer = List.of(new LayerTrace(new Layer("g", shape), INT8, 8, 8));
            Accelerator acc = Accelerator.of(PE, array, Dataflow.OS, kib * 1024L, NM45)
                    .withDram(Dram.priced(gbps, NM45)).withObjective(objective);
            LayerResult best = null;
            for (Dataflow d : Dataflow.all()) {
                LayerResult r;
                try {
                    r = Simulator.run(acc, List.of(d), layer).layers().get(0);
                } catch (Infeasible e) {
                    continue;
                }
                assertThat(r.computeCycles()).as(d.id()).isGreaterThanOrEqualTo(
                        d.computeCycles(shape, array, 1, acc.timing()));
                if (best == null || objective.better(r.cycles(), r.energy().totalPj(), best.cycles(),
                        best.energy().totalPj()))
                    best = r;
            }
            c.assume(best != null);
            LayerResult chosen = Simulator.run(acc, Dataflow.all(), layer).layers().get(0);
            assertThat(chosen.unit()).isEqualTo(best.unit());
            assertThat(chosen.cycles()).isEqualTo(best.cycles());
            assertThat(chosen.energy().totalPj()).isEqualTo(best.energy().totalPj());
        });
    }
}
