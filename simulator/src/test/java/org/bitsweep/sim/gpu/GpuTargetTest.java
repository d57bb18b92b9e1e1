package org.bitsweep.sim.gpu;

import org.bitsweep.sim.gpu.target.GpuKernels;
import org.bitsweep.sim.gpu.target.GpuTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;
import org.junit.jupiter.api.Test;

class GpuTargetTest {
    static final GemmShape SQUARE = new GemmShape(16, 4096, 4096);

    @Test
    void fp8OnA100IsRefusedWithWhatA100Runs() {
        GemmOperands fp8 = GemmOperands.of(Formats.parse("fp8-e4m3"), Formats.parse("fp8-e4m3"), GemmOperands.PER_CHANNEL);
        assertThatThrownBy(() -> GpuTarget.of("a100-40gb", "dense-mma").gemm(SQUARE, fp8))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("kernel dense-mma cannot run w:fp8-e4m3 a:fp8-e4m3 on a100-40gb: a100-40gb has no fp8 tensor cores")
                .hasMessageContaining("a100-40gb has tensor types fp16, bf16, tf32, int8, int4, binary")
                .hasMessageContaining("dense-mma (w and a both fp16, bf16, int8, int4)")
                .hasMessageContaining("abq-binary (");
    }

    @Test
    void int4AndBinaryMmaAreRefusedOnHopper() {
        GemmOperands int4 = GemmOperands.of(IntFormat.signed(4), IntFormat.signed(4), GemmOperands.PER_CHANNEL);
        assertThatThrownBy(() -> GpuTarget.of("h100-sxm", "dense-mma").gemm(SQUARE, int4))
                .isInstanceOf(UserInputException.class).hasMessageContaining("h100-sxm has no int4 tensor cores")
                .hasMessageContaining("dense-mma (w and a both fp16, bf16, fp8-e4m3, fp8-e5m2, int8)")
                .hasMessageNotContaining("abq-binary (");
        GemmOperands w2a8 = GemmOperands.of(IntFormat.signed(2), IntFormat.signed(8), GemmOperands.PER_CHANNEL);
        assertThatThrownBy(() -> GpuTarget.of("h100-sxm", "abq-binary").gemm(SQUARE, w2a8))
                .isInstanceOf(UserInputException.class).hasMessageContaining("no binary (mma .b1 .and.popc) tensor cores");
        assertThatThrownBy(() -> GpuTarget.of("rtx-4090", "abq-binary").gemm(SQUARE, w2a8))
                .isInstanceOf(UserInputException.class);
    }

    @Test
    void unknownGpusAndKernelsListTheValidNames() {
        assertThatThrownBy(() -> Gpu.byId("a100")).isInstanceOf(UserInputException.class)
                .hasMessage("unknown GPU \"a100\"; valid: a100-40gb, a100-80gb, h100-sxm, rtx-4090, l40s, h20");
        assertThatThrownBy(() -> GpuKernels.byId("lutgemm")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("valid: dense-mma, weight-only, tc-fpx, qserve-w4a8, atom-w4a4, abq-binary, lut-gemm, llm-int8");
    }

    @Test
    void eachPairOfFormatsHasADefaultKernel() {
        Gpu a100 = Gpu.byId("a100-40gb");
        assertThat(GpuKernels.defaultFor(a100, GemmOperands.of(IntFormat.signed(4), Formats.parse("fp16"), 128)).id())
                .isEqualTo("weight-only");
        assertThat(GpuKernels.defaultFor(a100, GemmOperands.of(IntFormat.signed(4), IntFormat.signed(8), 128)).id())
                .isEqualTo("qserve-w4a8");
        assertThat(GpuKernels.defaultFor(a100, GemmOperands.of(IntFormat.signed(4), IntFormat.signed(4), 128)).id())
                .isEqualTo("atom-w4a4");
        assertThat(GpuKernels.defaultFor(a100, GemmOperands.of(IntFormat.signed(3), IntFormat.signed(8), 128)).id())
                .isEqualTo("abq-binary");
        assertThat(GpuKernels.defaultFor(a100, GemmOperands.of(Formats.parse("fp6-e3m2"), Formats.parse("fp16"), 0)).id())
                .isEqualTo("tc-fpx");
        assertThat(GpuKernels.defaultFor(a100, GemmOperands.of(IntFormat.signed(6), Formats.parse("fp16"), 128)).id())
                .isEqualTo("lut-gemm");
    }

    /**
     * The weight-only kernel repeats its dequantization for every tile that reads a weight: at 16 tokens one m-tile
     * reads each weight once; at 2048 tokens, 16 m-tiles read it 16 times, so the CUDA-core time grows 16-fold.
     */
    @Test
    void weightOnlyDequantizationRepeatsPerMTile() {
        GpuTarget t = GpuTarget.of("a100-40gb", "weight-only");
        GemmOperands w4 = GemmOperands.of(IntFormat.signed(4), Formats.parse("fp16"), 128);
        GemmResult small = t.gemm(new GemmShape(128, 4096, 4096), w4);
        GemmResult large = t.gemm(new GemmShape(2048, 4096, 4096), w4);
        double perWeight = 0.625 + 0.5 + 0.5;   // int lanes + f16x2 lanes of the int4 converter and the group scale
        assertThat(small.launches().get(0).launch().tiles().mTiles()).isEqualTo(1);
        assertThat(large.launches().get(0).launch().tiles().mTiles()).isEqualTo(16);
        assertThat(large.launches().get(0).launch().cudaPerTile().issueLanes()).isGreaterThan(perWeight * 4096 * 64);
    }

    /**
     * LLaMA-2-7B decode (289 layers) on an A100 with 4-bit weights in groups of 128: the run is the sum of its layers,
     * attention layers run dense FP16 whatever the weight kernel, and identical layers share one result.
     */
    @Test
    void aTraceRunSumsItsLayers() {
        Workload w = ModelZoo.bundled().workload("llama-2-7b:decode");
        Trace trace = Trace.uniform(w, OperandFormats.of(IntFormat.signed(4), Formats.parse("fp16")), new Granularity.PerGroup(128));
        GpuTarget target = GpuTarget.of("a100-40gb", "weight-only");
        GpuRunResult run = target.run(trace, 128);
        assertThat(run.layers()).hasSize(trace.layers().size());
        double sum = run.layers().stream().mapToDouble(l -> l.result().seconds()).sum();
        assertThat(run.seconds()).isCloseTo(sum, within(sum * 1e-12));
        assertThat(run.layers().stream().filter(l -> l.name().endsWith("attn.qk")).map(GpuLayerResult::kernel).distinct().toList())
                .isEqualTo(List.of("dense-mma"));
        assertThat(run.layers().get(0).result()).isSameAs(run.layers().get(10).result());
        assertThat(run.bound()).isEqualTo(GpuResource.DRAM);
        // 4-bit weights are at least 6.74e9 / 2 bytes: the run cannot be faster than reading them once at 1555 GB/s.
        assertThat(run.seconds()).isGreaterThan(6.74e9 / 2 / 1555e9);
        assertThat(run.columns().get("cycles")).isEqualTo(run.cycles());
    }

    @Test
    void aLayerTheNamedKernelCannotRunNamesTheLayer() {
        Workload w = ModelZoo.bundled().workload("llama-2-7b:decode");
        Trace trace = Trace.uniform(w, OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8)), Granularity.channel(0));
        assertThatThrownBy(() -> GpuTarget.of("a100-40gb", "weight-only").run(trace, 0))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("layer blocks.0.attn.q_proj: kernel weight-only");
    }
}
