package org.bitsweep.sweep.model;

/**
 * The unit a column's name carries, read from its suffix (names carry their units: {@code energy_pj},
 * {@code area_um2}, {@code buffer_kib}), for table headers and chart axes.
 */
public final class Units {
    private Units() {
    }

    public static String of(String column) {
        if (column.endsWith("_pj_per_bit"))
            return "pJ/bit";
        if (column.endsWith("_bytes_per_cycle"))
            return "B/cycle";
        if (column.endsWith("_pj"))
            return "pJ";
        if (column.endsWith("_um2"))
            return "µm²";
        if (column.endsWith("_mm2"))
            return "mm²";
        if (column.endsWith("_db"))
            return "dB";
        if (column.endsWith("_kib"))
            return "KiB";
        if (column.endsWith("_mhz"))
            return "MHz";
        if (column.endsWith("_gbps"))
            return "GB/s";
        if (column.endsWith("_bytes"))
            return "B";
        if (column.endsWith("_bits") || column.endsWith("_bits_per_element"))
            return "bits";
        if (column.equals("seconds") || column.endsWith("_seconds"))
            return "s";
        if (column.equals("cycles") || column.endsWith("_cycles"))
            return "cycles";
        return "";
    }
}
