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

import org.bitsweep.sweep.model.AllocateChoice;
import org.bitsweep.sweep.model.Axis;
import org.bitsweep.sweep.model.ChartSpec;
import org.bitsweep.sweep.model.GemmKnobs;
import org.bitsweep.sweep.model.GemmSpec;
import org.bitsweep.sweep.model.SweepCase;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.model.SweepKnobs;
import org.bitsweep.sweep.model.WeightChoice;

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
        } else if (s.accuracy().isOutput()) {
            accuracy.put("through_pe", s.accuracy().throughPe());
            accuracy.put("gemm", gemm(s.accuracy().gemm()));
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
            else if (a.key().equals(SweepKnobs.ALLOCATE_KEY))
                quantization.put("allocate", allocate(a.as(AllocateChoice.class)));
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

    /** accuracy.gemm with only the keys that apply to it, files as absolute paths. */
    private static Map<String, Object> gemm(GemmSpec g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(GemmKnobs.ATTENTION.name(), g.attention());
        if (g.activationFile() != null)
            m.put(GemmKnobs.ACTIVATION_FILE.name(), g.activationFile());
        else
            m.put(GemmKnobs.TOKENS.name(), g.tokens());
        if (g.outliers() != null) {
            boolean none = g.outliers().channelFraction() == 0;
            m.put(GemmKnobs.OUTLIERS.name(), none ? GemmKnobs.NONE : "default");
            if (!none) {
                m.put(GemmKnobs.OUTLIER_FRACTION.name(), g.outliers().channelFraction());
                m.put(GemmKnobs.OUTLIER_MAGNITUDE.name(), g.outliers().magnitude());
                m.put(GemmKnobs.OUTLIER_TOKENS.name(), g.outliers().tokenFraction());
                m.put(GemmKnobs.OUTLIER_SPREAD.name(), g.outliers().tokenSpread());
            }
        }
        if (g.attention()) {
            if (g.keyFile() != null) {
                m.put(GemmKnobs.KEY_FILE.name(), g.keyFile());
            } else {
                m.put(GemmKnobs.CONTEXT.name(), g.context());
                if (g.headDim() > 0)
                    m.put(GemmKnobs.HEAD_DIM.name(), g.headDim());
            }
            m.put(GemmKnobs.KV_GRANULARITY.name(), g.kvGranularity().toString());
        } else if (g.weightFile() != null) {
            m.put(GemmKnobs.WEIGHT_FILE.name(), g.weightFile());
        } else {
            if (g.k() > 0)
                m.put(GemmKnobs.K.name(), g.k());
            m.put(GemmKnobs.N.name(), g.n());
            m.put(GemmKnobs.LAYERS.name(), g.layers());
            m.put(GemmKnobs.WEIGHT_DISTRIBUTION.name(), g.weightDistribution());
            m.put(GemmKnobs.WEIGHT_STD.name(), g.weightStd());
        }
        if (g.activationFile() != null || !g.syntheticB())
            m.put(GemmKnobs.NAN.name(), g.nanToZero() ? "zero" : "error");
        m.put(GemmKnobs.ACTIVATION_GRANULARITY.name(), g.activationGranularity().toString());
        m.put(GemmKnobs.WEIGHT_CLIP.name(), g.weightClip().toString());
        m.put(GemmKnobs.ACTIVATION_CLIP.name(), g.activationClip().toString());
        m.put(GemmKnobs.DECOMPOSE.name(), g.decomposition().map(d -> (Object) d.threshold()).orElse(GemmKnobs.NONE));
        return m;
    }

    private static Map<String, Object> allocate(Axis<AllocateChoice> a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SweepKnobs.BUDGET_BITS.name(), a.values().stream().map(AllocateChoice::budgetBits).toList());
        m.put(SweepKnobs.CANDIDATES.name(), a.value(0).candidates().stream().map(WeightChoice::written).toList());
        m.put(SweepKnobs.ALLOCATE_METRIC.name(), a.value(0).metric());
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
