package org.bitsweep.sweep.store;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.sweep.file.Derived;
import org.bitsweep.sweep.file.SweepFile;

/**
 * The columns of results.csv and results.jsonl, in order, and which of them expressions may read. Every quantity's
 * unit is in its name; energy and time are for one run of the workload (for a decode workload, one decode step).
 */
public final class ResultColumns {
    /** Parameters written as text. */
    public static final List<String> TEXT_PARAMETERS = List.of("workload", "weights", "activations", "granularity",
            "pe", "array", "dataflow", "overflow", "timing", "node");
    /** Parameters that are numbers, readable in constraints and derived columns before a point runs. */
    public static final List<String> NUMERIC_PARAMETERS = List.of("rows", "cols", "pes", "accumulator_bits",
            "buffer_kib", "clock_mhz", "dram_gbps", "weight_bits", "activation_bits", "group_size");
    /** Measured numbers, after the accuracy column. */
    public static final List<String> METRICS = List.of("weight_bits_per_element", "cycles", "compute_cycles",
            "memory_cycles", "seconds", "dram_bytes", "energy_pj", "energy_mac_pj", "energy_register_pj",
            "energy_weight_sram_pj", "energy_activation_sram_pj", "energy_output_sram_pj", "energy_dram_pj",
            "energy_leakage_pj", "area_um2", "utilization");

    private ResultColumns() {
    }

    /**
     * point, text parameters, numeric parameters, accuracy, metrics, derived columns, bound (compute or memory),
     * feasible, accuracy_source.
     */
    public static List<String> header(SweepFile sweep) {
        List<String> h = new ArrayList<>();
        h.add("point");
        h.addAll(TEXT_PARAMETERS);
        h.addAll(NUMERIC_PARAMETERS);
        h.add(sweep.accuracy().metric());
        h.addAll(METRICS);
        for (Derived d : sweep.derived())
            h.add(d.name());
        h.add("bound");
        h.add("feasible");
        h.add("accuracy_source");
        return h;
    }

    /** Numbers an expression may read, given the accuracy metric's name. */
    public static List<String> numericColumns(String accuracyMetric) {
        List<String> n = new ArrayList<>(NUMERIC_PARAMETERS);
        n.add(accuracyMetric);
        n.addAll(METRICS);
        return n;
    }
}
