package org.bitsweep.sim.gpu.target;

import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.Gpu;
import org.bitsweep.sim.gpu.GpuKernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bitsweep.cost.gpu.TensorType;
import org.bitsweep.sim.gpu.kernel.AbqBinaryKernel;
import org.bitsweep.sim.gpu.kernel.AtomW4A4Kernel;
import org.bitsweep.sim.gpu.kernel.DenseMmaKernel;
import org.bitsweep.sim.gpu.kernel.LlmInt8Kernel;
import org.bitsweep.sim.gpu.kernel.LutGemmKernel;
import org.bitsweep.sim.gpu.kernel.QServeW4A8Kernel;
import org.bitsweep.sim.gpu.kernel.TcFpxKernel;
import org.bitsweep.sim.gpu.kernel.WeightOnlyKernel;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;

/** The GPU kernels by name, which one runs a pair of formats by default, and what a GPU can run. */
public final class GpuKernels {
    private static final List<GpuKernel> ALL = List.of(new DenseMmaKernel(), new WeightOnlyKernel(), new TcFpxKernel(),
            new QServeW4A8Kernel(), new AtomW4A4Kernel(), new AbqBinaryKernel(), new LutGemmKernel(),
            new LlmInt8Kernel());

    private GpuKernels() {
    }

    public static List<GpuKernel> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(GpuKernel::id).toList();
    }

    /** The kernel of this name; a user's unknown name lists the valid ones. */
    public static GpuKernel byId(String id) {
        for (GpuKernel k : ALL)
            if (k.id().equals(id))
                return k;
        throw new UserInputException("unknown GPU kernel \"%s\"; valid: %s".formatted(id, String.join(", ", ids())));
    }

    /**
     * The kernel a pair of formats runs with when none is named: a dense MMA where both operands share an MMA type
     * (int4 with per-group scales goes to Atom's W4A4 instead); FP6 weights to TC-FPx; int weights with 16-bit
     * activations to the weight-only kernel (LUT-GEMM for widths it lacks); int4 × int8 to QServe; other integer pairs
     * to ABQ-LLM's binary decomposition.
     */
    public static GpuKernel defaultFor(Gpu gpu, GemmOperands ops) {
        OperandFormats f = ops.formats();
        List<String> order = new ArrayList<>();
        boolean int4Both = f.weight() instanceof IntFormat w && w.bits() == 4 && f.activation() instanceof IntFormat a
                && a.bits() == 4;
        if (int4Both && ops.weightGroupSize() != GemmOperands.PER_CHANNEL)
            order.add(AtomW4A4Kernel.ID);
        order.addAll(List.of(DenseMmaKernel.ID, TcFpxKernel.ID, WeightOnlyKernel.ID, QServeW4A8Kernel.ID,
                AtomW4A4Kernel.ID, AbqBinaryKernel.ID, LutGemmKernel.ID));
        for (String id : order) {
            GpuKernel k = byId(id);
            if (k.unsupported(gpu, f).isEmpty())
                return k;
        }
        throw new UserInputException("no GPU kernel runs %s on %s; %s".formatted(f, gpu.id(), supportOn(gpu)));
    }

    /** Refuses, with every kernel and tensor type the GPU supports, a kernel that cannot run these formats there. */
    public static void check(Gpu gpu, GpuKernel kernel, OperandFormats f) {
        Optional<String> why = refusal(gpu, kernel, f);
        if (why.isPresent())
            throw new UserInputException(why.get());
    }

    /**
     * Why {@code kernel} cannot run these formats on {@code gpu}, with every kernel and tensor type the GPU supports;
     * or, for a null kernel (each GEMM's default), why none can. Empty when it can.
     */
    public static Optional<String> refusal(Gpu gpu, GpuKernel kernel, OperandFormats f) {
        if (kernel == null) {
            try {
                defaultFor(gpu, GemmOperands.of(f, GemmOperands.PER_CHANNEL));
                return Optional.empty();
            } catch (UserInputException e) {
                return Optional.of(e.getMessage());
            }
        }
        return kernel.unsupported(gpu, f).map(why -> "kernel %s cannot run %s on %s: %s; %s".formatted(kernel.id(), f,
                gpu.id(), why, supportOn(gpu)));
    }

    /** One line: the tensor types of {@code gpu} and what each kernel runs on it. */
    public static String supportOn(Gpu gpu) {
        String kernels = ALL.stream().filter(k -> k.runsOn(gpu).isPresent())
                .map(k -> k.id() + " (" + k.runsOn(gpu).get() + ")").collect(Collectors.joining("; "));
        String types = gpu.tensorTypes().stream().map(TensorType::id).collect(Collectors.joining(", "));
        return "%s has tensor types %s and runs: %s".formatted(gpu.id(), types, kernels);
    }
}
