package org.bitsweep.workloads.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;

class ModelZooTest {
    final ModelZoo zoo = ModelZoo.bundled();

    @Test
    void everyModelsParameterCountMatchesThePublishedOneWithinOnePercent() {
        for (String name : zoo.modelNames()) {
            ModelSpec m = zoo.model(name);
            assertThat((double) m.parameterCount()).as(name)
                    .isCloseTo(m.publishedParams(), within(0.01 * m.publishedParams()));
        }
    }

    @Test
    void exactCountsDerivedByHand() {
        // LLaMA-2-7B: per block 4·4096² + 3·4096·11008 = 202,375,168; ×32 = 6,476,005,376; + 65·4096 RMSNorm
        // weights + 2·32000·4096 embedding and LM head = 6,738,415,616, the checkpoint's count.
        assertThat(zoo.model("llama-2-7b").parameterCount()).isEqualTo(6_738_415_616L);
        // LLaMA-2-70B, grouped-query (k, v 1024 wide): per block 2·8192² + 2·8192·1024 + 3·8192·28672 = 855,638,016;
        // ×80 + 161·8192 + 2·32000·8192 = 68,976,648,192.
        assertThat(zoo.model("llama-2-70b").parameterCount()).isEqualTo(68_976_648_192L);
        assertThat(zoo.model("mistral-7b").parameterCount()).isEqualTo(7_241_732_096L);
        assertThat(zoo.model("llama-3-8b").parameterCount()).isEqualTo(8_030_261_248L);
        // BitMoD's three smaller models (its simulator's model list), each against the checkpoint's own count.
        // OPT-1.3B: per block 4·2048² + 4·2048 attention and 2·2048·8192 + 8192 + 2048 MLP = 50,350,080; ×24 =
        // 1,208,401,920; + 49 LayerNorms of 2·2048 = 200,704; + the tied embedding 50272·2048 = 102,957,056 and the
        // 2050 learned positions ·2048 = 4,198,400: 1,315,758,080.
        assertThat(zoo.model("opt-1.3b").parameterCount()).isEqualTo(1_315_758_080L);
        // Phi-2: per block 4·2560² + 4·2560 = 26,224,640 and 2·2560·10240 + 10240 + 2560 = 52,441,600; ×32 =
        // 2,517,319,680; one LayerNorm per block (parallel attention and MLP) and the final one, 33·2·2560 = 168,960;
        // embedding and untied head 2·51200·2560 = 262,144,000, the head's bias 51,200: 2,779,683,840.
        assertThat(zoo.model("phi-2").parameterCount()).isEqualTo(2_779_683_840L);
        // Yi-6B, grouped-query (k, v 4·128 = 512 wide): per block 2·4096² + 2·4096·512 + 3·4096·11008 = 173,015,040;
        // ×32 = 5,536,481,280; + 65·4096 = 266,240 RMSNorm weights + 2·64000·4096 = 524,288,000: 6,061,035,520.
        assertThat(zoo.model("yi-6b").parameterCount()).isEqualTo(6_061_035_520L);
        // torchvision's counts, batch-norm weights and biases included.
        assertThat(zoo.model("resnet-18").parameterCount()).isEqualTo(11_689_512L);
        assertThat(zoo.model("resnet-50").parameterCount()).isEqualTo(25_557_032L);
        assertThat(zoo.model("vit-b-16").parameterCount()).isEqualTo(86_567_656L);
        // bert-base-uncased with its pooler: 109,482,240.
        assertThat(zoo.model("bert-base").parameterCount()).isEqualTo(109_482_240L);
        // Fashion-MNIST CNN: 208 + 3,216 + 100,480 + 1,290.
        assertThat(zoo.model("fmnist-cnn").parameterCount()).isEqualTo(105_194L);
        // conv2 at 14×14: m = 196 pixels, n = 16, k = 8·25 = 200; then fc1 takes 7·7·16 = 784 features.
        assertThat(zoo.workload("fmnist-cnn").layers().get(1).shape()).isEqualTo(new GemmShape(196, 16, 200));
        assertThat(zoo.workload("fmnist-cnn").layers().get(2).shape()).isEqualTo(new GemmShape(1, 128, 784));
    }

    @Test
    void llama2_7bDecodeHasProjectionsAttentionAndTheHead() {
        Workload w = zoo.workload("llama-2-7b:decode:16");
        assertThat(w.phase()).isEqualTo(Phase.DECODE);
        assertThat(w.layers()).hasSize(9 * 32 + 1);
        assertThat(w.layers().get(0).shape()).isEqualTo(new GemmShape(1, 4096, 4096));
        Layer qk = w.layers().get(3);
        assertThat(qk.name()).isEqualTo("blocks.0.attn.qk");
        assertThat(qk.kind()).isEqualTo(LayerKind.ATTENTION);
        assertThat(qk.shape()).isEqualTo(new GemmShape(1, 16, 128));
        assertThat(qk.count()).isEqualTo(32);
        // Decode MACs per token at a short context equal the non-embedding parameters within 1 %: projections and
        // head 6,607,077,376 plus attention 32 blocks · 32 heads · 2 · 128 · 16 = 4,194,304, against
        // 6,738,415,616 − 32000·4096 = 6,607,343,616.
        DecoderSpec llama = (DecoderSpec) zoo.model("llama-2-7b");
        assertThat(w.macs()).isEqualTo(6_607_077_376L + 4_194_304L);
        assertThat((double) w.macs()).isCloseTo(llama.nonEmbeddingParams(), within(0.01 * llama.nonEmbeddingParams()));
    }

    @Test
    void groupedQueryAttentionNarrowsKeysAndValuesNotTheHeads() {
        Workload w = zoo.workload("llama-3-8b:prefill:512");
        assertThat(w.layers().get(1).shape()).isEqualTo(new GemmShape(512, 1024, 4096));   // k_proj: 8 kv heads
        // QKᵀ once per kv head, its 32 / 8 = 4 query heads' 512 queries each as the rows of one GEMM (as BitMoD's
        // simulator counts it): the cached keys are read 8 times, not 32; the MACs are the same, 32 · 512 · 512 · 128.
        assertThat(w.layers().get(3).count()).isEqualTo(8);
        assertThat(w.layers().get(3).shape()).isEqualTo(new GemmShape(4 * 512, 512, 128));
        assertThat(w.layers().get(3).layerClass()).isEqualTo(LayerClass.ATTENTION_SCORE);
        assertThat(w.layers().get(4).layerClass()).isEqualTo(LayerClass.ATTENTION_VALUE);
        assertThat(w.layers().get(3).macs()).isEqualTo(32L * 512 * 512 * 128);
    }

    @Test
    void aBatchOfSequencesWidensTheWeightLayersAndRepeatsAttention() {
        // LLaMA-2-7B decode, 16 sequences of 2048 tokens of context: each linear layer takes 16 rows, each sequence
        // attends to its own cache (count 32 kv heads × 16), and the head makes 16 tokens' logits.
        Workload w = zoo.workload("llama-2-7b:decode").batched(16);
        assertThat(w.batch()).isEqualTo(16);
        assertThat(w.tokens()).isEqualTo(16);
        assertThat(w.layers().get(0).shape()).isEqualTo(new GemmShape(16, 4096, 4096));
        assertThat(w.layers().get(3).shape()).isEqualTo(new GemmShape(1, 2048, 128));
        assertThat(w.layers().get(3).count()).isEqualTo(32 * 16);
        assertThat(w.layers().get(w.layers().size() - 1).shape()).isEqualTo(new GemmShape(16, 32000, 4096));
        // A prefill of 512 tokens for 4 prompts processes 2,048 tokens.
        assertThat(zoo.workload("llama-2-7b:prefill:512").batched(4).tokens()).isEqualTo(2048);
        // Keeping only the weight layers drops attention: 7 of 9 layers per block, and the head.
        assertThat(w.only(java.util.Set.of(LayerClass.LINEAR, LayerClass.LM_HEAD)).layers()).hasSize(7 * 32 + 1);
    }

    @Test
    void imageModelsLowerConvolutionsToGemms() {
        Workload r18 = zoo.workload("resnet-18");
        // conv1: 7×7×3 → 64 at 112×112 output: m = 12,544 pixels, n = 64, k = 147.
        assertThat(r18.layers().get(0).shape()).isEqualTo(new GemmShape(112 * 112, 64, 147));
        // He et al. give 1.8 G multiply-adds; our lowering counts 1,814,073,344 (convolutions and fc).
        assertThat((double) r18.macs()).isCloseTo(1.8e9, within(0.02 * 1.8e9));
        // ViT-B/16: 196 patches of 16·16·3 = 768 inputs each.
        assertThat(zoo.workload("vit-b-16").layers().get(0).shape()).isEqualTo(new GemmShape(196, 768, 768));
        assertThat(zoo.workload("bert-base:64").layers().get(0).shape()).isEqualTo(new GemmShape(64, 768, 768));
    }

    @Test
    void unknownWorkloadsNameTheValidForms() {
        assertThatThrownBy(() -> zoo.workload("llama-9b:decode")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("llama-2-7b:decode[:CONTEXT]").hasMessageContaining("resnet-50");
        assertThatThrownBy(() -> zoo.workload("llama-2-7b:prefill:0")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("must be a positive integer");
        assertThatThrownBy(() -> zoo.workload("resnet-18:decode")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> zoo.workload("bert-base:1024")).hasMessageContaining("exceed the 512 positions");
    }
}
