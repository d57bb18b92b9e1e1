package org.bitsweep.sweep.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.bitsweep.pe.Overflow;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.workloads.format.NumberFormat;

/**
 * Writes the sweep as understood, every default filled in and every axis as a list of values, in the schema the
 * reader accepts: {@code sweep.resolved.yaml} runs again as it is, and {@code --resume} compares against it.
 */
public final class ResolvedSweepWriter {
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ResolvedSweepWriter() {
    }

    public static Map<String, Object> tree(SweepFile s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("name", s.name());
        root.put("seed", s.seed());
        root.put("workload", values(s.axis("workload")));
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("distribution", s.accuracy().distribution());
        tensor.put("rows", s.accuracy().rows());
        tensor.put("cols", s.accuracy().cols());
        tensor.put("std", s.accuracy().std());
        Map<String, Object> accuracy = new LinkedHashMap<>();
        accuracy.put("metric", s.accuracy().metric());
        if (s.accuracy().isTop1()) {
            accuracy.put("model", s.accuracy().model());
            accuracy.put("images", s.accuracy().images());
            accuracy.put("through_pe", s.accuracy().throughPe());
        } else {
            accuracy.put("tensor", tensor);
        }
        root.put("accuracy", accuracy);
        Map<String, Object> quantization = new LinkedHashMap<>();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", "pe-array");
        for (Axis a : s.axes()) {
            if (a.key().startsWith("quantization."))
                quantization.put(a.column(), values(a));
            else if (a.key().startsWith("target."))
                target.put(a.column(), values(a));
        }
        root.put("quantization", quantization);
        root.put("target", target);
        if (!s.zip().isEmpty())
            root.put("zip", s.zip());
        if (!s.derived().isEmpty()) {
            Map<String, Object> derived = new LinkedHashMap<>();
            s.derived().forEach(d -> derived.put(d.name(), d.expression().text()));
            root.put("derived", derived);
        }
        if (!s.constraints().isEmpty())
            root.put("constraints", s.constraints().stream().map(c -> c.expression().text()).toList());
        root.put("objectives", s.objectives().stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", o.column());
            m.put("direction", o.direction());
            return m;
        }).toList());
        Map<String, Object> pareto = new LinkedHashMap<>();
        s.groupBy().ifPresent(g -> pareto.put("group_by", g));
        pareto.put("color_by", s.colorBy());
        root.put("pareto", pareto);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("charts", s.charts());
        outputs.put("report", s.report());
        root.put("outputs", outputs);
        return root;
    }

    /** The resolved file's text, header comment included; equal texts mean the same sweep. */
    public static String text(SweepFile s) {
        try {
            return "# The sweep as BitSweep understood it, with every default filled in. It runs again as it is.\n"
                    + YAML.writeValueAsString(tree(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(SweepFile s, Path file) {
        try {
            Files.writeString(file, text(s));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static List<Object> values(Axis a) {
        return a.values().stream().map(ResolvedSweepWriter::plain).toList();
    }

    /** Numbers stay numbers; everything else is written as the name the reader parses. */
    private static Object plain(Object v) {
        if (v instanceof Number)
            return v;
        if (v instanceof NumberFormat f)
            return f.name();
        if (v instanceof Overflow o)
            return o.id();
        if (v instanceof Dataflow d)
            return d.id();
        if (v instanceof Timing t)
            return t.id();
        return v.toString();
    }
}
