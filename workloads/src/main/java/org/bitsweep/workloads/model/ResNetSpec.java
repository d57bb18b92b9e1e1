package org.bitsweep.workloads.model;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/**
 * A ResNet (He et al., CVPR 2016) as torchvision builds it: a 7×7 stride-2 stem and 3×3 max-pool, four stages of basic
 * (two 3×3) or bottleneck (1×1, 3×3, 1×1 ×4) blocks, the first block of stages 2–4 striding by 2 (on the 3×3, as
 * torchvision's v1.5) with a 1×1 projection shortcut, then average pooling and a fully connected classifier. Every
 * convolution has a batch norm (weight and bias) and no bias of its own.
 */
public record ResNetSpec(String name, String source, boolean bottleneck, List<Integer> blocks, List<Integer> widths,
                         int imageSize, int classes, long publishedParams, String publishedSource) implements ModelSpec {
    public ResNetSpec {
        Checks.nonBlank("name", name);
        Checks.nonBlank("source", source);
        blocks = List.copyOf(blocks);
        widths = List.copyOf(widths);
        if (blocks.size() != widths.size())
            throw new IllegalArgumentException(name + ": one width per stage");
    }

    /** One convolution: its GEMM lowering and its weights. */
    private record Conv(String name, int in, int out, int kernel, int stride, int inputSize) {
        int outputSize() {
            return (inputSize + 2 * (kernel / 2) - kernel) / stride + 1;
        }

        Layer layer() {
            long pixels = (long) outputSize() * outputSize();
            return new Layer(name, new GemmShape(pixels, out, (long) in * kernel * kernel), LayerClass.CONVOLUTION);
        }

        long params() {
            return (long) in * out * kernel * kernel + 2L * out;   // + batch norm weight and bias
        }
    }

    private List<Conv> convs() {
        List<Conv> convs = new ArrayList<>();
        convs.add(new Conv("conv1", 3, 64, 7, 2, imageSize));
        int size = (imageSize / 2 + 2 - 3) / 2 + 1;   // 3×3 max-pool, stride 2, padding 1
        int in = 64;
        int expansion = bottleneck ? 4 : 1;
        for (int s = 0; s < blocks.size(); s++) {
            int width = widths.get(s);
            for (int b = 0; b < blocks.get(s); b++) {
                String p = "layer%d.%d.".formatted(s + 1, b);
                int stride = (s > 0 && b == 0) ? 2 : 1;
                int out = width * expansion;
                if (bottleneck) {
                    convs.add(new Conv(p + "conv1", in, width, 1, 1, size));
                    convs.add(new Conv(p + "conv2", width, width, 3, stride, size));
                    int next = convs.get(convs.size() - 1).outputSize();
                    convs.add(new Conv(p + "conv3", width, out, 1, 1, next));
                } else {
                    convs.add(new Conv(p + "conv1", in, width, 3, stride, size));
                    int next = convs.get(convs.size() - 1).outputSize();
                    convs.add(new Conv(p + "conv2", width, out, 3, 1, next));
                }
                if (stride != 1 || in != out)
                    convs.add(new Conv(p + "downsample", in, out, 1, stride, size));
                size = (size + stride - 1) / stride;
                in = out;
            }
        }
        return convs;
    }

    private int features() {
        return widths.get(widths.size() - 1) * (bottleneck ? 4 : 1);
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
        List<Layer> layers = new ArrayList<>(convs().stream().map(Conv::layer).toList());
        layers.add(new Layer("fc", new GemmShape(1, classes, features())));
        return new Workload(workloadName, Phase.INFERENCE, 1, 1, layers);
    }

    @Override
    public long parameterCount() {
        return convs().stream().mapToLong(Conv::params).sum() + (long) features() * classes + classes;
    }
}
