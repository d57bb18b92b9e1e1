package org.bitsweep.sim.gpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.cost.gpu.CudaCoreClass;
import org.bitsweep.cost.gpu.GpuSpec;
import org.bitsweep.cost.gpu.GpuSpecs;
import org.bitsweep.cost.gpu.TensorRate;
import org.bitsweep.cost.gpu.TensorType;
import org.bitsweep.workloads.UserInputException;

/**
 * A GPU as the kernel time model sees it: its SMs and clock, the tensor-core peak of each operand type per SM, the
 * CUDA-core lanes of each instruction class per SM, DRAM bandwidth and the fixed cost of a launch. Every rate comes
 * from the specification's data file ({@code cost-models/src/main/resources/gpu/ID.yaml}); this class only divides.
 */
public final class Gpu {
    private static final Map<String, Gpu> CACHE = new ConcurrentHashMap<>();

    private final GpuSpec spec;
    private final double clockHz;
    private final double dramBytesPerSecond;
    private final double launchSeconds;
    /** Tensor operations per second of one SM, by {@link TensorType} ordinal; 0 where the GPU has no such MMA. */
    private final double[] tensorOpsPerSmPerSecond = new double[TensorType.values().length];
    /** Lanes per second of one SM, by {@link CudaCoreClass} ordinal. */
    private final double[] lanesPerSmPerSecond = new double[CudaCoreClass.values().length];

    private Gpu(GpuSpec spec) {
        this.spec = spec;
        this.clockHz = spec.boostClockMhz().value() * 1e6;
        this.dramBytesPerSecond = spec.memoryGbps().value() * 1e9;
        this.launchSeconds = spec.launchOverheadUs().value() * 1e-6;
        for (TensorType t : TensorType.values())
            spec.tensor(t, accumulatorOf(t)).ifPresent(r ->
                    tensorOpsPerSmPerSecond[t.ordinal()] = r.denseTops() * 1e12 / spec.sms());
        for (CudaCoreClass c : CudaCoreClass.values())
            lanesPerSmPerSecond[c.ordinal()] = spec.cudaCore().get(c).value() * clockHz;
    }

    /** The GPU with this id, e.g. {@code h100-sxm}; a user's unknown id lists the valid ones. */
    public static Gpu byId(String id) {
        Gpu g = CACHE.get(id);
        if (g != null)
            return g;
        GpuSpec spec = GpuSpecs.find(id).orElseThrow(() -> new UserInputException(
                "unknown GPU \"%s\"; valid: %s".formatted(id, String.join(", ", GpuSpecs.ids()))));
        return CACHE.computeIfAbsent(id, k -> new Gpu(spec));
    }

    public static List<String> ids() {
        return GpuSpecs.ids();
    }

    /**
     * The kernels here accumulate integer products in int32 and float products in FP32 (GeForce Ada halves its
     * FP16/FP8 rate for that; {@code rtx-4090.yaml} lists both rates).
     */
    static String accumulatorOf(TensorType t) {
        return switch (t) {
            case INT8, INT4, BINARY -> "int32";
            default -> "fp32";
        };
    }

    public String id() {
        return spec.id();
    }

    public GpuSpec spec() {
        return spec;
    }

    public int sms() {
        return spec.sms();
    }

    public double clockHz() {
        return clockHz;
    }

    public double dramBytesPerSecond() {
        return dramBytesPerSecond;
    }

    public double launchSeconds() {
        return launchSeconds;
    }

    public double boardPowerW() {
        return spec.boardPowerW().value();
    }

    public boolean has(TensorType t) {
        return tensorOpsPerSmPerSecond[t.ordinal()] > 0;
    }

    /** Dense tensor operations (a multiply-add is two) one SM does per second. */
    public double tensorOpsPerSmPerSecond(TensorType t) {
        double r = tensorOpsPerSmPerSecond[t.ordinal()];
        if (r == 0)
            throw new IllegalStateException(id() + " has no " + t.id() + " tensor cores; a kernel should have refused");
        return r;
    }

    public double lanesPerSmPerSecond(CudaCoreClass c) {
        return lanesPerSmPerSecond[c.ordinal()];
    }

    /** The operand types this GPU's tensor cores take, e.g. {@code [fp16, bf16, tf32, int8, int4, binary]}. */
    public List<TensorType> tensorTypes() {
        List<TensorType> l = new ArrayList<>();
        for (TensorType t : TensorType.values())
            if (has(t))
                l.add(t);
        return l;
    }

    /** The PTX shapes of {@code t}'s MMA instructions, from the specification. */
    public List<String> instructions(TensorType t) {
        return spec.tensor(t, accumulatorOf(t)).map(TensorRate::instructions).orElse(List.of());
    }

    @Override
    public String toString() {
        return id() + " " + Arrays.toString(tensorTypes().stream().map(TensorType::id).toArray());
    }
}
