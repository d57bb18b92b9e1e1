package org.bitsweep.workloads.model;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/**
 * A Vision Transformer (Dosovitskiy et al., ICLR 2021): a patch embedding (a convolution with kernel and stride equal
 * to the patch, lowered to a GEMM over the patches), a class token and learned positions, pre-norm blocks of
 * attention and a plain MLP with biases, a final LayerNorm and a linear head on the class token.
 */
public record VitSpec(String name, String source, int imageSize, int patchSize, int hiddenSize, int numLayers,
                      int numHeads, int mlpSize, int classes, long publishedParams, String publishedSource)
        implements ModelSpec {
    public VitSpec {
        Checks.nonBlank("name", name);
        Checks.nonBlank("source", source);
        if (imageSize % patchSize != 0 || hiddenSize % numHeads != 0)
            throw new IllegalArgumentException(name + ": the patch must divide the image and heads the width");
    }

    private int patches() {
        return (imageSize / patchSize) * (imageSize / patchSize);
    }

    @Override
    public List<String> workloadForms() {
        return List.of(name);
    }

    @Override
    public Workload workload(String workloadName, List<String> parts) {
        if (!parts.isEmpty())
            throw new UserInputException("unknown workload \"%s\"; valid: %s (one %d×%d image)".formatted(workloadName,
                    name, imageSize, imageSize));
        int tokens = patches() + 1;
        int h = hiddenSize;
        int headDim = h / numHeads;
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("patch_embed", new GemmShape(patches(), h, 3L * patchSize * patchSize),
                LayerClass.CONVOLUTION));
        for (int b = 0; b < numLayers; b++) {
            String p = "blocks." + b + ".";
            layers.add(new Layer(p + "attn.qkv", new GemmShape(tokens, 3L * h, h)));
            layers.add(new Layer(p + "attn.qk", new GemmShape(tokens, tokens, headDim), numHeads, LayerClass.ATTENTION_SCORE));
            layers.add(new Layer(p + "attn.av", new GemmShape(tokens, headDim, tokens), numHeads, LayerClass.ATTENTION_VALUE));
            layers.add(new Layer(p + "attn.proj", new GemmShape(tokens, h, h)));
            layers.add(new Layer(p + "mlp.fc1", new GemmShape(tokens, mlpSize, h)));
            layers.add(new Layer(p + "mlp.fc2", new GemmShape(tokens, h, mlpSize)));
        }
        layers.add(new Layer("head", new GemmShape(1, classes, h)));
        return new Workload(workloadName, Phase.INFERENCE, 1, tokens, layers);
    }

    @Override
    public long parameterCount() {
        long h = hiddenSize;
        long embed = 3L * patchSize * patchSize * h + h + h + (patches() + 1L) * h;   // conv + bias, class token, positions
        long block = (h * 3 * h + 3 * h) + (h * h + h) + (h * mlpSize + mlpSize) + ((long) mlpSize * h + h) + 4 * h;
        return embed + numLayers * block + 2 * h + h * classes + classes;
    }
}
