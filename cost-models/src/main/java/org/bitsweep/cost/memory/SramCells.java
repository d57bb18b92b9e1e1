package org.bitsweep.cost.memory;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.bitsweep.cost.NotPricedException;

/**
 * The transistors an SRAM is built from, as CACTI 7 names its ITRS device types: the same type for the cell array and
 * for the peripheral circuits (decoders, drivers, sense amplifiers). Each has its own CACTI grid over the same shapes
 * and nodes, so the two can be compared point by point.
 */
public enum SramCells {
    /** CACTI's {@code itrs-hp}: fast, low-threshold transistors that leak a lot. */
    HP("hp", "ITRS high-performance cells and periphery (CACTI itrs-hp): fastest, and leaks the most",
            "memory/sram-cacti.yaml"),
    /** CACTI's {@code itrs-lstp}: high-threshold transistors that leak orders of magnitude less and switch slower. */
    LSTP("lstp", "ITRS low-standby-power cells and periphery (CACTI itrs-lstp): slower, leaks orders of magnitude less",
            "memory/sram-cacti-lstp.yaml");

    private final String id;
    private final String meaning;
    private final String file;

    SramCells(String id, String meaning, String file) {
        this.id = id;
        this.meaning = meaning;
        this.file = file;
    }

    /** The name used in files and on the command line: "hp" or "lstp". */
    public String id() {
        return id;
    }

    /** One line saying what the cells are and what they cost. */
    public String meaning() {
        return meaning;
    }

    /** @throws NotPricedException for an id that names no cell type; the message lists the valid ones */
    public static SramCells byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst().orElseThrow(() ->
                new NotPricedException("unknown SRAM cell type \"%s\"; valid: %s".formatted(id,
                        Arrays.stream(values()).map(SramCells::id).collect(Collectors.joining(", ")))));
    }

    /** The bundled CACTI grid of these cells. */
    String file() {
        return file;
    }
}
