package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.Checks;

/** A fully connected layer, y = W·x + b, with W of {@code outputs × inputs}. */
public record Dense(String name, int inputs, int outputs) implements NetLayer.Weighted {
    public Dense {
        Checks.nonBlank("layer name", name);
        Checks.positive("inputs", inputs);
        Checks.positive("outputs", outputs);
    }

    @Override
    public Shape output(Shape input) {
        if (input.size() != inputs)
            throw new IllegalArgumentException("%s takes %d inputs, got %s".formatted(name, inputs, input));
        return Shape.vector(outputs);
    }

    @Override
    public int reduction() {
        return inputs;
    }
}
