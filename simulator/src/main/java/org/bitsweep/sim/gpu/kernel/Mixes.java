package org.bitsweep.sim.gpu.kernel;

import org.bitsweep.cost.gpu.InstructionMix;
import org.bitsweep.cost.gpu.KernelInstructions;
import org.bitsweep.sim.gpu.CudaWork;

/** The instruction mixes of {@code gpu/kernel-instructions.yaml}, each as one unit of {@link CudaWork}. */
final class Mixes {
    private static final KernelInstructions K = KernelInstructions.bundled();

    static final CudaWork DEQUANT_INT8 = unit("dequant-int8-fp16");
    static final CudaWork DEQUANT_INT4 = unit("dequant-int4-fp16");
    static final CudaWork DEQUANT_INT3 = unit("dequant-int3-fp16");
    static final CudaWork DEQUANT_INT2 = unit("dequant-int2-fp16");
    static final CudaWork GROUP_SCALE = unit("group-scale-fp16");
    static final CudaWork DEQUANT_FP6 = unit("dequant-fp6-fp16");
    static final CudaWork QSERVE_INT4_INT8 = unit("qserve-int4-int8");
    static final CudaWork ATOM_GROUP_DEQUANT = unit("atom-group-dequant");
    static final CudaWork EPILOGUE_FP16 = unit("epilogue-fp16");
    static final CudaWork EPILOGUE_INT32_SCALED = unit("epilogue-int32-scaled");
    static final CudaWork ABQ_PARTIAL_COMBINE = unit("abq-partial-combine");
    static final CudaWork ABQ_PACK_ELEMENT = unit("abq-pack-element");
    static final CudaWork ABQ_PACK_BIT = unit("abq-pack-bit");
    static final InstructionMix LUT_BUILD_TABLE = K.mix("lut-build-table");
    static final InstructionMix LUT_LOOKUP = K.mix("lut-lookup");
    static final InstructionMix LUT_BIT_SCALE = K.mix("lut-bit-scale");
    static final InstructionMix LUT_OFFSET = K.mix("lut-offset");
    static final CudaWork LLM_INT8_QUANTIZE = unit("llm-int8-quantize");
    static final CudaWork LLM_INT8_MERGE = unit("llm-int8-merge");
    static final CudaWork SPLIT_K_REDUCE = unit("split-k-reduce");

    private Mixes() {
    }

    private static CudaWork unit(String id) {
        return CudaWork.NONE.plus(K.mix(id), 1);
    }
}
