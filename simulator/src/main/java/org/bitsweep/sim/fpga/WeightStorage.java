package org.bitsweep.sim.fpga;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.bitsweep.workloads.UserInputException;

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

    /** @throws UserInputException naming the valid ids */
    public static WeightStorage byId(String id) {
        for (WeightStorage s : values())
            if (s.id.equals(id))
                return s;
        throw new UserInputException("weights \"%s\"; valid: %s".formatted(id, validIds()));
    }

    public static String validIds() {
        return Arrays.stream(values()).map(WeightStorage::id).collect(Collectors.joining(", "));
    }
}
