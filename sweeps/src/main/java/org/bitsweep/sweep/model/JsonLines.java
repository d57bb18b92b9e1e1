package org.bitsweep.sweep.model;

import java.util.Locale;

/**
 * How a run writes results.jsonl ({@code outputs.jsonl}): plain, gzip-compressed (results.jsonl.gz), or not at all.
 * results.csv is always written; the JSON lines repeat it with types, which a 10⁷-point sweep pays for in gigabytes.
 */
public enum JsonLines {
    PLAIN("true"), GZIP("gzip"), NONE("false");

    private final String fileValue;

    JsonLines(String fileValue) {
        this.fileValue = fileValue;
    }

    /** What the sweep file says for it: true, false or gzip (sweep.resolved.yaml writes it back the same way). */
    public Object fileValue() {
        return this == GZIP ? fileValue : Boolean.valueOf(fileValue);
    }

    /** @throws IllegalArgumentException for anything but true, false and gzip */
    public static JsonLines of(Object raw) {
        if (raw instanceof Boolean b)
            return b ? PLAIN : NONE;
        if (raw instanceof String s && s.toLowerCase(Locale.ROOT).equals("gzip"))
            return GZIP;
        throw new IllegalArgumentException("expected true, false or gzip, got " + raw);
    }
}
