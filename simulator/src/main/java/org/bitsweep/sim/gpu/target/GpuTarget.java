package org.bitsweep.sim.gpu.target;

import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.GemmResult;
import org.bitsweep.sim.gpu.Gpu;
import org.bitsweep.sim.gpu.GpuKernel;
import org.bitsweep.sim.gpu.GpuLayerResult;
import org.bitsweep.sim.gpu.GpuResource;
import org.bitsweep.sim.gpu.GpuRunResult;
import org.bitsweep.sim.gpu.GpuTiming;
import org.bitsweep.sim.gpu.Launch;
import org.bitsweep.sim.gpu.ResourceTimes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;

/**
 * A GPU running GEMMs with one kernel (or, with none named, the default kernel for each pair of formats): the
 * {@code Gpu} target. Each GEMM takes the fastest of its kernel's configurations; a trace runs its layers one after
 * another, each distinct layer timed once.
 *
 * <p>Attention layers multiply activations by the KV cache ({@link LayerKind#ATTENTION}); whatever kernel the weight
 * layers use, they run with the default kernel for their formats, a dense MMA for fp16 or int8 caches.
 */
public final class GpuTarget {
    /** What a run names as its kernel when each GEMM ran its formats' default. */
    public static final String AUTO = "auto";
    private final Gpu gpu;
    /** The named kernel, or null for the default of each pair of formats. */
    private final GpuKernel kernel;

    public GpuTarget(Gpu gpu, GpuKernel kernel) {
        this.gpu = Objects.requireNonNull(gpu, "gpu");
        this.kernel = kernel;
    }

    /** {@code kernelId} may be null: each GEMM then runs the default kernel for its formats. */
    public static GpuTarget of(String gpuId, String kernelId) {
        return new GpuTarget(Gpu.byId(gpuId), kernelId == null ? null : GpuKernels.byId(kernelId));
    }

    public Gpu gpu() {
        return gpu;
    }

    /** The named kernel, or null when each GEMM runs its formats' default. */
    public GpuKernel kernel() {
        return kernel;
    }

    public GemmResult gemm(GemmShape shape, GemmOperands operands) {
        return gemm(shape, 1, operands);
    }

    /**
     * {@code batch} GEMMs of one shape in one launch set, timed.
     *
     * @throws UserInputException if the kernel cannot run these formats on this GPU, naming what it can run
     */
    public GemmResult gemm(GemmShape shape, long batch, GemmOperands operands) {
        GpuKernel k = kernel != null ? kernel : GpuKernels.defaultFor(gpu, operands);
        GpuKernels.check(gpu, k, operands.formats());
        return time(k, shape, batch, operands);
    }

    /** One layer of a trace, its weights grouped by {@code weightGroupSize} along k ({@link GemmOperands#PER_CHANNEL}). */
    public GemmResult gemm(LayerTrace layer, long weightGroupSize) {
        return layerResult(layer, weightGroupSize).result();
    }

    public GpuRunResult run(Trace trace, long weightGroupSize) {
        return run(trace.layers(), weightGroupSize);
    }

    /** Every layer, its weights grouped by {@code weightGroupSize} along k ({@link GemmOperands#PER_CHANNEL}). */
    public GpuRunResult run(List<LayerTrace> layers, long weightGroupSize) {
        return run(layers, t -> weightGroupSize);
    }

    /**
     * Every layer, one after another, each with its own weight group size; identical layers (shape, formats, count,
     * kind, group size) are timed once.
     */
    public GpuRunResult run(List<LayerTrace> layers, ToLongFunction<LayerTrace> weightGroupSize) {
        if (layers.isEmpty())
            throw new IllegalArgumentException("empty trace");
        Map<LayerKey, GpuLayerResult> distinct = new HashMap<>();
        List<GpuLayerResult> results = new ArrayList<>(layers.size());
        ResourceTimes times = ResourceTimes.ZERO;
        double seconds = 0;
        double dramBytes = 0;
        double separate = 0;
        double[] boundSeconds = new double[GpuResource.values().length];
        for (LayerTrace t : layers) {
            long group = weightGroupSize.applyAsLong(t);
            LayerKey key = new LayerKey(t.layer().shape(), t.formats(), t.layer().count(), t.layer().kind(), group,
                    t.outliers().map(o -> o.fraction()).orElse(-1.0));
            GpuLayerResult shared = distinct.get(key);
            if (shared == null) {
                shared = layerResult(t, group);
                distinct.put(key, shared);
            }
            GpuLayerResult r = shared.name().equals(t.layer().name()) ? shared
                    : new GpuLayerResult(t.layer().name(), shared.shape(), shared.count(), shared.kernel(),
                    shared.result());
            results.add(r);
            GemmResult g = r.result();
            times = times.plus(g.times());
            seconds += g.seconds();
            dramBytes += g.dramBytes();
            boundSeconds[g.bound().ordinal()] += g.seconds();
            if (g.separate() != null)
                separate += g.separate().seconds();
        }
        GpuResource bound = GpuResource.LAUNCH;
        for (GpuResource r : GpuResource.values())
            if (boundSeconds[r.ordinal()] > boundSeconds[bound.ordinal()])
                bound = r;
        return new GpuRunResult(gpu.id(), kernel == null ? AUTO : kernel.id(), results, times, seconds, bound,
                GpuTiming.cycles(gpu, seconds), GpuTiming.energyPj(gpu, seconds), dramBytes, separate);
    }

    /**
     * A layer's operands: its formats and group size, and the share of k its trace runs in FP16 as outlier columns
     * (LLM.int8()), when the trace carries one; else the default share.
     */
    private GpuLayerResult layerResult(LayerTrace t, long weightGroupSize) {
        GemmOperands ops = GemmOperands.of(t.formats(), weightGroupSize);
        if (t.outliers().isPresent())
            ops = ops.withOutlierFraction(t.outliers().get().fraction());
        GpuKernel k = kernel == null || t.layer().kind() == LayerKind.ATTENTION ? GpuKernels.defaultFor(gpu, ops) : kernel;
        try {
            GpuKernels.check(gpu, k, ops.formats());
        } catch (UserInputException e) {
            throw new UserInputException("layer " + t.layer().name() + ": " + e.getMessage(), e);
        }
        return new GpuLayerResult(t.layer().name(), t.layer().shape(), t.layer().count(), k.id(),
                time(k, t.layer().shape(), t.layer().count(), ops));
    }

    /** The fastest configuration of {@code k}, and the work its published timings leave out, timed apart. */
    private GemmResult time(GpuKernel k, GemmShape shape, long batch, GemmOperands ops) {
        GemmResult separate = null;
        List<Launch> extra = k.separateWork(gpu, shape, batch, ops);
        if (!extra.isEmpty())
            separate = GpuTiming.time(gpu, k.id() + ":separate", shape, batch, extra, null);
        GemmResult best = null;
        for (List<Launch> config : k.configurations(gpu, shape, batch, ops)) {
            GemmResult r = GpuTiming.time(gpu, k.id(), shape, batch, config, separate);
            if (best == null || r.seconds() < best.seconds())
                best = r;
        }
        if (best == null)
            throw new IllegalStateException(k.id() + " offered no configuration for " + shape);
        return best;
    }

    private record LayerKey(GemmShape shape, OperandFormats formats, long count, LayerKind kind, long groupSize,
                            double outlierFraction) {
    }
}
