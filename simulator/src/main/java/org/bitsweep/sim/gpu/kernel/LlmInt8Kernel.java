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
 * LLM.int8() (Dettmers et al., arXiv 2208.07339, Fig. 2; bitsandbytes): the k feature dimensions whose activations
 * exceed the outlier threshold run as an FP16 GEMM, the rest as an INT8 GEMM with vector-wise scales, and the two
 * results are merged. As bitsandbytes runs it, four launches:
 * <ol>
 * <li>quantize: each activation row is scaled by its absmax to INT8, the outlier columns are gathered in FP16
 *     ({@code llm-int8-quantize} per activation);</li>
 * <li>the INT8 GEMM over the k − o regular dimensions, writing int32 (cuBLASLt igemmlt);</li>
 * <li>the FP16 GEMM over the o outlier dimensions, whose INT8 weight rows are dequantized on the fly
 *     ({@code dequant-int8-fp16} and {@code group-scale-fp16} per weight);</li>
 * <li>merge: the int32 result is scaled by its row and column constants and added to the FP16 outlier product
 *     ({@code llm-int8-merge} per output), the scatter back.</li>
 * </ol>
 * o = ⌈f·k⌉ (at most k − 1) for the operands' outlier fraction f; with f = 0 the FP16 launch is skipped.
 */
public final class LlmInt8Kernel implements GpuKernel {
    public static final String ID = "llm-int8";
    private static final long INT8_TILE_K = 64;
    private static final long FP16_TILE_K = 32;
    private static final double INT32_BYTES = 4;
    private static final double ROW_SCALE_BYTES = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "LLM.int8(): INT8 GEMM for the regular columns, FP16 GEMM for outlier columns, gather and merge";
    }

    @Override
    public Optional<String> runsOn(Gpu gpu) {
        return gpu.has(TensorType.INT8) && gpu.has(TensorType.FP16) ? Optional.of("w int8; a fp16 (outlier share "
                + GemmOperands.DEFAULT_OUTLIER_FRACTION + " of k by default)") : Optional.empty();
    }

    @Override
    public Optional<String> unsupported(Gpu gpu, OperandFormats f) {
        if (!Operands.isInt(f.weight(), 8, 8) || !f.activation().name().equals("fp16"))
            return Optional.of("it needs int8 weights and fp16 activations, got " + f);
        if (!gpu.has(TensorType.INT8) || !gpu.has(TensorType.FP16))
            return Optional.of(gpu.id() + " lacks int8 or fp16 tensor cores");
        return Optional.empty();
    }

    @Override
    public List<List<Launch>> configurations(Gpu gpu, GemmShape s, long batch, GemmOperands ops) {
        // At least one regular column stays, so that a tiny k still has an INT8 part.
        long outliers = ops.outlierFraction() == 0 ? 0 : Math.min(s.k() - 1, (long) Math.ceil(ops.outlierFraction() * s.k()));
        long regular = s.k() - outliers;
        double acts = (double) s.m() * s.k();
        double outputs = (double) s.m() * s.n();
        Launch quantize = Elementwise.launch("quantize", Math.multiplyExact(s.m(), s.k()), batch, Mixes.LLM_INT8_QUANTIZE,
                batch * (Operands.bytes(acts, 16) + Operands.bytes((double) s.m() * regular, 8)
                        + Operands.bytes((double) s.m() * outliers, 16) + ROW_SCALE_BYTES * s.m()));
        Launch merge = Elementwise.launch("merge", Math.multiplyExact(s.m(), s.n()), batch, Mixes.LLM_INT8_MERGE,
                batch * outputs * (INT32_BYTES + Operands.OUTPUT_BYTES * (outliers > 0 ? 2 : 1)));
        GemmShape regularShape = new GemmShape(s.m(), s.n(), regular);
        double int8Bytes = batch * ((double) s.n() * regular + (double) s.m() * regular + INT32_BYTES * outputs);
        List<List<Launch>> configs = new ArrayList<>(MmaGemm.TILE_N.length);
        for (long tileN : MmaGemm.TILE_N) {
            List<Launch> launches = new ArrayList<>(4);
            launches.add(quantize);
            TilePlan p = TilePlan.of(regularShape, batch, MmaGemm.tileM(s.m()), tileN, INT8_TILE_K, gpu.sms(), true);
            launches.add(MmaGemm.launch("int8-gemm", gpu, regularShape, batch, TensorType.INT8, p, CudaWork.NONE,
                    CudaWork.NONE, int8Bytes));
            if (outliers > 0) {
                GemmShape outlierShape = new GemmShape(s.m(), s.n(), outliers);
                TilePlan q = TilePlan.of(outlierShape, batch, MmaGemm.tileM(s.m()), tileN, FP16_TILE_K, gpu.sms(), true);
                double fp16Bytes = batch * ((double) s.n() * outliers + Operands.SCALE_BYTES * s.n()
                        + Operands.bytes((double) s.m() * outliers, 16) + Operands.OUTPUT_BYTES * outputs);
                launches.add(MmaGemm.launch("outlier-fp16-gemm", gpu, outlierShape, batch, TensorType.FP16, q,
                        Mixes.DEQUANT_INT8.plus(Mixes.GROUP_SCALE), Mixes.EPILOGUE_FP16, fp16Bytes));
            }
            launches.add(merge);
            configs.add(launches);
        }
        return configs;
    }
}
