package org.bitsweep.sim.gpu.kernel;

import java.util.ArrayList;
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
 * FP6 weights with FP16 activations, as FP6-LLM's TC-FPx kernel runs them (Xia et al., arXiv 2401.14112;
 * usyd-fsalab/fp6_llm) on the ZeroQuant(4+2) layout: each 6-bit e3m2 weight is stored as a 2-bit and a 4-bit segment
 * so that loads stay aligned, stitched and converted to FP16 in registers on the CUDA cores
 * ({@code dequant-fp6-fp16}: shifts and masks, then two FP16 multiplies for the exponent bias and the per-channel
 * scale), then FP16 MMAs. The weights are MMA's A operand and the tokens its n = 8 side (configs.h: TILE_M = 64 per
 * row warp, 4 row warps; TILE_N = 8 per MMA column), so a small batch pads only to 8 tokens. Split-K is the kernel's
 * own {@code splitK} argument.
 */
public final class TcFpxKernel implements GpuKernel {
    public static final String ID = "tc-fpx";
    /** Output channels per tile: 4 row warps × 64 (fp6_llm configs.h; the README requires OC to be a multiple of 256). */
    private static final long CHANNEL_TILE = 256;
    /** Tokens per tile: the MMA's n = 8 times the column warps and MMAs per warp. */
    private static final long[] TOKEN_TILE = {8, 16, 32, 64, 128};
    private static final long TILE_K = 64;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "FP6-LLM TC-FPx: 6-bit float weights in 2+4-bit segments, dequantized on CUDA cores, FP16 MMA";
    }

    @Override
    public Optional<String> runsOn(Gpu gpu) {
        return gpu.has(TensorType.FP16) ? Optional.of("w fp6-e3m2 or fp6-e2m3; a fp16") : Optional.empty();
    }

    @Override
    public Optional<String> unsupported(Gpu gpu, OperandFormats f) {
        if (!Operands.isFloat6(f.weight()))
            return Optional.of("it needs 6-bit float weights (fp6-e3m2, fp6-e2m3), got " + f.weight().name());
        if (!f.activation().name().equals("fp16"))
            return Optional.of("it needs fp16 activations, got " + f.activation().name());
        if (!gpu.has(TensorType.FP16))
            return Optional.of(gpu.id() + " has no fp16 tensor cores");
        return Optional.empty();
    }

    @Override
    public List<List<Launch>> configurations(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        double bytes = batch * (Operands.bytes((double) s.n() * s.k(), 6) + Operands.SCALE_BYTES * s.n()
                + Operands.bytes((double) s.m() * s.k(), 16) + Operands.OUTPUT_BYTES * s.m() * s.n());
        long tokens = Operands.smallestAtLeast(Math.min(s.m(), 128), TOKEN_TILE);
        TilePlan p = TilePlan.of(s, batch, tokens, CHANNEL_TILE, TILE_K, gpu.sms(), true);
        List<List<Launch>> configs = new ArrayList<>(1);
        configs.add(List.of(MmaGemm.launch("fp6-gemm", gpu, s, batch, TensorType.FP16, p, Mixes.DEQUANT_FP6,
                Mixes.EPILOGUE_FP16, bytes)));
        return configs;
    }
}
