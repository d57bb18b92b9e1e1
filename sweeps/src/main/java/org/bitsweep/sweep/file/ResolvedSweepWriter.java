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

import org.bitsweep.sweep.model.Axis;
import org.bitsweep.sweep.model.ChartSpec;
import org.bitsweep.sweep.model.SweepCase;
import org.bitsweep.sweep.model.SweepFile;

/**
 * Writes the sweep as understood, every default filled in and every axis as a list of values, in the schema the
 * reader accepts: {@code sweep.resolved.yaml} runs again as it is, and {@code --resume} compares against it. A file
 * with cases is written as cases, each whole.
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
        Map<String, Object> accuracy = new LinkedHashMap<>();
        accuracy.put("metric", s.accuracy().metric());
        if (s.accuracy().isTop1()) {
            accuracy.put("model", s.accuracy().model());
            accuracy.put("images", s.accuracy().images());
            accuracy.put("through_pe", s.accuracy().throughPe());
        } else {
            Map<String, Object> tensor = new LinkedHashMap<>();
            tensor.put("distribution", s.accuracy().distribution());
            tensor.put("rows", s.accuracy().rows());
            tensor.put("cols", s.accuracy().cols());
            tensor.put("std", s.accuracy().std());
            accuracy.put("tensor", tensor);
        }
        if (s.hasCases()) {
            root.put("accuracy", accuracy);
            root.put("cases", s.cases().stream().map(ResolvedSweepWriter::sweepCase).toList());
        } else {
            Map<String, Object> only = sweepCase(s.cases().get(0));
            root.put("workload", only.get("workload"));
            root.put("accuracy", accuracy);
            root.put("quantization", only.get("quantization"));
            root.put("target", only.get("target"));
            if (only.containsKey("zip"))
                root.put("zip", only.get("zip"));
        }
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
        root.put("charts", s.charts().stream().map(ResolvedSweepWriter::chart).toList());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("charts", s.imageTypes());
        outputs.put("report", s.report());
        outputs.put("jsonl", s.jsonl().fileValue());
        root.put("outputs", outputs);
        return root;
    }

    private static Map<String, Object> sweepCase(SweepCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> quantization = new LinkedHashMap<>();
        Map<String, Object> target = new LinkedHashMap<>();
        Map<String, Object> workload = new LinkedHashMap<>();
        target.put("kind", c.targetKind());
        for (Axis<?> a : c.axes()) {
            if (a.key().equals("workload"))
                workload.put("name", values(a));
            else if (a.key().startsWith("workload."))
                workload.put(a.column(), values(a));
            else if (a.key().startsWith("quantization."))
                quantization.put(a.column(), values(a));
            else if (a.key().startsWith("target."))
                target.put(a.column(), values(a));
        }
        m.put("workload", workload);
        m.put("quantization", quantization);
        m.put("target", target);
        if (!c.zip().isEmpty())
            m.put("zip", c.zip());
        return m;
    }

    private static Map<String, Object> chart(ChartSpec c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("x", c.x());
        m.put("y", c.y());
        c.colorBy().ifPresent(v -> m.put("color_by", v));
        c.logX().ifPresent(v -> m.put("log_x", v));
        c.logY().ifPresent(v -> m.put("log_y", v));
        return m;
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

    private static List<Object> values(Axis<?> a) {
        return a.values().stream().map(v -> a.knob().plainValue(v)).toList();
    }
}
