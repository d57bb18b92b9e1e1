package org.bitsweep.cost.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelInstructionsTest {
    private final KernelInstructions k = KernelInstructions.bundled();

    /** TensorRT-LLM's int4 converter: 8 weights take 1 shift + 4 lop3 (= 5/8 int) and 2 sub + 2 fma f16x2 (= 4/8). */
    @Test
    void theInt4ConverterCostsFiveIntAndFourHalf2OpsPerEightWeights() {
        InstructionMix m = k.mix("dequant-int4-fp16");
        assertThat(m.int32()).isEqualTo(5.0 / 8);
        assertThat(m.fp16x2()).isEqualTo(4.0 / 8);
        assertThat(m.lanes(CudaCoreClass.ISSUE)).isEqualTo(9.0 / 8);
        assertThat(m.provenance().estimate()).isFalse();
    }

    @Test
    void anUnknownMixIsABug() {
        assertThatThrownBy(() -> k.mix("nope")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no mix nope");
    }

    @Test
    void theLlmInt8OutlierShareIsAnEstimateFromTheAbstract() {
        assertThat(k.parameter("llm-int8-outlier-fraction").value()).isEqualTo(0.001);
        assertThat(k.parameter("llm-int8-outlier-fraction").provenance().estimate()).isTrue();
    }
}
