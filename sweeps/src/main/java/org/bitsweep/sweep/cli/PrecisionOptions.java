package org.bitsweep.sweep.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.Network;
import org.bitsweep.workloads.precision.LayerSensitivity;
import org.bitsweep.workloads.precision.SensitivityTable;
import org.bitsweep.workloads.quant.QuantConfig;
import picocli.CommandLine.Option;

/** What {@code bitsweep sensitivity} and {@code bitsweep allocate} share: the model, candidates and reference. */
final class PrecisionOptions {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "fmnist-mlp or fmnist-cnn")
    String model;

    @Option(names = "--formats", required = true, split = ",", paramLabel = "FORMAT[:GRANULARITY]",
            description = "candidate weight formats, comma-separated, e.g. int2,int4,int8 or int4:group:32,fp8-e4m3 "
                    + "(default granularity channel:0)")
    String[] formats;

    @Option(names = "--reference", defaultValue = "int8", paramLabel = "FORMAT[:GRANULARITY]",
            description = "the weights of every layer not being measured, or fp32 (default: ${DEFAULT-VALUE})")
    String reference;

    @Option(names = "--activations", defaultValue = "int8", paramLabel = "FORMAT[:GRANULARITY]",
            description = "activation format for every layer, or fp32 (default: ${DEFAULT-VALUE})")
    String activations;

    @Option(names = "--images", paramLabel = "N",
            description = "measure on the first N test images (default: all 10,000)")
    Integer images;

    Network network() {
        return FashionModels.shipped(model).network();
    }

    Map<String, QuantConfig> candidates() {
        Map<String, QuantConfig> c = new LinkedHashMap<>();
        for (String f : formats) {
            QuantConfig q = AccuracyCommand.config("--formats", f, "minmax", "--weight-clip", true);
            if (q == null)
                throw new UserInputException("--formats: fp32 is not a quantization to allocate; list formats such as "
                        + "int2,int4,int8");
            if (c.put(f.trim(), q) != null)
                throw new UserInputException("--formats: %s is listed twice".formatted(f.trim()));
        }
        return c;
    }

    InferenceConfig referenceConfig() {
        QuantConfig w = AccuracyCommand.config("--reference", reference, "minmax", "--weight-clip", true);
        QuantConfig a = AccuracyCommand.config("--activations", activations, "minmax", "--activation-clip", false);
        return InferenceConfig.of(w, a);
    }

    LabelledImages testImages() {
        LabelledImages all = FashionMnist.test();
        if (images == null)
            return all;
        if (images < 1 || images > all.count())
            throw new UserInputException("--images: %d; valid: 1 to %,d".formatted(images, all.count()));
        return all.first(images);
    }

    SensitivityTable measure() {
        FashionModels.architecture(model);
        Map<String, QuantConfig> candidates = candidates();
        return LayerSensitivity.measure(network(), reference.trim(), referenceConfig(), candidates, testImages(),
                FashionMnist.calibration());
    }

    /** The table as JSON-ready maps. */
    static Map<String, Object> json(SensitivityTable t) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", t.model());
        r.put("reference", t.reference());
        r.put("activations", t.activations());
        r.put("images", t.images());
        r.put("reference_top1", t.referenceTop1());
        r.put("formats", t.formats());
        r.put("measure", "top-1 drop of each layer alone at each format, the others at the reference");
        java.util.List<Map<String, Object>> layers = new java.util.ArrayList<>();
        for (SensitivityTable.Layer l : t.layers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", l.name());
            row.put("parameters", l.parameters());
            Map<String, Object> cells = new LinkedHashMap<>();
            for (SensitivityTable.Cell c : l.cells()) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("top1", c.top1());
                cell.put("drop", c.drop());
                cell.put("weight_bits_per_element", c.weightBitsPerElement());
                cells.put(c.format(), cell);
            }
            row.put("formats", cells);
            layers.add(row);
        }
        r.put("layers", layers);
        return r;
    }

    /** The table as text: one row per layer, top-1 drop in points and bits per weight per format. */
    static String table(SensitivityTable t) {
        StringBuilder s = new StringBuilder();
        s.append("%s on %,d Fashion-MNIST test images; reference weights %s, activations %s: top-1 %.2f %%%n"
                .formatted(t.model(), t.images(), t.reference(), t.activations(), 100 * t.referenceTop1()));
        s.append("top-1 drop (points) with one layer at each format, the others at the reference:%n".formatted());
        s.append("  %-8s %10s".formatted("layer", "weights"));
        for (String f : t.formats())
            s.append(" %18s".formatted(f));
        s.append(System.lineSeparator());
        for (SensitivityTable.Layer l : t.layers()) {
            s.append("  %-8s %,10d".formatted(l.name(), l.parameters()));
            for (SensitivityTable.Cell c : l.cells())
                s.append(" %7.2f (%5.2f b/w)".formatted(100 * c.drop(), c.weightBitsPerElement()));
            s.append(System.lineSeparator());
        }
        return s.toString();
    }
}
