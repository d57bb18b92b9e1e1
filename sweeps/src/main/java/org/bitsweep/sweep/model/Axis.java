package org.bitsweep.sweep.model;

import java.util.List;
import java.util.Objects;

import org.bitsweep.sim.spec.Knob;

/**
 * One swept setting of one case of a sweep: its knob (which says the values' type), its key as written
 * ({@code quantization.weights}, {@code target.rows}), the JSON pointer of the node it was read from (for error
 * lines; inside a case, the case's own node when the case sets it) and its values, parsed and in order.
 */
public record Axis<T>(Knob<T> knob, String key, String pointer, List<T> values) {
    public Axis {
        Objects.requireNonNull(knob, "knob");
        values = List.copyOf(values);
        if (values.isEmpty())
            throw new IllegalArgumentException("axis " + key + " has no values");
        for (T v : values)
            knob.type().cast(v);
    }

    /** The column name results use: the key without its section. */
    public String column() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    public T value(int index) {
        return values.get(index);
    }

    public int size() {
        return values.size();
    }

    /**
     * This axis typed as holding {@code type}, checked against its knob's type: the one place a design space turns
     * an axis of unknown type back into the type its knob parsed.
     *
     * @throws IllegalStateException when the knob holds another type
     */
    @SuppressWarnings("unchecked")
    public <U> Axis<U> as(Class<U> type) {
        if (!type.isAssignableFrom(knob.type()))
            throw new IllegalStateException("axis %s holds %s, not %s".formatted(key, knob.type().getSimpleName(),
                    type.getSimpleName()));
        return (Axis<U>) this;
    }
}
