package org.bitsweep.sim.target;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One measured column a target kind fills from its result, e.g. {@code energy_pj}. Kinds that share a column name
 * share its meaning ({@code cycles}, {@code seconds}, {@code energy_pj}); each reads it from its own result type.
 * Most columns are numbers; a few name something the run found (an FPGA design's {@code bound_by}: the resource that
 * runs out first), and are text.
 *
 * @param integral written as an integer (cycles, bytes, counts)
 * @param read     a numeric column's value from a result of this kind, or null for a text column; the kind
 *                 guarantees the result's type
 * @param readText a text column's value, or null for a numeric column
 */
public record MetricColumn(String name, String meaning, boolean integral, ToDoubleFunction<TargetResult> read,
                           Function<TargetResult, String> readText) {
    public MetricColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        if ((read == null) == (readText == null))
            throw new IllegalArgumentException(name + ": a column reads either a number or a text");
        if (integral && readText != null)
            throw new IllegalArgumentException(name + ": a text column is not integral");
    }

    /** A numeric column. */
    public MetricColumn(String name, String meaning, boolean integral, ToDoubleFunction<TargetResult> read) {
        this(name, meaning, integral, Objects.requireNonNull(read, "read"), null);
    }

    /** A numeric column read from results of type {@code R}. */
    public static <R extends TargetResult> MetricColumn of(Class<R> type, String name, String meaning,
                                                           boolean integral, ToDoubleFunction<R> read) {
        return new MetricColumn(name, meaning, integral, r -> read.applyAsDouble(type.cast(r)));
    }

    /** A text column read from results of type {@code R}. */
    public static <R extends TargetResult> MetricColumn text(Class<R> type, String name, String meaning,
                                                             Function<R, String> read) {
        return new MetricColumn(name, meaning, false, null, r -> read.apply(type.cast(r)));
    }

    public boolean isText() {
        return readText != null;
    }

    /** The value as results write it: a Long for an integral column, a Double for another number, or a String. */
    public Object value(TargetResult r) {
        if (readText != null)
            return readText.apply(r);
        double v = read.applyAsDouble(r);
        return integral ? (Object) (long) v : (Object) v;
    }
}
