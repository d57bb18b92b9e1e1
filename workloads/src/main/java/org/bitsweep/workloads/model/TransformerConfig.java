package org.bitsweep.workloads.model;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * The dimensions of a decoder-only transformer, as its published {@code config.json} gives them. Field names follow
 * Hugging Face so a config can be checked against the original by eye.
 *
 * @param source where the dimensions were read
 */
public record TransformerConfig(String name, String source, int hiddenSize, int intermediateSize, int numHiddenLayers,
                                int numAttentionHeads, int numKeyValueHeads, int vocabSize, long publishedParams) {
    public TransformerConfig {
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

    /**
     * The seven weight GEMMs of every block at {@code m} activation rows (batch × new tokens): q, k, v and o
     * projections of attention, and the gate, up and down projections of the SwiGLU MLP.
     */
    public List<Layer> blockProjections(long m) {
        List<Layer> layers = new ArrayList<>(7 * numHiddenLayers);
        for (int b = 0; b < numHiddenLayers; b++) {
            String p = "blocks." + b + ".";
            layers.add(new Layer(p + "attn.q_proj", new GemmShape(m, hiddenSize, hiddenSize)));
            layers.add(new Layer(p + "attn.k_proj", new GemmShape(m, kvWidth(), hiddenSize)));
            layers.add(new Layer(p + "attn.v_proj", new GemmShape(m, kvWidth(), hiddenSize)));
            layers.add(new Layer(p + "attn.o_proj", new GemmShape(m, hiddenSize, hiddenSize)));
            layers.add(new Layer(p + "mlp.gate_proj", new GemmShape(m, intermediateSize, hiddenSize)));
            layers.add(new Layer(p + "mlp.up_proj", new GemmShape(m, intermediateSize, hiddenSize)));
            layers.add(new Layer(p + "mlp.down_proj", new GemmShape(m, hiddenSize, intermediateSize)));
        }
        return layers;
    }

    /**
     * Parameters of the whole model: the block projections, the two RMSNorm weight vectors per block and the final
     * one, the token embedding and the untied LM head. LLaMA-style models have no biases.
     */
    public long parameterCount() {
        long projections = blockProjections(1).stream().mapToLong(l -> l.shape().weights()).sum();
        long norms = (2L * numHiddenLayers + 1) * hiddenSize;
        long embeddingAndHead = 2L * vocabSize * hiddenSize;
        return projections + norms + embeddingAndHead;
    }
}
