package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.Checks;

/** The maximum of each {@code size × size} window, windows not overlapping (stride = size). */
public record MaxPool(int size) implements NetLayer {
    public MaxPool {
        Checks.positive("pool size", size);
    }

    @Override
    public Shape output(Shape input) {
        if (input.height() % size != 0 || input.width() % size != 0)
            throw new IllegalArgumentException("max-pool %d needs height and width divisible by %d, got %s"
                    .formatted(size, size, input));
        return new Shape(input.channels(), input.height() / size, input.width() / size);
    }
}
