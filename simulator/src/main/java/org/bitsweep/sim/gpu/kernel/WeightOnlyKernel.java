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
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Weight-only WxA16 (x = 2, 3, 4, 8), as TensorRT-LLM's fpA_intB GEMM runs it: each tile loads its block of x-bit
 * weights, converts them to FP16 in registers on the CUDA cores ({@code dequant-intX-fp16}, the magic-number
 * conversion), applies the group's scale (and zero: {@code group-scale-fp16}), and feeds FP16 MMAs. The conversion is
 * per weight per tile, so every m-tile repeats it: at large batch the CUDA cores, not the tensor cores, bound the
 * kernel. A signed weight format is symmetric (scale only); an unsigned one also stores an FP16 zero point per group.
 */
public final class WeightOnlyKernel implements GpuKernel {
    public static final String ID = "weight-only";
    private static final long TILE_K = 64;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "weight-only WxA16 (TensorRT-LLM fpA_intB): int2/3/4/8 weights dequantized on CUDA cores, FP16 MMA";
    }

    @Override
    public Optional<String> runsOn(Gpu gpu) {
        return Optional.of("w int2, int3, int4, int8 (or uint); a fp16" + (gpu.has(TensorType.BF16)
                ? " or bf16" : ""));
    }

    @Override
    public Optional<String> unsupported(Gpu gpu, OperandFormats f) {
        if (!(f.weight() instanceof IntFormat w) || !List.of(2, 3, 4, 8).contains(w.bits()))
            return Optional.of("it needs 2-, 3-, 4- or 8-bit integer weights, got " + f.weight().name());
        if (!Operands.isHalf(f.activation()))
            return Optional.of("it needs fp16 or bf16 activations, got " + f.activation().name());
        if (!gpu.has(Operands.halfType(f.activation())))
            return Optional.of(gpu.id() + " has no " + f.activation().name() + " tensor cores");
        return Optional.empty();
    }

    @Override
    public List<List<Launch>> configurations(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        IntFormat w = (IntFormat) ops.weight();
        double groups = (double) s.n() * ops.groupsAlong(s.k());
        double bytes = batch * (Operands.bytes((double) s.n() * s.k(), w.bits())
                + Operands.SCALE_BYTES * groups * (w.signed() ? 1 : 2)
                + Operands.bytes((double) s.m() * s.k(), 16) + Operands.OUTPUT_BYTES * s.m() * s.n());
        CudaWork perWeight = dequant(w.bits()).plus(Mixes.GROUP_SCALE);
        List<List<Launch>> configs = new ArrayList<>(MmaGemm.TILE_N.length);
        for (long tileN : MmaGemm.TILE_N) {
            TilePlan p = TilePlan.of(s, batch, MmaGemm.tileM(s.m()), tileN, TILE_K, gpu.sms(), true);
            configs.add(List.of(MmaGemm.launch("dequant-gemm", gpu, s, batch, Operands.halfType(ops.activation()), p,
                    perWeight, Mixes.EPILOGUE_FP16, bytes)));
        }
        return configs;
    }

    static CudaWork dequant(int bits) {
        return switch (bits) {
            case 2 -> Mixes.DEQUANT_INT2;
            case 3 -> Mixes.DEQUANT_INT3;
            case 4 -> Mixes.DEQUANT_INT4;
            case 8 -> Mixes.DEQUANT_INT8;
            default -> throw new IllegalStateException("no dequantization mix for " + bits + "-bit weights");
        };
    }
}
