package org.bitsweep.workloads.model;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/**
 * A BERT-style encoder: token, position and segment embeddings with LayerNorm, then blocks of attention and a plain
 * MLP, each with biases and a LayerNorm, and a pooler on the first token. Field names follow Hugging Face's config.
 */
public record EncoderSpec(String name, String source, int hiddenSize, int intermediateSize, int numHiddenLayers,
                          int numAttentionHeads, int vocabSize, int maxPositionEmbeddings, int typeVocabSize,
                          long publishedParams, String publishedSource) implements ModelSpec {
    public static final int DEFAULT_SEQUENCE = 128;

    public EncoderSpec {
        Checks.nonBlank("name", name);
        Checks.nonBlank("source", source);
        if (hiddenSize % numAttentionHeads != 0)
            throw new IllegalArgumentException(name + ": heads must divide hidden_size");
    }

    @Override
    public List<String> workloadForms() {
        return List.of(name + "[:SEQ]");
    }

    @Override
    public Workload workload(String workloadName, List<String> parts) {
        String usage = "valid: %s or %s:SEQ (SEQ up to %d)".formatted(name, name, maxPositionEmbeddings);
        if (parts.size() > 1)
            throw new UserInputException("unknown workload \"%s\"; %s".formatted(workloadName, usage));
        int seq = parts.isEmpty() ? DEFAULT_SEQUENCE : DecoderSpec.positive(workloadName, parts.get(0), usage);
        if (seq > maxPositionEmbeddings)
            throw new UserInputException("workload \"%s\": %d tokens exceed the %d positions; %s"
                    .formatted(workloadName, seq, maxPositionEmbeddings, usage));
        int h = hiddenSize;
        int headDim = h / numAttentionHeads;
        List<Layer> layers = new ArrayList<>();
        for (int b = 0; b < numHiddenLayers; b++) {
            String p = "layers." + b + ".";
            for (String proj : List.of("query", "key", "value"))
                layers.add(new Layer(p + "attention." + proj, new GemmShape(seq, h, h)));
            layers.add(new Layer(p + "attention.qk", new GemmShape(seq, seq, headDim), numAttentionHeads, LayerClass.ATTENTION_SCORE));
            layers.add(new Layer(p + "attention.av", new GemmShape(seq, headDim, seq), numAttentionHeads, LayerClass.ATTENTION_VALUE));
            layers.add(new Layer(p + "attention.output", new GemmShape(seq, h, h)));
            layers.add(new Layer(p + "intermediate", new GemmShape(seq, intermediateSize, h)));
            layers.add(new Layer(p + "output", new GemmShape(seq, h, intermediateSize)));
        }
        layers.add(new Layer("pooler", new GemmShape(1, h, h)));
        return new Workload(workloadName, Phase.INFERENCE, 1, seq, layers);
    }

    @Override
    public long parameterCount() {
        long h = hiddenSize;
        long embeddings = ((long) vocabSize + maxPositionEmbeddings + typeVocabSize) * h + 2 * h;
        long block = 4 * (h * h + h) + 2 * h + (h * intermediateSize + intermediateSize)
                + ((long) intermediateSize * h + h) + 2 * h;
        long pooler = h * h + h;
        return embeddings + numHiddenLayers * block + pooler;
    }
}
