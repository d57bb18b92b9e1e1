package org.bitsweep.workloads.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;

class ModelZooTest {
    final ModelZoo zoo = ModelZoo.bundled();

    @Test
    void llama2_7bDecodeHasSevenProjectionsInEachOfItsThirtyTwoBlocks() {
        Workload w = zoo.workload("llama-2-7b:decode");
        assertThat(w.phase()).isEqualTo(Phase.DECODE);
        assertThat(w.layers()).hasSize(7 * 32);
        assertThat(w.layers().get(0).name()).isEqualTo("blocks.0.attn.q_proj");
        assertThat(w.layers().get(0).shape()).isEqualTo(new GemmShape(1, 4096, 4096));
        assertThat(w.layers().get(4).shape()).isEqualTo(new GemmShape(1, 11008, 4096));
        assertThat(w.layers().get(6).shape()).isEqualTo(new GemmShape(1, 4096, 11008));
        // Per block 4·4096² + 3·4096·11008 = 67,108,864 + 135,266,304 = 202,375,168 weights; ×32 blocks.
        assertThat(w.weights()).isEqualTo(32L * 202_375_168);
        assertThat(w.macs()).isEqualTo(w.weights());
    }

    @Test
    void parameterCountFromOurShapesEqualsThePublishedCount() {
        // 6,476,005,376 projection weights + 65·4096 RMSNorm weights + 2·32000·4096 embedding and LM head
        // = 6,738,415,616, the count of the published checkpoint.
        TransformerConfig c = zoo.model("llama-2-7b");
        assertThat(c.parameterCount()).isEqualTo(c.publishedParams()).isEqualTo(6_738_415_616L);
    }

    @Test
    void prefillHasOneActivationRowPerToken() {
        assertThat(zoo.workload("llama-2-7b:prefill:2048").layers().get(0).shape().m()).isEqualTo(2048);
    }

    @Test
    void unknownWorkloadsNameTheValidForms() {
        assertThatThrownBy(() -> zoo.workload("llama-9b:decode"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("MODEL:decode")
                .hasMessageContaining("llama-2-7b");
        assertThatThrownBy(() -> zoo.workload("llama-2-7b:prefill:0")).isInstanceOf(UserInputException.class);
    }
}
