package org.bitsweep.sweep.model;

import java.util.List;
import java.util.Locale;

import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.Knob.Range;
import org.bitsweep.sim.spec.Parsers;
import org.bitsweep.sim.spec.Raw;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.eval.OutlierDecomposition;
import org.bitsweep.workloads.quant.Calibration;
import org.bitsweep.workloads.tensor.ActivationOutliers;
import org.bitsweep.workloads.tensor.SourcedParameters;

/**
 * The keys of {@code accuracy.gemm}, what the output metrics multiply: {@code bitsweep output-error}'s options as
 * sweep-file keys, each declared once with its default, check and help ({@code k} is that command's
 * {@code --hidden}, {@code n} its {@code --outputs}). The outlier defaults are {@link ActivationOutliers}' sourced
 * ones (activations/llm-outliers.yaml).
 */
public final class GemmKnobs {
    private GemmKnobs() {
    }

    /** A file key's value when no file is given. */
    public static final String NONE = "none";
    private static final ActivationOutliers DEFAULTS = ActivationOutliers.defaults();

    public static final Knob<Boolean> ATTENTION = Knob.of("attention", Boolean.class, false, "B",
            "measure Q·Kᵀ, the keys in the point's quantization.kv_cache format and the queries in its activations, "
                    + "instead of X·Wᵀ", "true, false", Raw::bool, Range.NONE);
    public static final Knob<Integer> TOKENS = Knob.of("tokens", Integer.class, 64, "M",
            "rows of the synthetic activations (queries with attention)", "1 to 1048576",
            Parsers.integer(1, 1 << 20), Range.NONE);
    public static final Knob<Integer> K = Knob.of("k", Integer.class, 4096, "K",
            "input features of a synthetic layer, the reduction of X·Wᵀ (default: the activation file's columns when "
                    + "there is one)", "1 to 1048576", Parsers.integer(1, 1 << 20), Range.NONE);
    public static final Knob<Integer> N = Knob.of("n", Integer.class, 1024, "N",
            "output features of a synthetic layer", "1 to 1048576", Parsers.integer(1, 1 << 20), Range.NONE);
    public static final Knob<Integer> LAYERS = Knob.of("layers", Integer.class, 1, "L",
            "synthetic layers, each with its own draws; the metric pools their outputs", "1 to 64",
            Parsers.integer(1, 64), Range.NONE);
    public static final Knob<Integer> CONTEXT = Knob.of("context", Integer.class, 256, "S",
            "with attention: keys in the cache", "1 to 1048576", Parsers.integer(1, 1 << 20), Range.NONE);
    public static final Knob<Integer> HEAD_DIM = Knob.of("head_dim", Integer.class, 128, "D",
            "with attention: the head dimension, the reduction of Q·Kᵀ (default: the activation file's columns when "
                    + "there is one)", "1 to 65536", Parsers.integer(1, 1 << 16), Range.NONE);
    public static final Knob<String> OUTLIERS = Knob.of("outliers", String.class, "default", "O",
            "outlier channels of the synthetic activations: the published defaults (LLM.int8(), SmoothQuant; "
                    + "docs/workloads.md), or none", "default, none",
            Parsers.choice("outlier setting", List.of("default", NONE), s -> s), Range.NONE);
    public static final Knob<Double> OUTLIER_FRACTION = Knob.of("outlier_fraction", Double.class,
            DEFAULTS.channelFraction(), "F", "share of hidden channels that are outliers (default: LLM.int8(), "
                    + "about 0.1 % of feature dimensions)", "0 to 1", fraction(), Range.NONE);
    public static final Knob<Double> OUTLIER_MAGNITUDE = Knob.of("outlier_magnitude", Double.class,
            DEFAULTS.magnitude(), "M", "an outlier's magnitude in bulk standard deviations (default: LLM.int8()'s "
                    + "up to 20×; SmoothQuant reports about 100× for OPT)", "a number > 0", Parsers.positive(),
            Range.NONE);
    public static final Knob<Double> OUTLIER_TOKENS = Knob.of("outlier_tokens", Double.class,
            DEFAULTS.tokenFraction(), "F", "share of tokens in which an outlier channel is large (default: "
                    + "LLM.int8(), about 75 % of sequence dimensions)", "0 to 1", fraction(),
            Range.NONE);
    public static final Knob<Double> OUTLIER_SPREAD = Knob.of("outlier_spread", Double.class,
            DEFAULTS.tokenSpread(), "S", "relative standard deviation of an outlier's magnitude across tokens "
                    + "(default: an estimate; SmoothQuant shows little variation but gives no figure)", "a number >= 0",
            raw -> {
                double v = Raw.number(raw);
                if (!(v >= 0) || Double.isInfinite(v))
                    throw new UserInputException("%s; valid: a finite number >= 0".formatted(Raw.describe(raw)));
                return v;
            }, Range.NONE);
    public static final Knob<String> WEIGHT_DISTRIBUTION = Knob.of("weight_distribution", String.class, "gaussian",
            "D", "synthetic weights: gaussian, student-t:NU or llm-like", "gaussian, student-t:NU (NU > 0), llm-like",
            raw -> SweepKnobs.DISTRIBUTION.parse(raw), Range.NONE);
    public static final Knob<Double> WEIGHT_STD = Knob.of("weight_std", Double.class,
            SourcedParameters.LLM_OUTLIERS.value("synthetic_weight_std"), "X",
            "scale of the synthetic weights (SQNR and cosine do not depend on it)", "a number > 0", Parsers.positive(),
            Range.NONE);
    public static final Knob<String> WEIGHT_FILE = file("weight_file",
            "weights from FILE.npy or FILE.safetensors[:NAME[,NAME…]] ([outputs, inputs] as PyTorch stores them), one "
                    + "layer per tensor; relative to the sweep file",
            "none, FILE.npy, FILE.safetensors or FILE.safetensors:NAME[,NAME…]");
    public static final Knob<String> ACTIVATION_FILE = file("activation_file",
            "activations (queries with attention) from FILE.npy or FILE.safetensors[:NAME], [tokens, inputs], captured "
                    + "from a real model; relative to the sweep file",
            "none, FILE.npy, FILE.safetensors or FILE.safetensors:NAME");
    public static final Knob<String> KEY_FILE = file("key_file",
            "with attention: keys from FILE, [keys, head_dim]; relative to the sweep file",
            "none, FILE.npy, FILE.safetensors or FILE.safetensors:NAME");
    public static final Knob<String> NAN = Knob.of("nan", String.class, "error", "P",
            "NaN or infinity in a file: error, or zero (read as 0)", "error, zero",
            Parsers.choice("NaN policy", List.of("error", "zero"), s -> s), Range.NONE);
    public static final Knob<GranularityChoice> ACTIVATION_GRANULARITY = granularity("activation_granularity",
            "the activations' (queries') scales, computed on the fly");
    public static final Knob<GranularityChoice> KV_GRANULARITY = granularity("kv_granularity",
            "with attention: the keys' scales in the KV cache");
    public static final Knob<String> WEIGHT_CLIP = clip("weight_clip", "weight (or key) calibration");
    public static final Knob<String> ACTIVATION_CLIP = clip("activation_clip", "activation calibration");
    public static final Knob<String> DECOMPOSE = Knob.of("decompose", String.class, NONE, "T",
            "LLM.int8()'s outlier decomposition: activation columns holding a magnitude of at least THRESHOLD (default "
                    + "6.0, the paper's) and the matching weight columns in FP16, the rest as quantized; accuracy only "
                    + "(a GPU's llm-int8 kernel prices the work)", "none, default, or a THRESHOLD > 0",
            GemmKnobs::decompose, Range.NONE);

    /** Every key of {@code accuracy.gemm}, in the order the docs list them. */
    public static final List<Knob<?>> ALL = List.of(ATTENTION, TOKENS, K, N, LAYERS, CONTEXT, HEAD_DIM, OUTLIERS,
            OUTLIER_FRACTION, OUTLIER_MAGNITUDE, OUTLIER_TOKENS, OUTLIER_SPREAD, WEIGHT_DISTRIBUTION, WEIGHT_STD,
            WEIGHT_FILE, ACTIVATION_FILE, KEY_FILE, NAN, ACTIVATION_GRANULARITY, KV_GRANULARITY, WEIGHT_CLIP,
            ACTIVATION_CLIP, DECOMPOSE);

    /** The keys that shape the synthetic activations' outliers. */
    public static final List<Knob<?>> OUTLIER_SHAPE = List.of(OUTLIER_FRACTION, OUTLIER_MAGNITUDE, OUTLIER_TOKENS,
            OUTLIER_SPREAD);

    private static Knob<String> file(String name, String help, String valid) {
        return Knob.of(name, String.class, NONE, "FILE", help, valid, raw -> {
            String t = Raw.text(raw).trim();
            if (t.isEmpty() || t.equals(NONE))
                return NONE;
            String lower = t.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".npy") && !lower.endsWith(".safetensors") && !lower.contains(".safetensors:"))
                throw new UserInputException("\"%s\": unknown file type; valid: %s".formatted(t, valid));
            return t;
        }, Range.NONE);
    }

    private static Knob<GranularityChoice> granularity(String name, String what) {
        return new Knob<>(name, GranularityChoice.class, GranularityChoice.AUTO, "G",
                what + "; auto: one scale per token (channel:0), a block format's own block, none for 16-bit floats",
                "auto, none, tensor, channel:0, group:G", raw -> GranularityChoice.parse(Raw.text(raw)),
                GranularityChoice::toString, Range.NONE);
    }

    private static Knob<String> clip(String name, String what) {
        return Knob.of(name, String.class, "minmax", "C", what + ": minmax, percentile:P or mse",
                "minmax, percentile:P (0 < P <= 100), mse", raw -> {
                    String t = Raw.text(raw).trim();
                    Calibration.parse(t);
                    return t;
                }, Range.NONE);
    }

    private static java.util.function.Function<Object, Double> fraction() {
        return raw -> {
            double v = Raw.number(raw);
            if (!(v >= 0 && v <= 1))
                throw new UserInputException("%s; valid: 0 to 1".formatted(Raw.describe(raw)));
            return v;
        };
    }

    private static String decompose(Object raw) {
        if (raw instanceof Number) {
            double t = Raw.number(raw);
            new OutlierDecomposition(t);
            return Raw.plainNumber(t);
        }
        String t = Raw.text(raw).trim();
        if (t.equals(NONE) || t.equals("default"))
            return t;
        throw new UserInputException("\"%s\"; valid: none, default (%s, LLM.int8()'s threshold) or a threshold > 0"
                .formatted(t, Raw.plainNumber(OutlierDecomposition.defaults().threshold())));
    }

    /** The decomposition a {@link #DECOMPOSE} value stands for. */
    public static java.util.Optional<OutlierDecomposition> decomposition(String value) {
        if (value.equals(NONE))
            return java.util.Optional.empty();
        return java.util.Optional.of(value.equals("default") ? OutlierDecomposition.defaults()
                : new OutlierDecomposition(Double.parseDouble(value)));
    }
}
