package org.bitsweep.sim.gpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result columns of a GPU run, named once: a new column is one line here. */
public final class GpuColumns {
    public static final List<String> NAMES = List.of("cycles", "seconds", "bound", "energy_pj", "energy_is_estimate",
            "dram_s", "tensor_core_s", "cuda_core_s", "shared_memory_s", "launch_s");

    private GpuColumns() {
    }

    static Map<String, Object> of(long cycles, double seconds, GpuResource bound, double energyPj, ResourceTimes t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycles", cycles);
        m.put("seconds", seconds);
        m.put("bound", bound.id());
        m.put("energy_pj", energyPj);
        m.put("energy_is_estimate", true);
        m.put("dram_s", t.dramSeconds());
        m.put("tensor_core_s", t.tensorSeconds());
        m.put("cuda_core_s", t.cudaCoreSeconds());
        m.put("shared_memory_s", t.sharedMemorySeconds());
        m.put("launch_s", t.launchSeconds());
        return m;
    }
}
