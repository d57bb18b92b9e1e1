package org.bitsweep.sim.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.List;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.LayerResult;
import org.bitsweep.sim.accelerator.Objective;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.GemmDim;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.memory.Buffer;
import org.bitsweep.sim.memory.Buffers;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;
import org.junit.jupiter.api.Test;

class MapperTest {
    static final OperandFormats INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
    static final AsicCostModel NM45 = AsicCostModel.at("45nm");
    static final IntMacPe PE = new IntMacPe(new PeParams(32, Overflow.WRAP));

    static Accelerator os4x4(long activationBytes, long weightBytes, long outputBytes) {
        return Accelerator.of(PE, new SystolicArray(4, 4), Dataflow.OS, 1024, NM45)
                .withBuffers(new Buffers(Buffer.of(weightBytes), Buffer.of(activationBytes), Buffer.of(outputBytes)))
                .withObjective(Objective.ENERGY);
    }

    static Mapping map(Accelerator acc, GemmShape s) {
        return Simulator.run(acc, List.of(new LayerTrace(new Layer("g", s), INT8, 8, 8))).layers().get(0).mapping();
    }

    @Test
    void anOperandIsFetchedOnceWhenItsWholeStripStaysInItsBuffer() {
        // m = n = 8, k = 16, int8, 4×4 output stationary. A is 128 B, B 128 B, C 64 B.
        GemmShape s = new GemmShape(8, 8, 16);
        // With 128-byte A and B buffers, two tiles of a 4 × 16 strip (64 B each) fit, not of an 8 × 16 one: tiles are
        // 4×4×16, 2 × 2 of them. Whichever strip the outer loop holds is read once, the other once per outer trip:
        // 128 + 2 · 128 = 384 B, plus C's 64 = 448 B. (Cutting k into chunks loses that reuse, and putting k outside
        // sends partial sums out and back; the energy objective wants neither.)
        Mapping tight = map(os4x4(128, 128, 128), s);
        assertThat(tight.dramBytes()).isEqualTo(448);
        assertThat(tight.visits()).isEqualTo(1);
        // A 256-byte activation buffer holds two 8 × 16 strips of A: tiles 8×4×16, A read once, and B's two 4-wide
        // strips once each: 128 + 128 + 64 = 320 B, every byte once.
        Mapping roomy = map(os4x4(256, 128, 128), s);
        assertThat(roomy.dramBytes()).isEqualTo(320);
        assertThat(roomy.tile(GemmDim.M)).isEqualTo(8);
        assertThat(roomy.toString()).contains("tile 8x4x16 (m×n×k)");
    }

    @Test
    void aReductionOutsideTheOutputsLoopsSpillsPartialSums() {
        // Weight stationary, 4×4, m = 64, n = 4, k = 8, int8 with 32-bit partial sums. The output buffer (512 B)
        // holds two tiles of at most 16 × 4 partial sums (256 B each), not the 64 × 4 of a whole column: the m loop
        // is cut in chunks of 16, and k (two row folds) either sits inside each chunk (each fold then runs once per
        // chunk: weights reload, fill and drain again) or outside (the partial sums of every chunk go to DRAM and
        // come back). Spilling would move 64·4 outputs × 32 bits × 2 = 2,048 B more; the energy objective keeps
        // the revisits instead, and the only traffic left is every operand once: A 512 + B 32 + C 256 = 800 B.
        Accelerator ws = Accelerator.of(PE, new SystolicArray(4, 4), Dataflow.WS, 1024, NM45)
                .withBuffers(new Buffers(Buffer.of(1024), Buffer.of(1024), Buffer.of(512)))
                .withObjective(Objective.ENERGY);
        Mapping m = map(ws, new GemmShape(64, 4, 8));
        assertThat(m.tile(GemmDim.M)).isEqualTo(16);
        assertThat(m.outputDramReadBits()).isZero();
        assertThat(m.dramBytes()).isEqualTo(800);
        assertThat(m.visits()).isEqualTo(4);
    }

    @Test
    void aDramBoundLayerWaitsForEveryByteItMovesSpilledPartialSumsIncluded() {
        // Found by MapperProperties (a layer took fewer cycles than its own DRAM traffic): the partial sums read back
        // were spread over every load of the outputs, the first included, which reads nothing, so one load's worth
        // of reads was never waited for. Here: output stationary 4×4 at 1 GHz, 1 GB/s (1 byte per cycle), m = 4,
        // n = 8, k = 128, int8, 32-bit partial sums, a 128-byte output buffer (two 4×4 tiles of partial sums). The
        // cycles objective cuts k in two chunks of 64 outside the n loop: 4 steps of 4×4×64, so the 32 outputs go
        // out once as partial sums, come back once, and go out once as int8. Traffic: A 4·128 = 512 B, B 128·8 =
        // 1,024 B, C 32·4 + 32·4 + 32 = 288 B; 1,824 B in all, 1,824 cycles. Every step's loads outlast its compute,
        // so the array waits for all of it, and the compute of only one of the 4 steps is not hidden behind a load
        // (before the fix, 32·4 B / 4 loads = 32 cycles fewer).
        Accelerator os = Accelerator.of(PE, new SystolicArray(4, 4), Dataflow.OS, 1024, NM45)
                .withBuffers(new Buffers(Buffer.of(512), Buffer.of(512), Buffer.of(128)))
                .withDram(Dram.priced(1, NM45)).withObjective(Objective.CYCLES);
        LayerTrace layer = new LayerTrace(new Layer("g", new GemmShape(4, 8, 128)), INT8, 8, 8);
        LayerResult r = Simulator.run(os, List.of(layer)).layers().get(0);
        assertThat(r.mapping().toString()).isEqualTo("k>n>m, tile 4x4x64 (m×n×k), 4 steps, each fold run 2 times");
        assertThat(r.mapping().outputDramReadBits()).isEqualTo(32 * 32);
        assertThat(r.memoryCycles()).isEqualTo(1824);
        assertThat(r.cycles()).isEqualTo(1824 + r.computeCycles() / 4);
    }

    @Test
    void eachDistinctShapeOfAWorkloadIsMappedOnce() {
        // LLaMA-2-7B decode: q, k, v, o (1×4096×4096), gate and up (1×11008×4096), down (1×4096×11008), QKᵀ and A·V
        // (32 heads each) and the LM head: six distinct GEMMs among 32 × 9 + 1 = 289 layers.
        Trace t = Trace.uniform(ModelZoo.bundled().workload("llama-2-7b:decode"), INT8, Granularity.parse("tensor"));
        SimResult r = Simulator.run(Accelerator.of(PE, new SystolicArray(16, 16), Dataflow.WS, 256 * 1024, NM45),
                t.layers());
        IdentityHashMap<Mapping, Boolean> distinct = new IdentityHashMap<>();
        for (LayerResult l : r.layers())
            distinct.put(l.mapping(), true);
        assertThat(r.layers()).hasSize(289);
        assertThat(distinct).hasSize(6);
    }
}
