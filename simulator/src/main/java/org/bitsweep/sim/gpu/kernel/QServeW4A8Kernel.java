package org.bitsweep.sim.gpu.kernel;

import java.util.List;
import java.util.Optional;

import org.bitsweep.cost.gpu.TensorType;
import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.Gpu;
import org.bitsweep.sim.gpu.GpuKernel;
import org.bitsweep.sim.gpu.Launch;
import org.bitsweep.sim.gpu.TilePlan;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * W4A8 as QServe runs it (Lin et al., arXiv 2405.04532; mit-han-lab/qserve {@code w4a8_per_group/gemm_cuda.cu}):
 * progressive quantization stores 4-bit weights with a per-group INT8 scale and zero point (one byte each) under a
 * per-channel FP16 scale, so that in registers each weight becomes INT8 with a multiply and a byte-wise add, four
 * lanes per 32-bit operation ({@code qserve-int4-int8}), and the GEMM runs on INT8 MMA (m16n8k32). The epilogue
 * applies the per-token activation and per-channel weight scales. The kernel has no split-K ({@code SPLITK = 1});
 * its CTA is 128 output columns by 64 of k; the rows follow the batch as in the dense kernel.
 */
public final class QServeW4A8Kernel implements GpuKernel {
    public static final String ID = "qserve-w4a8";
    private static final long TILE_N = 128;
    private static final long TILE_K = 64;
    /** QServe's level-2 group scale and zero point, one byte each. */
    private static final double GROUP_BYTES = 2;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "QServe W4A8: int4 weights to int8 in registers (per-group int8 scale and zero), INT8 MMA";
    }

    @Override
    public Optional<String> runsOn(Gpu gpu) {
        return gpu.has(TensorType.INT8) ? Optional.of("w int4 or uint4; a int8") : Optional.empty();
    }

    @Override
    public Optional<String> unsupported(Gpu gpu, OperandFormats f) {
        if (!Operands.isInt(f.weight(), 4, 4) || !Operands.isInt(f.activation(), 8, 8))
            return Optional.of("it needs 4-bit integer weights and 8-bit integer activations, got " + f);
        if (!gpu.has(TensorType.INT8))
            return Optional.of(gpu.id() + " has no int8 tensor cores");
        return Optional.empty();
    }

    @Override
    public List<List<Launch>> configurations(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        double bytes = batch * (Operands.bytes((double) s.n() * s.k(), 4)
                + GROUP_BYTES * s.n() * ops.groupsAlong(s.k()) + Operands.SCALE_BYTES * s.n()
                + Operands.bytes((double) s.m() * s.k(), 8) + Operands.SCALE_BYTES * s.m()
                + Operands.OUTPUT_BYTES * s.m() * s.n());
        TilePlan p = TilePlan.of(s, batch, MmaGemm.tileM(s.m()), TILE_N, TILE_K, gpu.sms(), false);
        return List.of(List.of(MmaGemm.launch("w4a8-gemm", gpu, s, batch, TensorType.INT8, p, Mixes.QSERVE_INT4_INT8,
                Mixes.EPILOGUE_INT32_SCALED, bytes)));
    }
}
