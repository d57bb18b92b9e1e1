package org.bitsweep.sweep.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of results.csv and results.jsonl (and of {@code simulate --json}, the report's table and the docs'
 * column table, which all come from {@link ResultColumns}).
 *
 * @param unit    empty for text and for plain counts
 * @param meaning one line, as the docs print it
 * @param value   how the column is read from a point's result: a String, a Number or a Boolean
 */
public record ResultColumn(String name, Kind kind, String unit, String meaning, Function<PointResult, Object> value) {
    /** What a column holds, which decides where expressions may read it. */
    public enum Kind {
        /** The point's index. */
        ID,
        /** A parameter written as text; constraints compare it with strings before the point runs. */
        TEXT_PARAMETER,
        /** A numeric parameter; readable in every expression, before the point runs. */
        NUMBER_PARAMETER,
        /** The accuracy metric. */
        ACCURACY,
        /** A measured number. */
        METRIC,
        /** A measured fact written as text, e.g. an FPGA design's {@code bound_by}; charts and groups may name it. */
        TEXT_METRIC,
        /** A derived column, from parameters or metrics. */
        DERIVED,
        /** Bound, feasible, reason, accuracy_source: what the run says of itself, as text. */
        OUTCOME
    }

    public ResultColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public boolean numeric() {
        return kind == Kind.NUMBER_PARAMETER || kind == Kind.ACCURACY || kind == Kind.METRIC || kind == Kind.DERIVED
                || kind == Kind.ID;
    }

    /** The header the report's table shows: the name, and its unit in parentheses. */
    public String header() {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }
}
