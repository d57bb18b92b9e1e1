package org.bitsweep.sweep.file;

import java.util.List;

/**
 * One swept parameter: its key as written in the file ({@code quantization.weights}, {@code target.rows}), the JSON
 * pointer of its node (for error lines) and its values, parsed and in order.
 */
public record Axis(String key, String pointer, List<Object> values) {
    public Axis {
        values = List.copyOf(values);
        if (values.isEmpty())
            throw new IllegalArgumentException("axis " + key + " has no values");
    }

    /** The column name results use: the key without its section. */
    public String column() {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
