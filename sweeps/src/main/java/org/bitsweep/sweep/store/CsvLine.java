package org.bitsweep.sweep.store;

import java.util.Arrays;

/**
 * One line of results.csv split into cells (RFC 4180: a cell in double quotes may hold commas and doubled quotes; our
 * rows hold no line breaks), reusable from line to line. It records where each cell lies and makes a string only of
 * the cells asked for: resume and the report read every row of 10⁷-point sweeps, and most cells of most rows are
 * never looked at.
 */
public final class CsvLine {
    private String line = "";
    private int count;
    private int[] start = new int[64];
    private int[] end = new int[64];
    private boolean[] quoted = new boolean[64];

    /** Splits {@code line}; false when its quotes are malformed (then {@link #size} is 0). */
    public boolean parse(String line) {
        this.line = line;
        count = 0;
        int i = 0;
        int length = line.length();
        while (true) {
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
                quoted = Arrays.copyOf(quoted, count * 2);
            }
            if (i < length && line.charAt(i) == '"') {
                int j = i + 1;
                while (true) {
                    int q = line.indexOf('"', j);
                    if (q < 0)
                        return malformed();
                    if (q + 1 < length && line.charAt(q + 1) == '"') {
                        j = q + 2;
                        continue;
                    }
                    start[count] = i + 1;
                    end[count] = q;
                    quoted[count] = true;
                    i = q + 1;
                    break;
                }
                if (i < length && line.charAt(i) != ',')
                    return malformed();
            } else {
                int comma = line.indexOf(',', i);
                int stop = comma < 0 ? length : comma;
                int quote = line.indexOf('"', i);
                if (quote >= 0 && quote < stop)
                    return malformed();
                start[count] = i;
                end[count] = stop;
                quoted[count] = false;
                i = stop;
            }
            count++;
            if (i >= length)
                return true;
            i++;                                           // the comma; a trailing one leaves one empty cell
        }
    }

    private boolean malformed() {
        count = 0;
        return false;
    }

    public int size() {
        return count;
    }

    public String get(int cell) {
        if (cell < 0 || cell >= count)
            throw new IndexOutOfBoundsException("cell " + cell + " of " + count);
        String s = line.substring(start[cell], end[cell]);
        return quoted[cell] ? s.replace("\"\"", "\"") : s;
    }

    /** The whole line as parsed. */
    public String line() {
        return line;
    }
}
