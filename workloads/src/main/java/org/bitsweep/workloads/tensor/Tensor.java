package org.bitsweep.workloads.tensor;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/**
 * A row-major matrix of floats. For a weight tensor a row is one output channel and a column one input, so a row is
 * the reduction dimension K of the GEMM, and groups run along it.
 */
public record Tensor(String name, int rows, int cols, float[] data) {
    public Tensor {
        Checks.nonBlank("tensor name", name);
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        if ((long) rows * cols != data.length)
            throw new IllegalArgumentException("%s: %d×%d needs %d values, got %d"
                    .formatted(name, rows, cols, (long) rows * cols, data.length));
        for (int i = 0; i < data.length; i++)
            if (!Float.isFinite(data[i]))
                throw new UserInputException("tensor %s: element %d (row %d, col %d) is %s; every value must be finite"
                        .formatted(name, i, i / cols, i % cols, data[i]));
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    public int size() {
        return data.length;
    }
}
