package org.bitsweep.sim.gpu.kernel;

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
 * W4A4 with per-group scales on both operands, as Atom runs it (Zhao et al., MLSys 2024; efeslab/Atom
 * {@code Dense_layer_gemm_i4_o16.cuh}) and as COMET's W4A4 path and QServe's analysis describe it: INT4 MMA
 * (m16n8k64) accumulates each group of k in int32; at the end of every group, every output's partial sum is converted
 * to float and added with the product of its row and column scales on the CUDA cores ({@code atom-group-dequant}).
 * That per-output, per-group work grows with m·n·k/g like the MMAs do, so at large batch its conversions, 16 per
 * clock per SM, not the INT4 tensor cores, set the time. The CTA is Atom's 128 × 128 × 128 (BLOCK_M, BLOCK_N,
 * BLOCK_K), without split-K, except that its rows follow the batch (16 to 128, as the dense kernel's do): Atom's own
 * code fixes 128 rows, which would make a batch of 2 pay for 126 padded rows of MMAs and dequantization, and COMET,
 * the kernel this one stands for at small batch, does not.
 */
public final class AtomW4A4Kernel implements GpuKernel {
    public static final String ID = "atom-w4a4";
    private static final long TILE = 128;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Atom/COMET-style W4A4: INT4 MMA per group, partial sums dequantized per group on CUDA cores";
    }

    @Override
    public Optional<String> runsOn(Gpu gpu) {
        return gpu.has(TensorType.INT4) ? Optional.of("w int4; a int4 (per-group scales on both)") : Optional.empty();
    }

    @Override
    public Optional<String> unsupported(Gpu gpu, OperandFormats f) {
        if (!Operands.isInt(f.weight(), 4, 4) || !Operands.isInt(f.activation(), 4, 4))
            return Optional.of("it needs 4-bit integer weights and activations, got " + f);
        if (!gpu.has(TensorType.INT4))
            return Optional.of(gpu.id() + " has no int4 tensor cores");
        return Optional.empty();
    }

    @Override
    public List<List<Launch>> configurations(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        long groups = ops.groupsAlong(s.k());
        double bytes = batch * (Operands.bytes((double) s.n() * s.k(), 4) + Operands.SCALE_BYTES * s.n() * groups
                + Operands.bytes((double) s.m() * s.k(), 4) + Operands.SCALE_BYTES * s.m() * groups
                + Operands.OUTPUT_BYTES * s.m() * s.n());
        TilePlan p = TilePlan.of(s, batch, MmaGemm.tileM(s.m()), TILE, TILE, gpu.sms(), false);
        CudaWork perOutput = Mixes.ATOM_GROUP_DEQUANT.times(groups).plus(Mixes.EPILOGUE_FP16);
        return List.of(List.of(MmaGemm.launch("w4a4-gemm", gpu, s, batch, TensorType.INT4, p, CudaWork.NONE, perOutput,
                bytes)));
    }
}
