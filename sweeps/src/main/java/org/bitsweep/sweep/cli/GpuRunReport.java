package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bitsweep.sim.gpu.GemmResult;
import org.bitsweep.sim.gpu.GpuLayerResult;
import org.bitsweep.sim.gpu.GpuResource;
import org.bitsweep.sim.gpu.GpuRunResult;

/** What {@code simulate} prints of a GPU run beside the results row: the kernel that ran each layer, and its time. */
final class GpuRunReport {
    private GpuRunReport() {
    }

    /** The JSON's details after the row's columns: every layer with its kernel, time, bound and resource times. */
    static void addJson(Map<String, Object> m, GpuRunResult r) {
        m.put("energy_is_estimate", r.energyIsEstimate());
        List<Map<String, Object>> layers = new ArrayList<>(r.layers().size());
        for (GpuLayerResult l : r.layers()) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("name", l.name());
            layer.put("gemm", l.shape().toString());
            layer.put("count", l.count());
            layer.put("kernel", l.kernel());
            layer.put("launches", l.result().launches().size());
            layer.putAll(l.result().columns());
            layer.remove("energy_is_estimate");
            l.result().separateWork().ifPresent(s -> layer.put("separate_seconds", s.seconds()));
            layers.add(layer);
        }
        m.put("layers", layers);
    }

    static void print(PrintWriter w, String workload, GpuRunResult r) {
        w.printf(Locale.ROOT, "%s on %s, kernel %s (ran %s)%n", workload, r.gpu(), r.kernel(), r.kernelsRun());
        w.printf(Locale.ROOT, "cycles %,d at the boost clock: %.6g s, %s-bound; energy %.6g pJ (board power × time: "
                + "an estimate); DRAM traffic %,.0f B%n", r.cycles(), r.seconds(), r.boundId(), r.energyPj(),
                r.dramBytes());
        StringBuilder alone = new StringBuilder("each resource alone (s):");
        for (GpuResource res : GpuResource.values())
            alone.append(String.format(Locale.ROOT, " %s %.4g", res.id(), r.times().seconds(res)));
        w.println(alone);
        if (r.separateSeconds() > 0)
            w.printf(Locale.ROOT, "left out of the kernels' published timings, timed apart: %.4g s%n",
                    r.separateSeconds());
        w.printf("%-28s %-18s %6s %-12s %12s %13s %16s%n", "layer", "gemm (m×n×k)", "count", "kernel", "seconds",
                "bound", "dram bytes");
        for (GpuLayerResult l : r.layers()) {
            GemmResult g = l.result();
            w.printf(Locale.ROOT, "%-28s %-18s %6d %-12s %12.4g %13s %,16.0f%n", l.name(), l.shape(), l.count(),
                    l.kernel(), g.seconds(), g.boundId(), g.dramBytes());
        }
    }
}
