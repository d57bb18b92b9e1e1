package org.bitsweep.sim;

import org.bitsweep.sim.accelerator.Accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;
import org.junit.jupiter.api.Test;

/** LLaMA-2-7B on a 32×32 INT-MAC array at 1 GHz: decode is set by DRAM, prefill by the PEs. */
class WorkloadBoundTest {
    static final AsicCostModel NM45 = AsicCostModel.at("45nm");
    static final IntMacPe PE = new IntMacPe(new PeParams(32, Overflow.WRAP));

    static Trace trace(String workload, int weightBits, Granularity g) {
        return Trace.uniform(ModelZoo.bundled().workload(workload),
                OperandFormats.of(IntFormat.signed(weightBits), IntFormat.signed(8)), g);
    }

    static Accelerator array(long bufferBytes, double dramGbps) {
        return Accelerator.of(PE, new SystolicArray(32, 32), Dataflow.OS, bufferBytes, NM45)
                .withDram(Dram.priced(dramGbps, NM45));
    }

    @Test
    void decodeAtBatchOneIsSetByDramAndFourBitWeightsSpeedItUpByTheRatioOfBytes() {
        // Bytes one decode step moves (context 2,048, KV cache in the int8 activation format):
        //   weights: 32 blocks × (4·4096² + 3·4096·11008) + LM head 32000·4096 = 6,476,005,376 + 131,072,000
        //            = 6,607,077,376; at 16 bits 13,214,154,752 B, at 4 + 16/128 = 4.125 bits 3,406,774,272 B;
        //   KV cache: 32 blocks × 32 heads × 2 (K and V) × 2048 × 128 × 1 B = 536,870,912 B;
        //   activations and outputs: m = 1, a few MB.
        // So ≈ 13.751 GB against ≈ 3.944 GB, a ratio of ≈ 3.487 (not 16/4.125 = 3.88: the KV cache does not shrink).
        // At 8 GB/s and 1 GHz (8 B per cycle) that is ≈ 1.72e9 and ≈ 4.93e8 cycles of DRAM, against ≈ 2.3e8 cycles of
        // compute (an m = 1 GEMM uses one row of the array: ≈ 6.6e9 + 0.5e9 MACs / 32 per cycle, plus fill).
        Accelerator acc = array(256 * 1024, 8);
        SimResult w16 = Simulator.run(acc, trace("llama-2-7b:decode", 16, Granularity.parse("tensor")).layers());
        SimResult w4 = Simulator.run(acc, trace("llama-2-7b:decode", 4, Granularity.group(128)).layers());

        assertThat(w16.dramBytes()).isCloseTo(13_751_025_664L, within(13_751_025_664L / 100));
        assertThat(w4.dramBytes()).isCloseTo(3_943_645_184L, within(3_943_645_184L / 100));
        for (SimResult r : new SimResult[] {w16, w4}) {
            assertThat(r.bound()).isEqualTo(Bound.MEMORY);
            assertThat(r.memoryCycles()).isGreaterThan(2 * r.computeCycles());
            // Set by the DRAM: the run takes the traffic's time and hardly more.
            assertThat((double) r.cycles()).isCloseTo(r.memoryCycles(), within(0.02 * r.memoryCycles()));
        }
        double speedup = (double) w16.cycles() / w4.cycles();
        double bytesRatio = (double) w16.dramBytes() / w4.dramBytes();
        assertThat(bytesRatio).isCloseTo(3.487, within(0.03));
        assertThat(speedup).isCloseTo(bytesRatio, within(0.02 * bytesRatio));

        // Twice the bandwidth, half the time.
        SimResult fast = Simulator.run(array(256 * 1024, 16), trace("llama-2-7b:decode", 16,
                Granularity.parse("tensor")).layers());
        assertThat((double) w16.cycles() / fast.cycles()).isCloseTo(2, within(0.05));
    }

    @Test
    void prefillIsSetByThePeCycles() {
        // Prefill of 2,048 tokens, int8 × int8, 1 MiB buffers, 64 GB/s. q_proj is 2048×4096×4096: on 32×32 output
        // stationary 64 row folds × 128 column folds = 8,192 folds of 2·32 + 32 + 4,096 − 2 = 4,190 cycles
        // = 34,324,480 compute cycles. Even the plainest mapping that fits, 32 × 4,096 int8 tiles of A and of B
        // (128 KiB, two of each in 1 MiB), streams each fold's whole reduction and moves A once (8.4 MB) and B once
        // per row fold (64 × 16.8 MB = 1.07 GB): 16.8e6 cycles at 64 B per cycle, half the compute, hidden under it.
        Trace t = trace("llama-2-7b:prefill:2048", 8, Granularity.parse("tensor"));
        SimResult r = Simulator.run(array(1 << 20, 64), t.layers());
        LayerResult q = r.layers().get(0);
        assertThat(q.name()).isEqualTo("blocks.0.attn.q_proj");
        assertThat(q.computeCycles()).isEqualTo(34_324_480);
        assertThat(q.mapping().visits()).isEqualTo(1);
        assertThat((double) q.cycles()).isCloseTo(q.computeCycles(), within(0.001 * q.computeCycles()));

        assertThat(r.bound()).isEqualTo(Bound.COMPUTE);
        assertThat(r.layers()).allMatch(l -> l.bound() == Bound.COMPUTE);
        assertThat((double) r.cycles()).isCloseTo(r.computeCycles(), within(0.01 * r.computeCycles()));
        // Twice the bandwidth changes nothing that matters.
        SimResult fast = Simulator.run(array(1 << 20, 128), t.layers());
        assertThat((double) fast.cycles()).isCloseTo(r.cycles(), within(0.01 * r.cycles()));
    }
}
