package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bitsweep.cost.fpga.MacUnitCost;
import org.bitsweep.cost.fpga.Resource;
import org.bitsweep.sim.fpga.FpgaDesign;
import org.bitsweep.sim.fpga.FpgaLayerResult;
import org.bitsweep.sim.fpga.FpgaSimResult;

/** What {@code simulate} prints of an FPGA run beside the results row: the design's resources, unit and layers. */
final class FpgaRunReport {
    private FpgaRunReport() {
    }

    /** Resources as results name them: block RAM is counted in 18 Kb halves. */
    static String name(Resource r) {
        return r == Resource.BRAM ? "bram18" : r.id();
    }

    /** The JSON's details after the row's columns: the unit, each resource, every layer and the sources. */
    static void addJson(Map<String, Object> m, FpgaSimResult r) {
        FpgaDesign d = r.design();
        MacUnitCost c = d.unitCost();
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("id", d.unit().id());
        unit.put("formats", d.unit().formats().toString());
        unit.put("accumulator", d.unit().accumulator().id());
        unit.put("accumulator_bits", d.unit().accumulatorBits());
        unit.put("lanes", c.lanes());
        unit.put("lut", c.luts());
        unit.put("ff", c.ffs());
        unit.put("dsp", c.dsps());
        unit.put("fmax_mhz", c.fmaxMhz());
        unit.put("fmax_limited_by", c.fmaxLimitedBy());
        m.put("unit", unit);
        Map<String, Object> resources = new LinkedHashMap<>();
        for (Resource res : Resource.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("used", d.used().get(res));
            one.put("budget", d.budget().get(res));
            one.put("device", d.device().capacity().get(res));
            one.put("fraction_of_device", d.fractionOfDevice(res));
            resources.put(name(res), one);
        }
        m.put("resources", resources);
        List<Map<String, Object>> layers = new ArrayList<>(r.layers().size());
        for (FpgaLayerResult l : r.layers()) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("name", l.name());
            layer.put("gemm", l.shape().toString());
            layer.put("count", l.count());
            layer.put("cycles", l.cycles());
            layer.put("compute_cycles", l.computeCycles());
            layer.put("memory_cycles", l.memoryCycles());
            layer.put("seconds", l.seconds());
            layer.put("macs", l.macs());
            layer.put("dram_bytes", l.dramBytes());
            layer.put("utilization", l.utilization());
            layer.put("bound", l.bound().id());
            layers.add(layer);
        }
        m.put("layers", layers);
        m.put("sources", r.sources());
    }

    static void print(PrintWriter w, String workload, FpgaSimResult r) {
        FpgaDesign d = r.design();
        w.printf(Locale.ROOT, "%s on %s: %,d %s units (%s, %s accumulator of %d bits, %d lane%s) at %.0f MHz (set by "
                        + "%s)%n", workload, d.device().id(), d.units(), d.unit().id(), d.unit().formats(),
                d.unit().accumulator().id(), d.unit().accumulatorBits(), d.unitCost().lanes(),
                d.unitCost().lanes() == 1 ? "" : "s", d.clockMhz(), d.clockLimit());
        w.printf(Locale.ROOT, "cycles %,d (compute %,d, DRAM alone %,d): %s-bound, %.6g s, %.4g MAC/s, utilization "
                + "%.3f%n", r.cycles(), r.computeCycles(), r.memoryCycles(), r.boundId(), r.seconds(),
                r.macsPerSecond(), r.utilization());
        w.printf(Locale.ROOT, "one MAC lane: %.1f LUT, %.0f FF, %.3g DSP; fmax %.0f MHz (%s)%n",
                d.unitCost().perMac().luts(), d.unitCost().perMac().ffs(), d.unitCost().perMac().dsps(),
                d.unitCost().fmaxMhz(), d.unitCost().fmaxLimitedBy());
        w.printf("%-10s %14s %14s %14s %10s%n", "resource", "used", "budget", "device", "of device");
        for (Resource res : Resource.values())
            w.printf(Locale.ROOT, "%-10s %,14.0f %,14.0f %,14.0f %9.1f%%%n", name(res), d.used().get(res),
                    d.budget().get(res), d.device().capacity().get(res), 100 * d.fractionOfDevice(res));
        w.printf("bound by %s: one more unit would overrun it%n", r.boundBy());
        w.printf("%-28s %-18s %6s %16s %16s %16s %8s %8s%n", "layer", "gemm (m×n×k)", "count", "cycles", "compute",
                "DRAM alone", "bound", "util");
        for (FpgaLayerResult l : r.layers())
            w.printf(Locale.ROOT, "%-28s %-18s %6d %,16d %,16d %,16d %8s %8.3f%n", l.name(), l.shape(), l.count(),
                    l.cycles(), l.computeCycles(), l.memoryCycles(), l.bound().id(), l.utilization());
    }
}
