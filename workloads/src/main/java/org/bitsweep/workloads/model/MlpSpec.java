package org.bitsweep.workloads.model;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/** A multilayer perceptron of fully connected layers with biases, e.g. 784-256-128-10 for Fashion-MNIST. */
public record MlpSpec(String name, String source, List<Integer> sizes, long publishedParams, String publishedSource)
        implements ModelSpec {
    public MlpSpec {
        Checks.nonBlank("name", name);
        Checks.nonBlank("source", source);
        sizes = List.copyOf(sizes);
        if (sizes.size() < 2)
            throw new IllegalArgumentException(name + ": an MLP needs an input and an output size");
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
        for (int i = 0; i + 1 < sizes.size(); i++)
            layers.add(new Layer("fc" + (i + 1), new GemmShape(1, sizes.get(i + 1), sizes.get(i))));
        return new Workload(workloadName, Phase.INFERENCE, 1, 1, layers);
    }

    @Override
    public long parameterCount() {
        long n = 0;
        for (int i = 0; i + 1 < sizes.size(); i++)
            n += (long) sizes.get(i) * sizes.get(i + 1) + sizes.get(i + 1);
        return n;
    }
}
