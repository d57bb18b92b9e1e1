package org.bitsweep.sweep.exec;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.sweep.model.ResultColumn;
import org.bitsweep.sweep.model.ResultColumns;

/**
 * A row as the text of its cells, the form in which rows travel back from remote workers: each value as Java prints
 * it (null stays null). The driver turns the cells back into the values the local executor would have made, by
 * column: a numeric column's cell is a long when it has no decimal point or exponent (Double.toString always writes
 * one, or NaN/Infinity), else a double, which Double.toString wrote exactly; {@code feasible} is a boolean; the rest
 * are text. The driver then writes the row as for the local executor, so both give the same bytes.
 */
public final class RowCells {
    private final List<ResultColumn> columns;

    public RowCells(ResultColumns columns) {
        this.columns = columns.all();
    }

    public static String[] encode(ResultRow row) {
        String[] cells = new String[row.values().size()];
        for (int i = 0; i < cells.length; i++) {
            Object v = row.values().get(i);
            cells[i] = v == null ? null : v.toString();
        }
        return cells;
    }

    /** @throws IllegalArgumentException when the cells are not a row of these columns */
    public ResultRow decode(String[] cells) {
        if (cells.length != columns.size())
            throw new IllegalArgumentException("a row of %d cells for %d columns".formatted(cells.length,
                    columns.size()));
        List<Object> values = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++)
            values.add(value(columns.get(i), cells[i]));
        return new ResultRow((Long) values.get(0), values);
    }

    private static Object value(ResultColumn column, String cell) {
        if (cell == null)
            return null;
        if (column.name().equals("feasible"))
            return Boolean.valueOf(cell);
        if (!column.numeric())
            return cell;
        boolean whole = true;
        for (int i = 0; i < cell.length() && whole; i++) {
            char c = cell.charAt(i);
            whole = (c >= '0' && c <= '9') || (i == 0 && c == '-');
        }
        try {
            return whole ? (Object) Long.valueOf(cell) : (Object) Double.valueOf(cell);
        } catch (NumberFormatException e) {
            return cell;
        }
    }
}
