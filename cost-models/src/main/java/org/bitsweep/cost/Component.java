package org.bitsweep.cost;

import java.util.Arrays;

/** The kinds of hardware the ASIC tables price; each has its data file {@code asic/<id>.yaml}. */
public enum Component {
    INT_ADDER("int-adder"),
    INT_MULTIPLIER("int-multiplier"),
    REGISTER("register"),
    SRAM_READ("sram-read");

    private final String id;

    Component(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Component byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component " + id));
    }
}
