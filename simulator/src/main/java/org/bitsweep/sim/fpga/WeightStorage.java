package org.bitsweep.sim.fpga;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where an FPGA accelerator keeps its weights: all of them on chip (block RAM or UltraRAM), loaded once; or in DRAM,
 * streamed layer by layer through a double-buffered on-chip tile, each weight read once per layer.
 */
public enum WeightStorage {
    DRAM("dram"), ON_CHIP("on-chip");

    private final String id;

    WeightStorage(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static String validIds() {
        return Arrays.stream(values()).map(WeightStorage::id).collect(Collectors.joining(", "));
    }
}
