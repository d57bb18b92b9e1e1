package org.bitsweep.sim.gpu.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bitsweep.cost.gpu.TensorType;
import org.bitsweep.sim.gpu.CudaWork;
import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.Gpu;
import org.bitsweep.sim.gpu.GpuKernel;
import org.bitsweep.sim.gpu.Launch;
import org.bitsweep.sim.gpu.TilePlan;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A dense tensor-core GEMM as cuBLAS or CUTLASS runs it: both operands in one MMA type (FP16, BF16, FP8, INT8 or
 * INT4), FP32 or int32 accumulation, an epilogue that scales and writes FP16. Integer operands carry a per-channel
 * weight scale and a per-token activation scale (SmoothQuant-style W8A8, W4A4 per channel).
 *
 * <p>Work per tile: 2·tileM·tileN·kSlice tensor operations; per output the epilogue ({@code epilogue-fp16} or
 * {@code epilogue-int32-scaled}). DRAM: weights, activations and their scales once, FP16 outputs once.
 */
public final class DenseMmaKernel implements GpuKernel {
    public static final String ID = "dense-mma";
    private static final List<String> NAMES = List.of("fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "int8", "int4");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "dense tensor-core GEMM (cuBLAS/CUTLASS): both operands fp16, bf16, fp8, int8 or int4";
    }

    @Override
    public Optional<String> runsOn(Gpu gpu) {
        List<String> names = new ArrayList<>();
        for (String n : NAMES)
            if (gpu.has(typeOfName(n)))
                names.add(n);
        return names.isEmpty() ? Optional.empty() : Optional.of("w and a both " + String.join(", ", names));
    }

    @Override
    public Optional<String> unsupported(Gpu gpu, OperandFormats f) {
        Optional<TensorType> w = Operands.tensorType(f.weight());
        Optional<TensorType> a = Operands.tensorType(f.activation());
        if (w.isEmpty() || a.isEmpty() || w.get() != a.get())
            return Optional.of("it needs both operands in one MMA type (fp16, bf16, fp8, int8 or int4), got " + f);
        if (!gpu.has(w.get()))
            return Optional.of("%s has no %s tensor cores".formatted(gpu.id(), w.get().id()));
        return Optional.empty();
    }

    @Override
    public List<List<Launch>> configurations(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        TensorType type = Operands.tensorType(ops.weight()).orElseThrow();
        boolean integer = type == TensorType.INT8 || type == TensorType.INT4;
        long tileK = type == TensorType.INT4 ? 128 : type == TensorType.FP16 || type == TensorType.BF16 ? 32 : 64;
        double bytes = batch * (Operands.bytes((double) s.n() * s.k(), ops.weight().bits())
                + Operands.bytes((double) s.m() * s.k(), ops.activation().bits())
                + (integer ? Operands.SCALE_BYTES * (s.n() + s.m()) : 0)
                + Operands.OUTPUT_BYTES * s.m() * s.n());
        CudaWork epilogue = integer ? Mixes.EPILOGUE_INT32_SCALED : Mixes.EPILOGUE_FP16;
        List<List<Launch>> configs = new ArrayList<>(MmaGemm.TILE_N.length);
        for (long tileN : MmaGemm.TILE_N) {
            TilePlan p = TilePlan.of(s, batch, MmaGemm.tileM(s.m()), tileN, tileK, gpu.sms(), true);
            configs.add(List.of(MmaGemm.launch("gemm", gpu, s, batch, type, p, CudaWork.NONE, epilogue, bytes)));
        }
        return configs;
    }

    private static TensorType typeOfName(String n) {
        return switch (n) {
            case "fp16" -> TensorType.FP16;
            case "bf16" -> TensorType.BF16;
            case "int8" -> TensorType.INT8;
            case "int4" -> TensorType.INT4;
            default -> TensorType.FP8;
        };
    }
}
