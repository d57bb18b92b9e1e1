package org.bitsweep.sim.gpu;

import java.util.List;
import java.util.Optional;

import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * One strategy for running a GEMM on a GPU (dense MMA, dequantize-then-MMA, binary decomposition, LUT-GEMM, outlier
 * decomposition), in one file each under {@code sim/gpu/kernel/}: which operands it takes, its tiles, and what each
 * tile asks of the tensor cores, the CUDA cores and DRAM. Where its arithmetic differs from an integer GEMM, the
 * file also holds that arithmetic, bit-exact.
 */
public interface GpuKernel {
    /** The name used on the command line and in sweep files, e.g. {@code abq-binary}. */
    String id();

    /** One line: what the kernel does and whose it is. */
    String description();

    /** The operand formats this kernel runs on {@code gpu}, for messages; empty when it runs nothing there. */
    Optional<String> runsOn(Gpu gpu);

    /** Why this kernel cannot run these operands on {@code gpu}; empty when it can. */
    Optional<String> unsupported(Gpu gpu, OperandFormats formats);

    /**
     * The configurations the kernel could launch for {@code batch} GEMMs of {@code shape}, each a list of launches;
     * the fastest is taken, as the kernel's own tile selection (a heuristic or an autotuner) would. Called only for
     * operands {@link #unsupported} accepts.
     */
    List<List<Launch>> configurations(Gpu gpu, GemmShape shape, long batch, GemmOperands operands);

    /**
     * Work this kernel needs that its published timings leave out, as launches of their own (ABQ-LLM's activation
     * bit-plane packing); empty for most kernels.
     */
    default List<Launch> separateWork(Gpu gpu, GemmShape shape, long batch, GemmOperands operands) {
        return List.of();
    }
}
