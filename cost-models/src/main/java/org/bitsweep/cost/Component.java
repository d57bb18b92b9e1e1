package org.bitsweep.cost;

import java.util.Arrays;

/**
 * The kinds of hardware the ASIC tables price; each has its data file {@code asic/<id>.yaml}, which must interpolate
 * on the measure named here (the loader checks), because {@link Part}'s factories compute sizes in that measure.
 */
public enum Component {
    INT_ADDER("int-adder", SizeMeasure.WIDTH_BITS),
    INT_MULTIPLIER("int-multiplier", SizeMeasure.WIDTH_PRODUCT),
    REGISTER("register", SizeMeasure.WIDTH_BITS),
    SHIFTER("shifter", SizeMeasure.BARREL_MUX2_CELLS),
    MULTIPLEXER("multiplexer", SizeMeasure.TREE_MUX2_CELLS),
    FP_ADDER("fp-adder", SizeMeasure.SIGNIFICAND_BITS),
    FP_MULTIPLIER("fp-multiplier", SizeMeasure.SIGNIFICAND_PRODUCT),
    SRAM_READ("sram-read", SizeMeasure.CAPACITY_BYTES),
    SRAM_WRITE("sram-write", SizeMeasure.CAPACITY_BYTES),
    DRAM("dram", SizeMeasure.ACCESS_BITS);

    private final String id;
    private final SizeMeasure measure;

    Component(String id, SizeMeasure measure) {
        this.id = id;
        this.measure = measure;
    }

    public String id() {
        return id;
    }

    public SizeMeasure measure() {
        return measure;
    }

    public static Component byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component " + id));
    }
}
