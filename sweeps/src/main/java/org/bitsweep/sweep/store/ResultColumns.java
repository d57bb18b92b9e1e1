package org.bitsweep.sweep.store;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.sim.EnergyBreakdown;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sweep.eval.Metrics;
import org.bitsweep.sweep.space.DesignPoint;

/**
 * The columns of results.csv, in order. Every quantity's unit is in its name; energy and time are for one run of
 * the whole workload (for a decode workload, one decode step).
 */
public final class ResultColumns {
    private ResultColumns() {
    }

    public static List<String> header(String accuracyColumn) {
        return List.of("point", "workload", "weights", "activations", "granularity", "pe", "array",
                "accumulator_bits", "overflow", "buffer_kib", "clock_mhz", "node", accuracyColumn,
                "weight_bits_per_element", "cycles", "seconds", "energy_pj", "energy_mac_pj", "energy_register_pj",
                "energy_weight_sram_pj", "energy_activation_sram_pj", "area_um2", "utilization");
    }

    public static List<Object> row(String workload, Metrics m) {
        DesignPoint p = m.point();
        SimResult r = m.sim();
        EnergyBreakdown e = r.energy();
        List<Object> row = new ArrayList<>(23);
        row.add(p.id());
        row.add(workload);
        row.add(p.weights().name());
        row.add(p.activations().name());
        row.add(p.granularity().toString());
        row.add(p.pe());
        row.add(p.array().toString());
        row.add(p.accumulatorBits());
        row.add(p.overflow().id());
        row.add(p.bufferKib());
        row.add(p.clockMhz());
        row.add(p.node());
        row.add(m.accuracy());
        row.add(m.weightBitsPerElement());
        row.add(r.cycles());
        row.add(r.seconds());
        row.add(e.totalPj());
        row.add(e.macPj());
        row.add(e.registerPj());
        row.add(e.weightSramPj());
        row.add(e.activationSramPj());
        row.add(r.areaUm2());
        row.add(r.utilization());
        return row;
    }
}
