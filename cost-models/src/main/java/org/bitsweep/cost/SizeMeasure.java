package org.bitsweep.cost;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a component's table interpolates on. A data file names its measure in {@code size_measure:}; each row gives
 * the fields the measure reads, and {@link Part}'s factories compute the same number from a part's shape, through the
 * helpers here, so that a row and a part of the same shape always land on the same size.
 */
public enum SizeMeasure {
    /** Width in bits (adders, registers). Row field: {@code width_bits}. */
    WIDTH_BITS("width_bits"),
    /** a·b bit pairs of an a×b array multiplier. Row field: {@code width_bits} w of a square multiplier, size w². */
    WIDTH_PRODUCT("width_product"),
    /** Capacity in bytes (SRAM). Row field: {@code capacity_bytes}. */
    CAPACITY_BYTES("capacity_bytes"),
    /** Bits moved by one access (DRAM). Row field: {@code access_bits}. */
    ACCESS_BITS("access_bits"),
    /** 2:1 multiplexer cells of a logarithmic barrel shifter: width × ⌈log2(max_shift + 1)⌉ stages. */
    BARREL_MUX2_CELLS("barrel_mux2_cells"),
    /** 2:1 multiplexer cells of an n-input multiplexer tree: width × (inputs − 1). */
    TREE_MUX2_CELLS("tree_mux2_cells"),
    /** Significand width M + 1 (hidden bit included) of an ExMy floating-point unit. */
    SIGNIFICAND_BITS("significand_bits"),
    /** (M + 1)² significand bit pairs of an ExMy floating-point multiplier. */
    SIGNIFICAND_PRODUCT("significand_product");

    private final String id;

    SizeMeasure(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SizeMeasure byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElse(null);
    }

    /** Stages of a logarithmic shifter whose shift amount runs 0..maxShift: one stage per bit of the amount. */
    public static int shifterStages(int maxShift) {
        if (maxShift < 1)
            throw new IllegalArgumentException("max shift must be >= 1, got " + maxShift);
        return 32 - Integer.numberOfLeadingZeros(maxShift);
    }

    public static long barrelCells(int widthBits, int maxShift) {
        return (long) positive("width", widthBits) * shifterStages(maxShift);
    }

    public static long treeCells(int widthBits, int inputs) {
        if (inputs < 2)
            throw new IllegalArgumentException("a multiplexer needs >= 2 inputs, got " + inputs);
        return (long) positive("width", widthBits) * (inputs - 1);
    }

    public static long significandBits(int exponentBits, int mantissaBits) {
        checkFloat(exponentBits, mantissaBits);
        return mantissaBits + 1L;
    }

    public static long significandProduct(int exponentBits, int mantissaBits) {
        long s = significandBits(exponentBits, mantissaBits);
        return s * s;
    }

    /** The size of one data-file row under this measure. */
    long ofRow(String file, JsonNode row, String where) {
        return switch (this) {
            case WIDTH_BITS -> Yaml.integer(file, row, "width_bits", where);
            case WIDTH_PRODUCT -> {
                long w = Yaml.integer(file, row, "width_bits", where);
                yield w * w;
            }
            case CAPACITY_BYTES -> Yaml.integer(file, row, "capacity_bytes", where);
            case ACCESS_BITS -> Yaml.integer(file, row, "access_bits", where);
            case BARREL_MUX2_CELLS -> barrelCells(Yaml.integer(file, row, "width_bits", where),
                    Yaml.integer(file, row, "max_shift", where));
            case TREE_MUX2_CELLS -> treeCells(Yaml.integer(file, row, "width_bits", where),
                    Yaml.integer(file, row, "inputs", where));
            case SIGNIFICAND_BITS -> significandBits(Yaml.integer(file, row, "exponent_bits", where),
                    Yaml.integer(file, row, "mantissa_bits", where));
            case SIGNIFICAND_PRODUCT -> significandProduct(Yaml.integer(file, row, "exponent_bits", where),
                    Yaml.integer(file, row, "mantissa_bits", where));
        };
    }

    private static void checkFloat(int exponentBits, int mantissaBits) {
        if (exponentBits < 1 || mantissaBits < 0)
            throw new IllegalArgumentException("E%dM%d: need exponent bits >= 1 and mantissa bits >= 0"
                    .formatted(exponentBits, mantissaBits));
    }

    private static int positive(String what, int v) {
        if (v < 1)
            throw new IllegalArgumentException(what + " must be >= 1, got " + v);
        return v;
    }
}
