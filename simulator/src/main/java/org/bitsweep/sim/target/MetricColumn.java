package org.bitsweep.sim.target;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One measured column a target kind fills from its result, e.g. {@code energy_pj}. Kinds that share a column name
 * share its meaning ({@code cycles}, {@code seconds}, {@code energy_pj}); each reads it from its own result type.
 *
 * @param integral written as an integer (cycles, bytes, counts)
 * @param read     the value from a result of this kind; the kind guarantees the result's type
 */
public record MetricColumn(String name, String meaning, boolean integral, ToDoubleFunction<TargetResult> read) {
    public MetricColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(read, "read");
    }

    /** A column read from results of type {@code R}. */
    public static <R extends TargetResult> MetricColumn of(Class<R> type, String name, String meaning,
                                                           boolean integral, ToDoubleFunction<R> read) {
        return new MetricColumn(name, meaning, integral, r -> read.applyAsDouble(type.cast(r)));
    }
}
