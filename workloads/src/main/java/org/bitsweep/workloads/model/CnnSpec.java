package org.bitsweep.workloads.model;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/**
 * A plain CNN: convolutions (stride 1, "same" padding, with bias), each followed by a max-pool of {@code pool}
 * (1 for none), then fully connected layers with biases. The Fashion-MNIST CNN is one.
 */
public record CnnSpec(String name, String source, int imageSize, int channels, List<ConvLayer> convs,
                      List<Integer> dense, long publishedParams, String publishedSource) implements ModelSpec {
    /** One convolution: output channels, square kernel, max-pool after it. */
    public record ConvLayer(int out, int kernel, int pool) {
        public ConvLayer {
            Checks.positive("out", out);
            Checks.positive("kernel", kernel);
            Checks.positive("pool", pool);
        }
    }

    public CnnSpec {
        Checks.nonBlank("name", name);
        Checks.nonBlank("source", source);
        convs = List.copyOf(convs);
        dense = List.copyOf(dense);
    }

    @Override
    public List<String> workloadForms() {
        return List.of(name);
    }

    @Override
    public Workload workload(String workloadName, List<String> parts) {
        if (!parts.isEmpty())
            throw new UserInputException("unknown workload \"%s\"; valid: %s (one image)".formatted(workloadName, name));
        List<Layer> layers = new ArrayList<>();
        int size = imageSize;
        int in = channels;
        for (int i = 0; i < convs.size(); i++) {
            ConvLayer c = convs.get(i);
            layers.add(new Layer("conv" + (i + 1), new GemmShape((long) size * size, c.out(),
                    (long) in * c.kernel() * c.kernel()), LayerClass.CONVOLUTION));
            size /= c.pool();
            in = c.out();
        }
        int features = size * size * in;
        for (int i = 0; i < dense.size(); i++) {
            layers.add(new Layer("fc" + (i + 1), new GemmShape(1, dense.get(i), features)));
            features = dense.get(i);
        }
        return new Workload(workloadName, Phase.INFERENCE, 1, 1, layers);
    }

    @Override
    public long parameterCount() {
        long n = 0;
        int size = imageSize;
        int in = channels;
        for (ConvLayer c : convs) {
            n += (long) in * c.out() * c.kernel() * c.kernel() + c.out();
            size /= c.pool();
            in = c.out();
        }
        long features = (long) size * size * in;
        for (int d : dense) {
            n += features * d + d;
            features = d;
        }
        return n;
    }
}
