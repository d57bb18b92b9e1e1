package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.sweep.file.GemmInputs;
import org.bitsweep.sweep.file.GemmInputs.Gemm;
import org.bitsweep.sweep.file.TensorSource;
import org.bitsweep.sweep.model.GemmSpec;
import org.bitsweep.sweep.model.GranularityChoice;
import org.bitsweep.sweep.model.SweepKnobs;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.eval.GemmOutputError;
import org.bitsweep.workloads.eval.GemmQuantization;
import org.bitsweep.workloads.eval.OutlierDecomposition;
import org.bitsweep.workloads.eval.OutputError;
import org.bitsweep.workloads.eval.OutputMetric;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.quant.Calibration;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.tensor.ActivationOutliers;
import org.bitsweep.workloads.tensor.SourcedParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "output-error", modelTransformer = PeKnobs.class, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The error quantization brings to a layer's output: Y = X·Wᵀ with the activations X and the "
                + "weights W quantized as given, against the product of the unquantized FP32 inputs: output SQNR "
                + "(dB), MSE and cosine similarity (output_sqnr_db, output_mse, output_cosine).",
                "Activations are LLM-like synthetic tensors with outlier channels (defaults from LLM.int8() and "
                        + "SmoothQuant, listed with --json) unless --activation-file gives real ones; weights are "
                        + "synthetic unless --weight-file names tensors of a .safetensors or .npy file. --attention "
                        + "measures Q·Kᵀ with the keys in the KV-cache format instead.",
                "Examples: bitsweep output-error --weights int4:group:128 --activations int4",
                "          bitsweep output-error --weights int8 --activations int8 --decompose --json",
                "          bitsweep output-error --weights int4 --activations int8 --pe int-mac --accumulator-bits 20",
                "          bitsweep output-error --attention --activations int8 --kv int4 --context 512"})
final class OutputErrorCommand implements Callable<Integer> {
    private static final String FP32 = "fp32";
    private static final String NAN_ADVICE = "choose --nan zero";

    @Spec
    CommandSpec spec;

    @Option(names = "--weights", paramLabel = "FORMAT[:GRANULARITY]",
            description = "weight format, e.g. int4:group:128, int8, nvfp4, bitmod4:group:128, or fp32 (not quantized); "
                    + "granularity channel:0 (one scale per output channel, the default), tensor or group:G; block "
                    + "formats default to their block, fp16 and bf16 to none (a cast)")
    String weights;

    @Option(names = "--activations", required = true, paramLabel = "FORMAT[:GRANULARITY]",
            description = "activation format, e.g. int8, int4, fp8-e4m3, mxfp4, olive4, fp16 or fp32; granularity "
                    + "channel:0 (one scale per token, computed on the fly: the default), tensor, group:G or none")
    String activations;

    @Option(names = "--kv", paramLabel = "FORMAT[:GRANULARITY]",
            description = "with --attention: the KV-cache format of the keys (default granularity channel:0, per token)")
    String kv;

    @Option(names = "--weight-clip", defaultValue = "minmax", paramLabel = "C",
            description = "weight (or key) calibration: minmax, percentile:P or mse (default: ${DEFAULT-VALUE})")
    String weightClip;

    @Option(names = "--activation-clip", defaultValue = "minmax", paramLabel = "C",
            description = "activation calibration: minmax, percentile:P or mse (default: ${DEFAULT-VALUE})")
    String activationClip;

    @Option(names = "--decompose", arity = "0..1", fallbackValue = "default", paramLabel = "THRESHOLD",
            description = "LLM.int8()'s outlier decomposition: activation columns with a value of magnitude at least "
                    + "THRESHOLD (default 6.0, the paper's) and the matching weight columns run in FP16, the rest as "
                    + "quantized")
    String decompose;

    @Option(names = "--pe", paramLabel = "PE",
            description = "run every dot product MAC by MAC through this PE's arithmetic (list: bitsweep pes); its "
                    + "knobs are --accumulator-bits and --overflow")
    String pe;


    @Option(names = "--outliers", defaultValue = "default", paramLabel = "default|none",
            description = "outlier channels of the synthetic activations: the published defaults, or none "
                    + "(default: ${DEFAULT-VALUE})")
    String outliers;

    @Option(names = "--outlier-fraction", paramLabel = "F", description = "share of hidden channels that are outliers")
    Double outlierFraction;

    @Option(names = "--outlier-magnitude", paramLabel = "M",
            description = "an outlier's magnitude in bulk standard deviations")
    Double outlierMagnitude;

    @Option(names = "--outlier-tokens", paramLabel = "F", description = "share of tokens where an outlier channel is large")
    Double outlierTokens;

    @Option(names = "--outlier-spread", paramLabel = "S",
            description = "relative standard deviation of an outlier's magnitude across tokens")
    Double outlierSpread;

    @Option(names = "--tokens", defaultValue = "64", paramLabel = "M",
            description = "rows of the synthetic activations (queries with --attention) (default: ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--hidden", defaultValue = "4096", paramLabel = "K",
            description = "input features of a synthetic layer, the reduction K (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--outputs", defaultValue = "1024", paramLabel = "N",
            description = "output features of a synthetic layer (default: ${DEFAULT-VALUE})")
    int outputs;

    @Option(names = "--layers", defaultValue = "1", paramLabel = "L",
            description = "synthetic layers, each with its own draws; results pool their outputs (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--context", defaultValue = "256", paramLabel = "S",
            description = "with --attention: keys in the cache (default: ${DEFAULT-VALUE})")
    int context;

    @Option(names = "--head-dim", defaultValue = "128", paramLabel = "D",
            description = "with --attention: the head dimension, K of Q·Kᵀ (default: ${DEFAULT-VALUE})")
    int headDim;

    @Option(names = "--weight-dist", defaultValue = "gaussian", paramLabel = "DIST",
            description = "synthetic weights: gaussian, student-t:NU or llm-like (default: ${DEFAULT-VALUE})")
    String weightDist;

    @Option(names = "--weight-std", paramLabel = "X",
            description = "scale of the synthetic weights (default 0.02; SQNR does not depend on it)")
    Double weightStd;

    @Option(names = "--weight-file", paramLabel = "FILE",
            description = "weights from FILE.npy or FILE.safetensors:NAME[,NAME…] ([outputs, inputs] as PyTorch stores "
                    + "them), one layer per tensor")
    String weightFile;

    @Option(names = "--activation-file", paramLabel = "FILE",
            description = "activations (queries with --attention) from FILE.npy or FILE.safetensors:NAME, [tokens, "
                    + "inputs]; leading dimensions fold into tokens")
    String activationFile;

    @Option(names = "--key-file", paramLabel = "FILE", description = "with --attention: keys from FILE, [keys, head_dim]")
    String keyFile;

    @Option(names = "--attention", description = "measure Q·Kᵀ with the keys in the --kv format instead of X·Wᵀ")
    boolean attention;

    @Option(names = "--nan", defaultValue = "error", paramLabel = "P",
            description = "NaN or infinity in a file: error or zero (replace with 0) (default: ${DEFAULT-VALUE})")
    String nan;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic tensors (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        checkModeOptions();
        GemmQuantization quantization = quantization();
        ActivationOutliers synthetic = activationFile == null || syntheticKeys() ? syntheticActivations() : null;
        List<Gemm> gemms = gemms(synthetic);
        List<OutputError> results = new ArrayList<>();
        for (Gemm g : gemms)
            results.add(GemmOutputError.measure(g.name(), g.x(), g.w(), quantization));
        print(gemms, results, quantization, synthetic);
        return 0;
    }

    private void checkModeOptions() {
        if (attention) {
            if (kv == null)
                throw new UserInputException("--attention needs --kv FORMAT[:GRANULARITY], the keys' KV-cache format, "
                        + "e.g. --kv int4");
            for (String o : new String[] {"--weights", "--weight-file", "--weight-dist", "--weight-std", "--outputs",
                    "--hidden", "--layers"})
                if (matched(o))
                    throw new UserInputException(o + " describes the weights of X·Wᵀ; --attention measures Q·Kᵀ, "
                            + "with --kv, --context, --head-dim and --key-file");
        } else {
            if (weights == null)
                throw new UserInputException("--weights FORMAT[:GRANULARITY] is required, e.g. --weights "
                        + "int4:group:128 (or fp32 for unquantized weights)");
            for (String o : new String[] {"--kv", "--context", "--head-dim", "--key-file"})
                if (matched(o))
                    throw new UserInputException(o + " applies to --attention only");
        }
        if (activationFile != null && matched("--tokens"))
            throw new UserInputException("--tokens shapes the synthetic activations; --activation-file %s brings its own"
                    .formatted(activationFile));
        if (activationFile != null && !syntheticKeys())
            for (String o : new String[] {"--outliers", "--outlier-fraction", "--outlier-magnitude", "--outlier-tokens",
                    "--outlier-spread"})
                if (matched(o))
                    throw new UserInputException(o + " shapes the synthetic activations; --activation-file %s brings "
                            .formatted(activationFile) + "its own");
        boolean fileWeights = attention ? keyFile != null : weightFile != null;
        if (fileWeights)
            for (String o : new String[] {"--weight-dist", "--weight-std", "--outputs", "--hidden", "--layers",
                    "--context", "--head-dim"})
                if (matched(o))
                    throw new UserInputException(o + " shapes synthetic weights or keys; %s brings its own"
                            .formatted(attention ? "--key-file " + keyFile : "--weight-file " + weightFile));
        if (activationFile == null && !fileWeights && matched("--nan"))
            throw new UserInputException("--nan applies to tensors read from files; synthetic tensors are finite");
    }

    /** Keys drawn like activations: attention without --key-file. */
    private boolean syntheticKeys() {
        return attention && keyFile == null;
    }

    private GemmQuantization quantization() {
        QuantConfig a = operand("--activations", activations, activationClip, "--activation-clip", "channel:0");
        QuantConfig w = attention ? operand("--kv", kv, weightClip, "--weight-clip", "channel:0")
                : operand("--weights", weights, weightClip, "--weight-clip", "channel:0");
        GemmQuantization q = GemmQuantization.of(a, w);
        if (decompose != null)
            q = q.withDecomposition(decompose.equals("default") ? OutlierDecomposition.defaults()
                    : new OutlierDecomposition(number("--decompose", decompose)));
        return q.withArithmetic(arithmetic(org.bitsweep.workloads.trace.OperandFormats.of(w.format(), a.format())));
    }

    /** @return null for fp32 (not quantized) */
    private static QuantConfig operand(String option, String text, String clip, String clipOption,
                                       String defaultGranularity) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        if (name.equalsIgnoreCase(FP32)) {
            if (colon >= 0)
                throw new UserInputException("%s %s: fp32 is not quantized and takes no granularity".formatted(option, t));
            return null;
        }
        Calibration calibration;
        try {
            calibration = Calibration.parse(clip);
        } catch (UserInputException e) {
            throw new UserInputException(clipOption + ": " + e.getMessage(), e);
        }
        try {
            NumberFormat format = Formats.parse(name);
            Granularity g = colon >= 0 ? Granularity.parse(t.substring(colon + 1))
                    : format instanceof MxFormat || format instanceof MinifloatFormat m && m.bits() == 16
                    ? GemmSpec.defaultGranularity(format) : Granularity.parse(defaultGranularity);
            return QuantConfig.of(format, g).withCalibration(calibration);
        } catch (UserInputException e) {
            throw new UserInputException(option + " " + t + ": " + e.getMessage(), e);
        }
    }

    private MacSupplier arithmetic(org.bitsweep.workloads.trace.OperandFormats formats) {
        if (pe == null) {
            for (String knob : new String[] {"--accumulator-bits", "--overflow"})
                if (matched(knob))
                    throw new UserInputException(knob + " sets a PE's accumulator and needs --pe");
            return MacSupplier.EXACT;
        }
        try {
            return PeCatalog.create(pe.trim(), PeKnobs.params(spec, pe.trim(), formats)).macSupplier();
        } catch (UserInputException e) {
            throw PeKnobs.inCommandLineTerms(e);
        }
    }

    private ActivationOutliers syntheticActivations() {
        ActivationOutliers o = switch (outliers.trim().toLowerCase(Locale.ROOT)) {
            case "default" -> ActivationOutliers.defaults();
            case "none" -> ActivationOutliers.none();
            default -> throw new UserInputException("--outliers: \"%s\"; valid: default, none".formatted(outliers));
        };
        if (outliers.trim().equalsIgnoreCase("none") && (outlierFraction != null || outlierMagnitude != null
                || outlierTokens != null || outlierSpread != null))
            throw new UserInputException("--outliers none has no outlier channels to shape; drop --outlier-* or use "
                    + "--outliers default");
        if (outlierFraction != null)
            o = o.withChannelFraction(outlierFraction);
        if (outlierMagnitude != null)
            o = o.withMagnitude(outlierMagnitude);
        if (outlierTokens != null)
            o = o.withTokenFraction(outlierTokens);
        if (outlierSpread != null)
            o = o.withTokenSpread(outlierSpread);
        return o;
    }

    /** The GEMMs: X·Wᵀ per layer, or Q·Kᵀ, as a sweep's output metrics draw them for the same settings. */
    private List<Gemm> gemms(ActivationOutliers synthetic) {
        TensorSource.NanPolicy policy = nanPolicy();
        boolean fileX = activationFile != null;
        String dist = weightDist.trim();
        if (!attention && weightFile == null)
            try {
                SweepKnobs.DISTRIBUTION.parse(dist);
            } catch (UserInputException e) {
                throw new UserInputException("--weight-dist: \"%s\"; valid: gaussian, student-t:NU, llm-like"
                        .formatted(dist), e);
            }
        double std = weightStd != null ? weightStd : SourcedParameters.LLM_OUTLIERS.value("synthetic_weight_std");
        if (!(std > 0) || Double.isInfinite(std))
            throw new UserInputException("--weight-std: %s; valid: a finite number > 0".formatted(std));
        GemmSpec g = new GemmSpec(attention, checked("--tokens", tokens, 1 << 20),
                fileX && !matched("--hidden") ? 0 : checked("--hidden", hidden, 1 << 20),
                checked("--outputs", outputs, 1 << 20), checked("--layers", layers, 64),
                checked("--context", context, 1 << 20),
                fileX && !matched("--head-dim") ? 0 : checked("--head-dim", headDim, 1 << 16), synthetic, dist, std,
                weightFile, activationFile, keyFile, policy == TensorSource.NanPolicy.ZERO, GranularityChoice.AUTO,
                GranularityChoice.AUTO, Calibration.MIN_MAX, Calibration.MIN_MAX, Optional.empty());
        return GemmInputs.of(g, seed, NAN_ADVICE, key -> "--" + key.replace('_', '-'));
    }

    private TensorSource.NanPolicy nanPolicy() {
        return switch (nan.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> TensorSource.NanPolicy.ERROR;
            case "zero" -> TensorSource.NanPolicy.ZERO;
            default -> throw new UserInputException(("--nan: \"%s\"; valid: error, zero (skip, which quantize knows, "
                    + "would leave holes in a product)").formatted(nan));
        };
    }

    private static int checked(String option, int value, int max) {
        if (value < 1 || value > max)
            throw new UserInputException("%s: %d; valid: 1 to %d".formatted(option, value, max));
        return value;
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("%s: \"%s\" is not a number".formatted(option, text));
        }
    }

    private boolean matched(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void print(List<Gemm> gemms, List<OutputError> results, GemmQuantization q, ActivationOutliers synthetic) {
        OutputError pooled = OutputError.pooled("all", results);
        Map<String, Object> r = new LinkedHashMap<>();
        for (OutputMetric m : OutputMetric.values())
            r.put(m.id(), m.of(pooled));
        r.put("product", attention ? "Q·Kᵀ" : "X·Wᵀ");
        r.put(attention ? "kv" : "weights", q.weights().map(c -> c.format().name()).orElse(FP32));
        r.put(attention ? "kv_granularity" : "weight_granularity",
                q.weights().map(c -> c.granularity().toString()).orElse(null));
        r.put(attention ? "kv_bits_per_element" : "weight_bits_per_element", pooled.weightBitsPerElement());
        r.put("activations", q.activations().map(c -> c.format().name()).orElse(FP32));
        r.put("activation_granularity", q.activations().map(c -> c.granularity().toString()).orElse(null));
        r.put("activation_bits_per_element", pooled.activationBitsPerElement());
        r.put("dot_products", q.arithmetic() == MacSupplier.EXACT ? "exact sums of the dequantized values"
                : "MAC by MAC through PE %s: %s".formatted(q.arithmetic().id(),
                q.arithmetic().operands(q.operandFormats().orElseThrow()).description()));
        r.put("decomposition_threshold", q.decomposition().map(OutlierDecomposition::threshold).orElse(null));
        r.put("activation_source", activationFile != null ? activationFile
                : describe(synthetic, gemms.get(0).x().cols()));
        if (syntheticKeys() && activationFile != null)
            r.put("key_outliers", describe(synthetic, gemms.get(0).w().cols()));
        r.put((attention ? "key" : "weight") + "_source", attention
                ? (keyFile != null ? keyFile : "synthetic keys, drawn like the activations")
                : weightFile != null ? weightFile : "synthetic %s, scale %s".formatted(weightDist, weightStd != null
                ? weightStd : SourcedParameters.LLM_OUTLIERS.value("synthetic_weight_std")));
        r.put("synthetic", activationFile == null || (attention ? keyFile == null : weightFile == null));
        r.put("seed", seed);
        if (synthetic != null) {
            Map<String, Object> sources = new LinkedHashMap<>();
            for (SourcedParameters.Parameter p : ActivationOutliers.sources())
                sources.put(p.name(), Map.of("default", p.value(), "citation", p.citation()));
            if (decompose != null)
                sources.put("decomposition_threshold", Map.of("default", OutlierDecomposition.thresholdSource().value(),
                        "citation", OutlierDecomposition.thresholdSource().citation()));
            r.put("defaults", sources);
        }
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            OutputError e = results.get(i);
            Gemm g = gemms.get(i);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", e.name());
            l.put("m", g.x().rows());
            l.put("n", g.w().rows());
            l.put("k", g.x().cols());
            for (OutputMetric m : OutputMetric.values())
                l.put(m.id(), m.of(e));
            e.outlierColumns().ifPresent(o -> {
                GemmShape shape = new GemmShape(g.x().rows(), g.w().rows(), g.x().cols());
                l.put("outlier_columns", o.outlierColumns());
                l.put("outlier_fraction", o.fraction());
                l.put("outlier_macs", o.outlierMacs(shape));
                l.put("regular_macs", o.regularMacs(shape));
                l.put("outlier_format", o.outlierFormat().name());
            });
            layers.add(l);
        }
        r.put("layers", layers);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(r));
            return;
        }
        out.printf(Locale.ROOT, "%s, %d %s; activations: %s; %s: %s; seed %d%n", r.get("product"), results.size(),
                results.size() == 1 ? "GEMM" : "GEMMs (pooled below)", r.get("activation_source"),
                attention ? "keys" : "weights", r.get((attention ? "key" : "weight") + "_source"), seed);
        out.printf(Locale.ROOT, "  %-13s %s%n", attention ? "kv cache" : "weights", operandLine(q.weights(),
                pooled.weightBitsPerElement()));
        out.printf(Locale.ROOT, "  %-13s %s%n", "activations", operandLine(q.activations(),
                pooled.activationBitsPerElement()));
        out.printf(Locale.ROOT, "  %-13s %s%n", "dot products", r.get("dot_products"));
        out.printf(Locale.ROOT, "%-24s %-18s %14s %12s %13s%s%n", "gemm", "m×n×k", "output_sqnr_db", "output_mse",
                "output_cosine", q.decomposition().isPresent() ? "   outlier columns in fp16" : "");
        for (Map<String, Object> l : layers)
            out.printf(Locale.ROOT, "%-24s %-18s %14.3f %12.5g %13.6f%s%n", l.get("name"),
                    l.get("m") + "×" + l.get("n") + "×" + l.get("k"), l.get("output_sqnr_db"), l.get("output_mse"),
                    l.get("output_cosine"), l.containsKey("outlier_columns") ? "   %d (%.2f %%)".formatted(
                            (Integer) l.get("outlier_columns"), 100 * (double) l.get("outlier_fraction")) : "");
        if (results.size() > 1)
            out.printf(Locale.ROOT, "%-24s %-18s %14.3f %12.5g %13.6f%n", "pooled", "", pooled.sqnrDb(),
                    pooled.mse(), pooled.cosine());
    }

    private static String operandLine(java.util.Optional<QuantConfig> c, double bits) {
        return c.map(q -> "%s %s, %s clipping, %.3f bits per element".formatted(q.format().name(), q.granularity(),
                q.calibration(), bits)).orElse("fp32 (not quantized)");
    }

    /** @param k the channels of the first GEMM's activations */
    private static String describe(ActivationOutliers o, int k) {
        if (o.channelFraction() == 0)
            return "synthetic LLM-like, no outlier channels (Gaussian, std %s)".formatted(o.bulkStd());
        return ("synthetic LLM-like: %d of %d channels are outliers of %s× the bulk's std %s in %.0f %% of tokens, "
                + "spread %.0f %%").formatted(o.channels(k), k, o.magnitude(), o.bulkStd(), 100 * o.tokenFraction(),
                100 * o.tokenSpread());
    }
}
