package org.bitsweep.sim.gpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.bitsweep.sim.target.MetricColumn;

/**
 * The result columns of a GPU run or GEMM, named once: sweeps' results rows ({@code GpuSpec}'s metrics) and
 * {@link GemmResult#columns()} both come from {@link #METRICS}, so a new column is one line here.
 */
public final class GpuColumns {
    public static final List<MetricColumn> METRICS = List.of(
            metric("cycles", "one run of the workload at the GPU's boost clock", true, GpuTimedResult::cycles),
            metric("seconds", "one run of the workload", false, GpuTimedResult::seconds),
            metric("energy_pj", "board power × seconds: an estimate, not a measurement (power below the board limit "
                    + "is not modelled)", false, GpuTimedResult::energyPj),
            metric("dram_bytes", "bytes read from and written to DRAM", true, GpuTimedResult::dramBytes),
            metric("dram_seconds", "the DRAM traffic alone, summed over every launch", false,
                    r -> r.times().dramSeconds()),
            metric("tensor_core_seconds", "the tensor-core work alone, summed over every launch", false,
                    r -> r.times().tensorSeconds()),
            metric("cuda_core_seconds", "the CUDA-core instructions alone (dequantization, epilogues), summed over "
                    + "every launch", false, r -> r.times().cudaCoreSeconds()),
            metric("shared_memory_seconds", "the shared-memory accesses alone, summed over every launch", false,
                    r -> r.times().sharedMemorySeconds()),
            metric("launch_seconds", "the launches' fixed cost, summed", false, r -> r.times().launchSeconds()));

    /** Every key of {@link GemmResult#columns()}: the metrics, then bound and energy_is_estimate. */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(METRICS.stream().map(MetricColumn::name).toList());
        names.add("bound");
        names.add("energy_is_estimate");
        NAMES = List.copyOf(names);
    }

    private GpuColumns() {
    }

    private static MetricColumn metric(String name, String meaning, boolean integral,
                                       ToDoubleFunction<GpuTimedResult> read) {
        return MetricColumn.of(GpuTimedResult.class, name, meaning, integral, read);
    }

    static Map<String, Object> of(GpuTimedResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (MetricColumn c : METRICS)
            m.put(c.name(), c.value(r));
        m.put("bound", r.boundId());
        m.put("energy_is_estimate", r.energyIsEstimate());
        return m;
    }
}
