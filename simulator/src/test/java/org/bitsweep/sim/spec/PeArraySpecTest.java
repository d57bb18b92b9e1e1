package org.bitsweep.sim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.accelerator.Infeasible;
import org.bitsweep.sim.accelerator.Objective;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.memory.SramPricing;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.WorkloadSpecs;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;
import org.junit.jupiter.api.Test;

/** What a PE array target decides from its knobs: the array an area budget affords, the mapping an objective picks. */
class PeArraySpecTest {
    static final OperandFormats INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
    static final List<LayerTrace> ONE_GEMM = List.of(new LayerTrace(new Layer("g", new GemmShape(8, 8, 8)), INT8, 8, 8));

    /** An int-mac array of the given shape with a 32-bit accumulator; Horowitz's SRAM, which prices no area. */
    static KnobValues intMac(String array) {
        return new KnobValues().put(PeArraySpec.PE, "int-mac")
                .put(PeArraySpec.ARRAY_KNOB, SystolicArray.parse("array", array))
                .put(PeArraySpec.ACCUMULATOR_BITS, OptionalInt.of(32)).put(PeArraySpec.SRAM, SramPricing.HOROWITZ)
                .put(PeArraySpec.DATAFLOW, DataflowChoice.of(Dataflow.OS));
    }

    static SystolicArray within(String array, double mm2) {
        PeArraySpec spec = PeArraySpec.from(intMac(array).put(PeArraySpec.AREA_BUDGET_MM2, OptionalDouble.of(mm2)));
        return spec.accelerator(ONE_GEMM).array();
    }

    @Test
    void anAreaBudgetBuysTheLargestArrayOfTheGivenShape() {
        // One int8 × int8 int-mac PE at 45 nm: an 8×8 multiplier 282 µm², a 32-bit adder 137 µm² and 32 + 8 + 8
        // register bits at 5.98 µm², 706.04 µm²; and, the weights having one scale per output channel, one rescale
        // unit per column: an 11 × 32 multiplier, a 43-bit shifter and a 32-bit register, 1,930.076666 µm² (the
        // figures SimulatorTest derives). A 2:1 shape, 2k × k, takes 2k² · 706.04 + k · 1,930.076666 µm²: k = 7 takes
        // 82,702.456663 µm², k = 8 105,813.733329. So 0.1 mm² buys 14×7.
        assertThat(within("2x1", 0.1)).isEqualTo(new SystolicArray(14, 7));
        // The shape is the ratio: 4×2 and 2×1 are one family.
        assertThat(within("4x2", 0.1)).isEqualTo(new SystolicArray(14, 7));
        // The budget is inclusive: 14×7's area buys it; a µm² less buys 12×6 (62,415.339997 µm²).
        assertThat(within("2x1", 0.08270245666275)).isEqualTo(new SystolicArray(14, 7));
        assertThat(within("2x1", 0.08270145666275)).isEqualTo(new SystolicArray(12, 6));
        // A square family at the same budget: k² · 706.04 + k · 1,930.076666 ≤ 100,000 gives k = 10 (89,904.77 µm²;
        // 11 takes 106,661.68).
        assertThat(within("1x1", 0.1)).isEqualTo(new SystolicArray(10, 10));
        // Not even 2×1 (3,342.156666 µm²) fits 0.001 mm²: the point cannot run.
        assertThatThrownBy(() -> within("2x1", 0.001)).isInstanceOf(Infeasible.class)
                .hasMessage("no 2x1 array fits 0.001 mm²: the smallest of its shape takes 0.00334216 mm² (PEs, dequantizers, "
                        + "buffers and any attention unit)")
                .extracting(e -> ((Infeasible) e).category()).isEqualTo(Infeasible.AREA_BUDGET);
    }

    /**
     * MixPE's W4A16 with attention forced onto the array: shift-add runs int4 × fp16 with a 44-bit accumulator (its
     * refusal at 32 bits says a product needs 44), but no width lets it take the fp16 KV cache as its
     * weight operand. Auto then sizes the accumulator for the linear layers, so the refusal names the attention layer
     * (blocks.0.attn.qk, the first of the trace's attention GEMMs), not q_proj, which 44 bits run.
     */
    @Test
    void attentionNoWidthRunsIsRefusedAtTheAttentionLayerNotAtALinearOne() {
        Trace decode = Trace.of(WorkloadSpecs.resolve("llama-2-7b:decode", Path.of(".")),
                OperandFormats.of(IntFormat.signed(4), org.bitsweep.workloads.format.Formats.parse("fp16")),
                org.bitsweep.workloads.format.Formats.parse("fp16"), Granularity.group(128));
        PeArraySpec spec = PeArraySpec.from(new KnobValues().put(PeArraySpec.PE, "shift-add")
                .put(PeArraySpec.ATTENTION, AttentionPlacement.ARRAY));
        assertThat(spec.accumulatorBitsOn(decode.layers())).isEqualTo(44);
        assertThatThrownBy(() -> spec.run(decode.layers())).isInstanceOf(Infeasible.class)
                .hasMessageStartingWith("layer blocks.0.attn.qk: ")
                .extracting(e -> ((Infeasible) e).category()).isEqualTo(Infeasible.FORMAT_REFUSED);
    }

    /**
     * The prefill of the LLM-modelling issue: LLaMA-2-7B over a 512-token prompt, int8 on a 64×64 int-mac array with
     * 256 KiB buffers. Mapped for the fewest cycles, 8× the DRAM bandwidth buys mappings that re-fetch operands: a
     * little faster, far more traffic and energy. Mapped for energy, or for energy × delay, it never costs energy.
     */
    @Test
    void moreBandwidthNeverCostsEnergyWhenTheMapperWeighsEnergy() {
        Trace prefill = Trace.of(WorkloadSpecs.resolve("llama-2-7b:prefill:512", Path.of(".")), INT8,
                IntFormat.signed(8), Granularity.parse("tensor"));
        SimResult[][] r = new SimResult[Objective.values().length][];
        for (Objective o : Objective.values())
            r[o.ordinal()] = new SimResult[] {prefill(prefill, o, 64), prefill(prefill, o, 512)};
        SimResult[] cycles = r[Objective.CYCLES.ordinal()];
        assertThat(cycles[1].cycles()).isLessThan(cycles[0].cycles());
        assertThat(cycles[1].dramBytes()).isGreaterThan(2 * cycles[0].dramBytes());
        assertThat(cycles[1].energy().totalPj()).isGreaterThan(1.5 * cycles[0].energy().totalPj());
        for (Objective o : List.of(Objective.ENERGY, Objective.EDP)) {
            SimResult[] e = r[o.ordinal()];
            assertThat(e[1].energy().totalPj()).as(o.id()).isLessThanOrEqualTo(e[0].energy().totalPj());
            assertThat(e[1].cycles()).as(o.id()).isLessThanOrEqualTo(e[0].cycles());
            assertThat(e[1].energy().totalPj()).as(o.id()).isLessThan(cycles[1].energy().totalPj());
        }
    }

    static SimResult prefill(Trace t, Objective o, double gbps) {
        return PeArraySpec.from(intMac("64x64").put(PeArraySpec.OBJECTIVE, o)
                .put(PeArraySpec.DRAM_GBPS, OptionalDouble.of(gbps))).run(t.layers());
    }
}
