package org.bitsweep.sweep.eval;

import java.util.List;

/** One design point's row: its id and its values in the order of {@code ResultColumns.header}. */
public record ResultRow(long point, List<Object> values) {
    public ResultRow {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
