package org.bitsweep.cost.fpga;

import java.util.Locale;

/** The kinds of FPGA resource a design uses; {@link #id()} is how results name the one that runs out first. */
public enum Resource {
    LUT, FF, DSP, BRAM, URAM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
