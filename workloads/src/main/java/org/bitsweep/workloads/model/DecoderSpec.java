package org.bitsweep.workloads.model;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/**
 * A decoder-only transformer language model (LLaMA, Mistral, OPT, Phi-2, Yi). Field names follow Hugging Face's config.json so a
 * file can be checked against the original by eye.
 *
 * @param gatedMlp            SwiGLU (gate, up, down) rather than two plain projections (fc1, fc2)
 * @param layerNorm           LayerNorm (weight and bias) rather than RMSNorm (weight only)
 * @param bias                every linear layer has a bias (OPT)
 * @param tieWordEmbeddings   the LM head reuses the token embedding (OPT)
 * @param learnedPositions    rows of a learned position embedding (OPT: 2048 + 2); 0 for rotary embeddings
 * @param parallelBlock       attention and the MLP both read one norm's output, so a block has one norm, not two
 *                            (Phi-2); the GEMMs are the same
 * @param lmHeadBias          the LM head has a bias (Phi-2)
 */
public record DecoderSpec(String name, String source, int hiddenSize, int intermediateSize, int numHiddenLayers,
                          int numAttentionHeads, int numKeyValueHeads, int vocabSize, boolean gatedMlp,
                          boolean layerNorm, boolean bias, boolean tieWordEmbeddings, int learnedPositions,
                          boolean parallelBlock, boolean lmHeadBias, long publishedParams, String publishedSource)
        implements ModelSpec {
    /** The context a decode step attends to when the workload name gives none. */
    public static final int DEFAULT_DECODE_CONTEXT = 2048;

    public DecoderSpec {
        Checks.nonBlank("name", name);
        Checks.nonBlank("source", source);
        Checks.positive("hidden_size", hiddenSize);
        Checks.positive("intermediate_size", intermediateSize);
        Checks.positive("num_hidden_layers", numHiddenLayers);
        Checks.positive("num_attention_heads", numAttentionHeads);
        Checks.positive("num_key_value_heads", numKeyValueHeads);
        Checks.positive("vocab_size", vocabSize);
        if (hiddenSize % numAttentionHeads != 0 || numAttentionHeads % numKeyValueHeads != 0)
            throw new IllegalArgumentException(name + ": heads must divide hidden_size and kv heads must divide heads");
    }

    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** Width of the k and v projections: grouped-query attention shares each kv head between several q heads. */
    public int kvWidth() {
        return numKeyValueHeads * headDim();
    }

    @Override
    public List<String> workloadForms() {
        return List.of(name + ":decode[:CONTEXT]", name + ":prefill:SEQ");
    }

    @Override
    public Workload workload(String workloadName, List<String> parts) {
        String usage = "valid: %s:decode, %s:decode:CONTEXT or %s:prefill:SEQ".formatted(name, name, name);
        if (!parts.isEmpty() && parts.get(0).equals("decode") && parts.size() <= 2) {
            int context = parts.size() == 2 ? positive(workloadName, parts.get(1), usage) : DEFAULT_DECODE_CONTEXT;
            return new Workload(workloadName, Phase.DECODE, 1, context, layers(1, context));
        }
        if (parts.size() == 2 && parts.get(0).equals("prefill")) {
            int seq = positive(workloadName, parts.get(1), usage);
            return new Workload(workloadName, Phase.PREFILL, 1, seq, layers(seq, seq));
        }
        throw new UserInputException("unknown workload \"%s\"; %s".formatted(workloadName, usage));
    }

    static int positive(String workload, String text, String usage) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1)
                return v;
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new UserInputException("workload \"%s\": \"%s\" must be a positive integer; %s".formatted(workload, text, usage));
    }

    /**
     * The GEMMs of one forward step over {@code m} new tokens attending to {@code context} positions: in every block
     * the q, k, v, o projections, QKᵀ and A·V (full, not causally halved, as dense kernels compute them), and the MLP;
     * then the LM head on the last position only, as generation needs one token's logits. Attention runs once per
     * key-value head, whose cached keys and values all of its query heads share (grouped-query attention): the
     * queries of the {@code heads / kv heads} query heads are the rows of one GEMM, as BitMoD's simulator counts
     * them, so the KV cache is read once per kv head, not once per query head.
     */
    public List<Layer> layers(long m, long context) {
        List<Layer> layers = new ArrayList<>();
        int h = hiddenSize;
        for (int b = 0; b < numHiddenLayers; b++) {
            String p = "blocks." + b + ".";
            layers.add(new Layer(p + "attn.q_proj", new GemmShape(m, h, h)));
            layers.add(new Layer(p + "attn.k_proj", new GemmShape(m, kvWidth(), h)));
            layers.add(new Layer(p + "attn.v_proj", new GemmShape(m, kvWidth(), h)));
            long queries = m * (numAttentionHeads / numKeyValueHeads);
            layers.add(new Layer(p + "attn.qk", new GemmShape(queries, context, headDim()), numKeyValueHeads,
                    LayerClass.ATTENTION_SCORE));
            layers.add(new Layer(p + "attn.av", new GemmShape(queries, headDim(), context), numKeyValueHeads,
                    LayerClass.ATTENTION_VALUE));
            layers.add(new Layer(p + "attn.o_proj", new GemmShape(m, h, h)));
            if (gatedMlp) {
                layers.add(new Layer(p + "mlp.gate_proj", new GemmShape(m, intermediateSize, h)));
                layers.add(new Layer(p + "mlp.up_proj", new GemmShape(m, intermediateSize, h)));
                layers.add(new Layer(p + "mlp.down_proj", new GemmShape(m, h, intermediateSize)));
            } else {
                layers.add(new Layer(p + "mlp.fc1", new GemmShape(m, intermediateSize, h)));
                layers.add(new Layer(p + "mlp.fc2", new GemmShape(m, h, intermediateSize)));
            }
        }
        layers.add(new Layer("lm_head", new GemmShape(1, vocabSize, h), LayerClass.LM_HEAD));
        return layers;
    }

    @Override
    public long parameterCount() {
        long h = hiddenSize;
        long attention = 2 * h * h + 2 * h * kvWidth() + (bias ? 2 * h + 2L * kvWidth() : 0);
        long mlp = (gatedMlp ? 3 : 2) * h * intermediateSize + (bias ? intermediateSize + h : 0);
        long norms = ((parallelBlock ? 1L : 2L) * numHiddenLayers + 1) * (layerNorm ? 2 * h : h);
        long embeddings = (long) vocabSize * h * (tieWordEmbeddings ? 1 : 2) + (long) learnedPositions * h
                + (lmHeadBias ? vocabSize : 0);
        return numHiddenLayers * (attention + mlp) + norms + embeddings;
    }

    /** Parameters outside the token embedding (and the position embedding), the usual "non-embedding" count. */
    public long nonEmbeddingParams() {
        return parameterCount() - (long) vocabSize * hiddenSize - (long) learnedPositions * hiddenSize;
    }
}
