package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bitsweep.sweep.file.TensorSource;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.CastOverflow;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.io.NpyWriter;
import org.bitsweep.workloads.io.TensorData;
import org.bitsweep.workloads.quant.Calibration;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.quant.Rounding;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.tensor.TensorMetrics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "quantize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Quantize one tensor with one or more formats and report the error: MSE, SQNR (dB), KL "
                + "divergence, cosine similarity and effective bits per element (codes plus scales, zero points and "
                + "selectors).",
                "Example: bitsweep quantize --format int4:group:128,nf4:group:64,mxfp4 --synthetic student-t:4 "
                        + "--shape 4096,4096 --seed 1"})
final class QuantizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT[:GRANULARITY]",
            description = "one or more formats, comma-separated, each optionally with its own granularity "
                    + "(e.g. int4:group:128); list formats with: bitsweep formats")
    List<String> formats;

    @Option(names = "--granularity", paramLabel = "G",
            description = "none (a plain dtype cast), tensor, channel:AXIS or group:G, for formats without their own "
                    + "(default: tensor; group:32 for MX formats)")
    String granularity;

    @Option(names = "--clip", defaultValue = "minmax", paramLabel = "C",
            description = "calibration of the clipping range: minmax, percentile:P or mse (default: ${DEFAULT-VALUE})")
    String clip;

    @Option(names = "--asymmetric", description = "zero point per group (integer formats)")
    boolean asymmetric;

    @Option(names = "--rounding", defaultValue = "nearest", paramLabel = "R",
            description = "nearest (ties to even) or stochastic (seeded by --seed) (default: ${DEFAULT-VALUE})")
    String rounding;

    @Option(names = "--scale-format", defaultValue = "fp16", paramLabel = "F",
            description = "format scales are stored in, e.g. fp16, bf16, e8m0 (default: ${DEFAULT-VALUE})")
    String scaleFormat;

    @Option(names = "--overflow", paramLabel = "O",
            description = "with --granularity none: saturate, nan or inf beyond the format's range "
                    + "(default: what the format does in ml_dtypes: inf where it has one, else NaN, else saturate)")
    String overflow;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--input", paramLabel = "FILE", description = "FILE.npy, FILE.safetensors or FILE.safetensors:TENSOR")
        String file;

        @Option(names = "--synthetic", paramLabel = "DIST", description = "gaussian, student-t:NU or llm-like (heavy tails, outlier channels), with --shape and --seed")
        String synthetic;
    }

    @Option(names = "--shape", paramLabel = "ROWS,COLS",
            description = "shape of a synthetic tensor, or a reshape of the input (same number of values)")
    String shape;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic tensor and of stochastic rounding (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--std", defaultValue = "1", paramLabel = "X",
            description = "scale of the synthetic tensor: the standard deviation of gaussian, the scale of student-t (default: ${DEFAULT-VALUE})")
    double std;

    @Option(names = "--nan", defaultValue = "error", paramLabel = "P",
            description = "NaN or infinity in the input: error, zero (replace with 0) or skip (quantize as 0, leave "
                    + "out of the metrics) (default: ${DEFAULT-VALUE})")
    String nan;

    @Option(names = "--dump-dequantized", paramLabel = "OUT.npy",
            description = "write the dequantized tensor as float32 .npy (one format only)")
    Path dump;

    @Option(names = "--json", description = "print JSON: one object, or an array for several formats")
    boolean json;

    @Override
    public Integer call() {
        if (input.file != null && matched("--std"))
            throw new UserInputException("--std sets the scale of a --synthetic tensor; --input %s brings its own values"
                    .formatted(input.file));
        int[] reshape = shape == null ? null : TensorSource.parseShape(shape);
        TensorSource.Loaded loaded = input.file != null
                ? TensorSource.file(input.file, reshape, nanPolicy())
                : TensorSource.synthetic(input.synthetic, reshape, std, seed);
        if (dump != null && formats.size() != 1)
            throw new UserInputException("--dump-dequantized needs exactly one --format, got " + formats.size());
        List<QuantConfig> configs = new ArrayList<>();
        for (String f : formats)
            configs.add(config(f.trim()));
        List<Map<String, Object>> results = new ArrayList<>();
        for (QuantConfig c : configs) {
            QuantizedTensor q = new Quantizer(c).quantize(loaded.tensor());
            if (dump != null)
                NpyWriter.write(dump, new TensorData(q.name(), new int[] {q.rows(), q.cols()},
                        restoreNonFinite(loaded, q.values())));
            requireFinite(loaded, c, q);
            results.add(measure(loaded, c, q));
        }
        print(loaded, results);
        return 0;
    }

    private QuantConfig config(String formatSpec) {
        int colon = formatSpec.indexOf(':');
        String name = colon < 0 ? formatSpec : formatSpec.substring(0, colon);
        NumberFormat format = Formats.parse(name);
        String g = colon >= 0 ? formatSpec.substring(colon + 1)
                : granularity != null ? granularity
                : format instanceof MxFormat mx ? "group:" + mx.blockSize() : "tensor";
        NumberFormat scales = Formats.parse(scaleFormat);
        if (!(scales instanceof MinifloatFormat scaleMinifloat))
            throw new UserInputException(("--scale-format: %s is not a floating-point format; use fp16, bf16, e8m0 "
                    + "or another eXmY").formatted(scaleFormat));
        Granularity parsed = Granularity.parse(g);
        if (matched("--scale-format")) {
            if (parsed instanceof Granularity.None)
                throw new UserInputException("--scale-format %s: %s with granularity none is a cast, which stores no "
                        .formatted(scaleFormat, name) + "scale; give a granularity (tensor, channel:AXIS, group:G)");
            if (format instanceof MxFormat mx && !scaleMinifloat.equals(mx.scaleFormat()))
                throw new UserInputException("--scale-format %s: %s stores its block scales in %s; valid for %s: %s"
                        .formatted(scaleFormat, name, mx.scaleFormat().name(), name, mx.scaleFormat().name()));
        }
        if (overflow != null && !(parsed instanceof Granularity.None))
            throw new UserInputException(("--overflow %s applies to casts (granularity none); %s with granularity %s "
                    + "has a scale and saturates at the format's largest value").formatted(overflow, name, parsed));
        try {
            return new QuantConfig(format, parsed, asymmetric, Calibration.parse(clip), rounding(), seed,
                    format instanceof MxFormat mx && !matched("--scale-format") ? mx.scaleFormat() : scaleMinifloat,
                    castOverflow(format));
        } catch (UserInputException e) {
            throw new UserInputException("--format %s: %s".formatted(formatSpec, e.getMessage()), e);
        }
    }

    private boolean matched(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * A cast beyond the format's range may give NaN or ±∞ (its overflow policy), where no metric is defined: say
     * so in command-line terms rather than fail inside a metric.
     */
    private void requireFinite(TensorSource.Loaded loaded, QuantConfig c, QuantizedTensor q) {
        float[] v = q.values();
        int count = 0;
        int first = -1;
        for (int i = 0; i < v.length; i++)
            if (!Float.isFinite(v[i]) && (loaded.nonFinite() == null || !loaded.nonFinite()[i])) {
                if (first < 0)
                    first = i;
                count++;
            }
        if (count > 0)
            throw new UserInputException(("%s cast with overflow %s: %d of %d values became %s (the first: %s at index "
                    + "%d, beyond the largest finite %s), so the metrics are undefined; use --overflow saturate, or a "
                    + "scale (--granularity tensor, channel:AXIS or group:G)").formatted(c.format().name(),
                    c.overflow().id(), count, v.length, v[first], loaded.tensor().data()[first], first,
                    c.format().maxValue()));
    }

    private Rounding rounding() {
        return switch (rounding) {
            case "nearest" -> Rounding.NEAREST_EVEN;
            case "stochastic" -> Rounding.STOCHASTIC;
            default -> throw new UserInputException("--rounding: \"%s\"; valid: nearest, stochastic".formatted(rounding));
        };
    }

    private CastOverflow castOverflow(NumberFormat format) {
        if (overflow == null)
            return format instanceof MinifloatFormat m ? m.defaultCastOverflow() : CastOverflow.SATURATE;
        for (CastOverflow o : CastOverflow.values())
            if (o.id().equals(overflow)) {
                if (format instanceof MinifloatFormat m && ((o == CastOverflow.INF && !m.hasInfinity())
                        || (o == CastOverflow.NAN && !m.hasNaN())))
                    throw new UserInputException("--overflow %s: %s has no %s; valid here: saturate%s".formatted(
                            overflow, m.name(), o == CastOverflow.INF ? "infinity" : "NaN",
                            m.hasNaN() ? ", nan" : ""));
                return o;
            }
        throw new UserInputException("--overflow: \"%s\"; valid: %s".formatted(overflow, CastOverflow.validIds()));
    }

    private TensorSource.NanPolicy nanPolicy() {
        try {
            return TensorSource.NanPolicy.valueOf(nan.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--nan: \"%s\"; valid: error, zero, skip".formatted(nan));
        }
    }

    /** Metrics over the finite input elements (all of them unless --nan skip left some out). */
    private static Map<String, Object> measure(TensorSource.Loaded loaded, QuantConfig c, QuantizedTensor q) {
        Tensor reference = loaded.tensor();
        float[] approx = q.values();
        if (loaded.nonFinite() != null) {
            int kept = 0;
            for (boolean skip : loaded.nonFinite())
                if (!skip)
                    kept++;
            if (kept == 0)
                throw new UserInputException(("tensor %s: all %d values are NaN or infinite, so --nan skip leaves "
                        + "nothing to measure").formatted(reference.name(), reference.size()));
            float[] ref = new float[kept];
            float[] app = new float[kept];
            int j = 0;
            for (int i = 0; i < approx.length; i++)
                if (!loaded.nonFinite()[i]) {
                    ref[j] = reference.data()[i];
                    app[j++] = approx[i];
                }
            reference = new Tensor(reference.name(), 1, kept, ref);
            approx = app;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", c.format().name());
        m.put("granularity", c.granularity().toString());
        m.put("mse", TensorMetrics.mse(reference, approx));
        m.put("sqnr_db", TensorMetrics.sqnrDb(reference, approx));
        m.put("kl", TensorMetrics.klDivergence(reference, approx));
        m.put("cosine", TensorMetrics.cosine(reference, approx));
        m.put("bits_per_element", q.bitsPerElement());
        m.put("tensor", loaded.description());
        m.put("synthetic", loaded.synthetic());
        return m;
    }

    private static float[] restoreNonFinite(TensorSource.Loaded loaded, float[] values) {
        if (loaded.nonFinite() == null)
            return values;
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++)
            if (loaded.nonFinite()[i])
                out[i] = Float.NaN;
        return out;
    }

    private void print(TensorSource.Loaded loaded, List<Map<String, Object>> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(results.size() == 1 ? results.get(0) : results));
            return;
        }
        out.println("tensor: " + loaded.description());
        out.printf("%-14s %-11s %9s %12s %9s %10s %10s%n", "format", "granularity", "bits/elem", "mse", "sqnr_db",
                "kl", "cosine");
        for (Map<String, Object> r : results)
            out.printf(Locale.ROOT, "%-14s %-11s %9.4f %12.5g %9.3f %10.5f %10.6f%n", r.get("format"),
                    r.get("granularity"), r.get("bits_per_element"), r.get("mse"), r.get("sqnr_db"), r.get("kl"),
                    r.get("cosine"));
    }
}
