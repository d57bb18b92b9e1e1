package org.bitsweep.sim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.GpuRunResult;
import org.bitsweep.sim.gpu.target.GpuTarget;
import org.bitsweep.sim.target.MetricColumn;
import org.bitsweep.sim.target.TargetResult;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.LayerClass;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.OutlierColumns;
import org.junit.jupiter.api.Test;

/** A GPU as a sweep file or simulate names it: its knobs, its refusals and the columns of its run. */
class GpuSpecTest {
    static final OperandFormats FP16 = OperandFormats.of(Formats.parse("fp16"), Formats.parse("fp16"));

    static List<LayerTrace> one(GemmShape s, OperandFormats f) {
        return List.of(new LayerTrace(new Layer("fc", s, 1, LayerClass.LINEAR), f, f.weight().bits(),
                f.activation().bits()));
    }

    static GpuSpec spec(String gpu, String kernel) {
        KnobValues v = new KnobValues().put(GpuSpec.GPU, GpuSpec.GPU.parse(gpu));
        if (kernel != null)
            v.put(GpuSpec.KERNEL, GpuSpec.KERNEL.parse(kernel));
        return GpuSpec.from(v);
    }

    static Object column(List<MetricColumn> metrics, String name, TargetResult r) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value(r);
    }

    /**
     * GpuRooflineTest's FP16 decode GEMV, 1 × 4096 × 4096 on an A100 40 GB, through the spec: 33,570,816 bytes at
     * 1555 GB/s plus the 1 µs launch; cycles at 1.41 GHz; energy 400 W × that time.
     */
    @Test
    void aDecodeGemvFillsTheColumnsWithTheHandWorkedRoofline() {
        GpuRunResult r = spec("a100-40gb", "dense-mma").run(one(new GemmShape(1, 4096, 4096), FP16));
        double seconds = 33_570_816 / 1555e9 + 1e-6;
        List<MetricColumn> m = TargetKinds.of("gpu").metrics();
        assertThat((double) column(m, "seconds", r)).isCloseTo(seconds, within(1e-12));
        assertThat(column(m, "cycles", r)).isEqualTo((long) Math.ceil(seconds * 1.41e9));
        assertThat((double) column(m, "energy_pj", r)).isCloseTo(400 * seconds * 1e12, within(1e-3));
        assertThat(column(m, "dram_bytes", r)).isEqualTo(33_570_816L);
        assertThat((double) column(m, "dram_seconds", r)).isCloseTo(33_570_816 / 1555e9, within(1e-15));
        assertThat((double) column(m, "launch_seconds", r)).isCloseTo(1e-6, within(1e-15));
        assertThat(column(m, "macs", r)).isEqualTo(4096L * 4096);
        assertThat(column(m, "kernels_run", r)).isEqualTo("dense-mma");
        assertThat(r.boundId()).isEqualTo("dram");
    }

    @Test
    void autoRunsEachPairOfFormatsWithItsDefaultKernel() {
        GpuSpec auto = spec("a100-80gb", null);
        assertThat(auto.kernel()).isEqualTo("auto");
        OperandFormats w4a16 = OperandFormats.of(IntFormat.signed(4), Formats.parse("fp16"));
        assertThat(auto.run(one(new GemmShape(1, 4096, 4096), w4a16)).kernelsRun()).isEqualTo("weight-only");
        OperandFormats w4a8 = OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8));
        assertThat(auto.run(one(new GemmShape(1, 4096, 4096), w4a8)).kernelsRun()).isEqualTo("qserve-w4a8");
    }

    /** LLM.int8() runs the share of k the trace marks as outlier columns in FP16, not the default 0.1 %. */
    @Test
    void aTracesOutlierColumnsSetLlmInt8sFp16Share() {
        GemmShape s = new GemmShape(16, 4096, 4096);
        OperandFormats w8a16 = OperandFormats.of(IntFormat.signed(8), Formats.parse("fp16"));
        LayerTrace plain = one(s, w8a16).get(0);
        LayerTrace outliers = plain.withOutliers(new OutlierColumns(410, 4096, 6.0, Formats.parse("fp16")));
        GpuSpec llmInt8 = spec("a100-40gb", "llm-int8");
        double expected = GpuTarget.of("a100-40gb", "llm-int8").gemm(s, GemmOperands.of(w8a16, 0)
                .withOutlierFraction(410 / 4096.0)).seconds();
        assertThat(llmInt8.run(List.of(outliers)).seconds()).isCloseTo(expected, within(1e-15));
        assertThat(llmInt8.run(List.of(outliers)).seconds()).isGreaterThan(llmInt8.run(List.of(plain)).seconds());
    }

    @Test
    void aKernelTheGpuCannotRunIsBlamedOnTheKernelWithWhatTheGpuRuns() {
        OperandFormats fp8 = OperandFormats.of(Formats.parse("fp8-e4m3"), Formats.parse("fp8-e4m3"));
        TargetSpec.Unsupported u = spec("a100-40gb", "dense-mma").unsupported(fp8).orElseThrow();
        assertThat(u.knob()).isSameAs(GpuSpec.KERNEL);
        assertThat(u.message()).contains("kernel dense-mma cannot run w:fp8-e4m3 a:fp8-e4m3 on a100-40gb",
                "a100-40gb has tensor types fp16, bf16, tf32, int8, int4, binary and runs: dense-mma (");
        assertThat(spec("h100-sxm", "dense-mma").unsupported(fp8)).isEmpty();
        assertThat(spec("h100-sxm", "abq-binary").unsupported(OperandFormats.of(IntFormat.signed(2),
                IntFormat.signed(8))).orElseThrow().message()).contains("no binary");
    }

    @Test
    void aPairNoKernelRunsIsBlamedOnTheGpuWhenTheKernelIsAuto() {
        OperandFormats w4a4 = OperandFormats.of(IntFormat.signed(4), IntFormat.signed(4));
        TargetSpec.Unsupported u = spec("h100-sxm", "auto").unsupported(w4a4).orElseThrow();
        assertThat(u.knob()).isSameAs(GpuSpec.GPU);
        assertThat(u.message()).startsWith("no GPU kernel runs w:int4 a:int4 on h100-sxm; h100-sxm has tensor types");
        assertThat(spec("a100-40gb", "auto").unsupported(w4a4)).isEmpty();
    }

    @Test
    void knobsSayWhatIsValid() {
        assertThatThrownBy(() -> GpuSpec.GPU.parse("a100")).isInstanceOf(UserInputException.class)
                .hasMessage("unknown GPU \"a100\"; valid: a100-40gb, a100-80gb, h100-sxm, rtx-4090, l40s, h20");
        assertThatThrownBy(() -> GpuSpec.KERNEL.parse("lut-gem")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("valid: auto, dense-mma, weight-only").hasMessageEndingWith("(did you mean lut-gemm?)");
        assertThatThrownBy(() -> GpuSpec.from(new KnobValues())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("gpu is required");
        GpuSpec s = spec("H100-SXM", "Weight-Only");
        assertThat(s.text("gpu")).isEqualTo("h100-sxm");
        assertThat(s.text("kernel")).isEqualTo("weight-only");
        assertThat(s.number("gpu")).isNaN();
    }
}
