package org.bitsweep.sim.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.Gpu;
import org.bitsweep.sim.gpu.GpuColumns;
import org.bitsweep.sim.gpu.GpuKernel;
import org.bitsweep.sim.gpu.GpuRunResult;
import org.bitsweep.sim.gpu.target.GpuKernels;
import org.bitsweep.sim.gpu.target.GpuTarget;
import org.bitsweep.sim.spec.Knob.Range;
import org.bitsweep.sim.target.MetricColumn;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A GPU target: one of the GPUs in {@code cost-models/src/main/resources/gpu/} running every GEMM of a trace with one
 * kernel, or with each pair of formats' default kernel ({@code auto}); docs/gpu.md. Everything else the time model
 * needs (SMs, clocks, tensor-core peaks, bandwidth, the launch overhead) is the GPU's data, not a knob.
 *
 * @param gpu    the GPU's id, e.g. {@code h100-sxm}
 * @param kernel a kernel id, or {@link Parsers#AUTO}
 */
public record GpuSpec(String gpu, String kernel) implements TargetSpec {
    public static final String KIND = "gpu";

    public static final Knob<String> GPU = Knob.of("gpu", String.class, null, "ID",
            "gpu: the GPU (cost-models/src/main/resources/gpu/ID.yaml; docs/gpu.md)", String.join(", ", Gpu.ids()),
            Parsers.choice("GPU", Gpu.ids(), id -> id), Range.NONE);
    public static final Knob<String> KERNEL = Knob.of("kernel", String.class, Parsers.AUTO, "NAME",
            "gpu: the kernel every weight GEMM runs; auto: each pair of formats' default (attention always runs its "
                    + "default)", Parsers.AUTO + ", " + String.join(", ", GpuKernels.ids()),
            Parsers.choice("GPU kernel", kernelChoices(), id -> id), Range.NONE);

    /** Every knob of a GPU but {@code kind}. */
    public static final List<Knob<?>> KNOBS = List.of(GPU, KERNEL);

    /** The columns a GPU run fills: {@link GpuColumns}' time, energy and resource columns, then the run's own. */
    public static final List<MetricColumn> METRICS = metrics();

    public GpuSpec {
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(kernel, "kernel");
        if (!Gpu.ids().contains(gpu))
            throw new IllegalArgumentException("unknown GPU " + gpu);
        if (!kernelChoices().contains(kernel))
            throw new IllegalArgumentException("unknown GPU kernel " + kernel);
    }

    /**
     * The spec the given values describe.
     *
     * @throws UserInputException when no GPU is given
     */
    public static GpuSpec from(KnobValues v) {
        String gpu = v.get(GPU);
        if (gpu == null)
            throw new UserInputException("gpu is required; valid: " + GPU.valid());
        return new GpuSpec(gpu, v.get(KERNEL));
    }

    private static List<String> kernelChoices() {
        List<String> ids = new ArrayList<>();
        ids.add(Parsers.AUTO);
        ids.addAll(GpuKernels.ids());
        return ids;
    }

    private static List<MetricColumn> metrics() {
        List<MetricColumn> m = new ArrayList<>(GpuColumns.METRICS);
        m.add(MetricColumn.of(GpuRunResult.class, "macs", "multiply-accumulates of one run", true,
                GpuRunResult::macs));
        m.add(MetricColumn.of(GpuRunResult.class, "separate_seconds", "work the kernels' published timings leave out "
                + "(ABQ-LLM's activation packing), timed apart; not part of seconds", false,
                GpuRunResult::separateSeconds));
        m.add(MetricColumn.text(GpuRunResult.class, "kernels_run", "the kernels that ran, in the order the layers "
                + "first used them, e.g. weight-only+dense-mma", GpuRunResult::kernelsRun));
        return List.copyOf(m);
    }

    /** The GPU and kernel this spec names, ready to run. */
    public GpuTarget target() {
        return GpuTarget.of(gpu, kernel.equals(Parsers.AUTO) ? null : kernel);
    }

    /**
     * The GPU's refusal of the pair: the named kernel's, blamed on {@code kernel}; with {@code auto}, the refusal of
     * every kernel, blamed on {@code gpu}. Either message lists the kernels and tensor types the GPU supports.
     */
    @Override
    public Optional<Unsupported> unsupported(OperandFormats formats) {
        Gpu g = Gpu.byId(gpu);
        boolean auto = kernel.equals(Parsers.AUTO);
        GpuKernel k = auto ? null : GpuKernels.byId(kernel);
        return GpuKernels.refusal(g, k, formats).map(why -> new Unsupported(auto ? GPU : KERNEL, why));
    }

    @Override
    public List<Knob<?>> supportKnobs() {
        return KNOBS;
    }

    @Override
    public GpuRunResult run(List<LayerTrace> layers) {
        return target().run(layers, GpuSpec::groupSize);
    }

    /**
     * Weights along k that share one scale in this layer, as the kernels price dequantization and scale traffic: the
     * trace's group size, or {@link GemmOperands#PER_CHANNEL} (0) when one scale serves an output channel. This is
     * the one place that reads it from the trace.
     */
    static long groupSize(LayerTrace t) {
        return t.weightGroupSize() == 0 ? GemmOperands.PER_CHANNEL : t.weightGroupSize();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Knob<?>> knobs() {
        return KNOBS;
    }

    @Override
    public String text(String column) {
        return switch (column) {
            case "kind" -> KIND;
            case "gpu" -> gpu;
            case "kernel" -> kernel;
            default -> throw new IllegalArgumentException("no parameter " + column);
        };
    }

    @Override
    public double number(String column) {
        return Double.NaN;
    }
}
