package org.bitsweep.sweep.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.bitsweep.workloads.eval.OutlierDecomposition;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.Calibration;
import org.bitsweep.workloads.tensor.ActivationOutliers;

/**
 * What the output metrics ({@code output_sqnr_db}, {@code output_mse}, {@code output_cosine}) multiply: the inputs of
 * {@code Y = X·Wᵀ} (or, with {@code attention}, of {@code Q·Kᵀ} against the KV cache) and how the activations are
 * scaled, as {@code accuracy.gemm} gives them; the same settings as {@code bitsweep output-error}'s options. Synthetic
 * tensors are drawn from the sweep's seed.
 *
 * @param tokens         rows of the synthetic activations (queries with {@code attention})
 * @param k              the reduction of X·Wᵀ; 0: the activation file's columns
 * @param n              outputs of a synthetic layer
 * @param layers         synthetic layers, each with its own draws; their outputs pool
 * @param context        with {@code attention}: keys in the cache
 * @param headDim        with {@code attention}: the reduction of Q·Kᵀ; 0: the activation file's columns
 * @param outliers       how the synthetic activations are drawn; null when every activation comes from a file
 * @param weightFile     FILE.npy, FILE.safetensors or FILE.safetensors:NAME[,NAME…], an absolute path; null for none
 * @param activationFile FILE.npy or FILE.safetensors[:NAME], an absolute path; null for synthetic activations
 * @param keyFile        with {@code attention}: the keys' file, an absolute path; null for synthetic keys
 * @param nanToZero      NaN and ±∞ in a file read as 0 (else they are an error)
 * @param activationGranularity the activations' (queries') scaling; auto: one scale per token (channel:0), a block
 *                       format's block, none for 16-bit floats
 * @param kvGranularity  with {@code attention}: the keys' scaling, as {@code activationGranularity}
 * @param decomposition  LLM.int8()'s outlier decomposition of the activations, if any
 */
public record GemmSpec(boolean attention, int tokens, int k, int n, int layers, int context, int headDim,
                       ActivationOutliers outliers, String weightDistribution, double weightStd, String weightFile,
                       String activationFile, String keyFile, boolean nanToZero,
                       GranularityChoice activationGranularity, GranularityChoice kvGranularity,
                       Calibration weightClip, Calibration activationClip,
                       Optional<OutlierDecomposition> decomposition) {
    /** How a sweep file turns NaN and ±∞ in accuracy.gemm's files into zeros, for the message that finds one. */
    public static final String NAN_ADVICE = "set accuracy.gemm.nan: zero to read them as 0";

    public GemmSpec {
        Objects.requireNonNull(weightDistribution, "weightDistribution");
        Objects.requireNonNull(activationGranularity, "activationGranularity");
        Objects.requireNonNull(kvGranularity, "kvGranularity");
        Objects.requireNonNull(weightClip, "weightClip");
        Objects.requireNonNull(activationClip, "activationClip");
        Objects.requireNonNull(decomposition, "decomposition");
        if (tokens < 1 || n < 1 || layers < 1 || context < 1 || k < 0 || headDim < 0)
            throw new IllegalArgumentException("GEMM sizes must be >= 1 (k and head_dim 0 for the file's)");
        if ((k == 0 || headDim == 0) && activationFile == null)
            throw new IllegalArgumentException("k or head_dim from the activation file needs one");
        if (outliers == null && (activationFile == null || attention && keyFile == null))
            throw new IllegalArgumentException("synthetic activations need their outlier parameters");
    }

    /**
     * The scaling activations (and keys) get unless told: a block format's own block, none for 16-bit floats (a cast),
     * else one scale per token ({@code channel:0}), computed on the fly as activation quantizers do.
     */
    public static Granularity defaultGranularity(NumberFormat f) {
        if (f instanceof MxFormat mx)
            return Granularity.group(mx.blockSize());
        if (f instanceof MinifloatFormat m && m.bits() == 16)
            return Granularity.NONE;
        return Granularity.channel(0);
    }

    /** An activation (or key) granularity as accuracy.gemm gives it: auto is {@link #defaultGranularity}. */
    public static Granularity granularity(GranularityChoice choice, NumberFormat f) {
        return choice.isAuto() ? defaultGranularity(f) : choice.explicit();
    }

    /** Whether the B operand (weights, or keys) is drawn rather than read. */
    public boolean syntheticB() {
        return attention ? keyFile == null : weightFile == null;
    }

    /** How results name the measurement's inputs. */
    public String describe() {
        String product = attention ? "Q·Kᵀ (keys in the KV-cache format)" : "X·Wᵀ";
        String shape = attention
                ? "%s queries × %d keys × head_dim %s".formatted(activationFile == null ? tokens : "file", context,
                headDim == 0 ? "of the file" : headDim)
                : "%s tokens × %s outputs × k %s%s".formatted(activationFile == null ? tokens : "file",
                weightFile == null ? n : "file", k == 0 ? "of the file" : k,
                weightFile == null && layers > 1 ? ", %d layers pooled".formatted(layers) : "");
        String x = activationFile != null ? "activations " + fileName(activationFile) : outliers.channelFraction() == 0
                ? "synthetic LLM-like activations without outliers"
                : "synthetic LLM-like activations (outliers: %s of channels at %s× in %s of tokens)".formatted(
                plain(outliers.channelFraction()), plain(outliers.magnitude()), plain(outliers.tokenFraction()));
        String w = attention ? (keyFile != null ? "keys " + fileName(keyFile) : "synthetic keys")
                : weightFile != null ? "weights " + fileName(weightFile)
                : "synthetic %s weights std %s".formatted(weightDistribution, plain(weightStd));
        return "output error of %s, %s; %s, %s%s".formatted(product, shape, x, w,
                decomposition.map(d -> "; outlier decomposition at " + plain(d.threshold())).orElse(""));
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }
}
