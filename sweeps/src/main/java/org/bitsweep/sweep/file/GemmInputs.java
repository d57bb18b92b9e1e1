package org.bitsweep.sweep.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.bitsweep.sweep.model.GemmSpec;
import org.bitsweep.sweep.model.SweepKnobs;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;

/**
 * The GEMMs an output-error measurement multiplies, made from a {@link GemmSpec}: {@code bitsweep output-error} and a
 * sweep's output metrics draw them here, so the same settings and seed give the same tensors in both. Synthetic draws
 * come from one stream of the seed, layer by layer: each layer takes a seed for its activations, then one for its
 * weights (or, with attention, its keys, drawn like activations).
 */
public final class GemmInputs {
    private GemmInputs() {
    }

    /**
     * One product to measure: {@code x·wᵀ}.
     *
     * @param x activations (queries), tokens × K
     * @param w weights (keys), outputs × K
     */
    public record Gemm(String name, Tensor x, Tensor w) {
    }

    /**
     * @param nanAdvice how the user changes the NaN policy, for a message about a non-finite value in a file
     * @param label     how the user names a setting, from its sweep-file key (e.g. {@code weight_file} is
     *                  {@code --weight-file} on the command line), for messages about a file
     * @throws UserInputException for a file that cannot be read, a tensor name it lacks, or shapes that do not multiply
     */
    public static List<Gemm> of(GemmSpec spec, long seed, String nanAdvice, UnaryOperator<String> label) {
        TensorSource.NanPolicy policy = spec.nanToZero() ? TensorSource.NanPolicy.ZERO : TensorSource.NanPolicy.ERROR;
        Tensor fileX = spec.activationFile() == null ? null
                : load(label.apply("activation_file"), spec.activationFile(), policy, nanAdvice).get(0);
        String bKey = spec.attention() ? "key_file" : "weight_file";
        String bFile = spec.attention() ? spec.keyFile() : spec.weightFile();
        List<Tensor> fileW = bFile == null ? null : load(label.apply(bKey), bFile, policy, nanAdvice);
        SplittableRandom seeds = new SplittableRandom(seed);
        int count = fileW != null ? fileW.size() : spec.attention() ? 1 : spec.layers();
        List<Gemm> gemms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long xSeed = seeds.nextLong();
            long wSeed = seeds.nextLong();
            Tensor w = fileW != null ? fileW.get(i) : syntheticB(spec, i, wSeed, fileX);
            Tensor x = fileX != null ? fileX : spec.outliers().sample(spec.attention() ? "q" : "x" + i, spec.tokens(),
                    w.cols(), xSeed);
            String name = spec.attention() ? "q·kᵀ" : fileW != null ? w.name() : "layer" + i;
            checkSize(name, x, w, spec.attention());
            gemms.add(new Gemm(name, x, w));
        }
        return gemms;
    }

    /** Synthetic weights, or with attention keys drawn like the activations with their own seed. */
    private static Tensor syntheticB(GemmSpec spec, int layer, long wSeed, Tensor fileX) {
        if (spec.attention()) {
            int d = spec.headDim() == 0 ? fileX.cols() : spec.headDim();
            return spec.outliers().sample("k", spec.context(), d, wSeed);
        }
        int k = spec.k() == 0 ? fileX.cols() : spec.k();
        String name = "w" + layer;
        String dist = spec.weightDistribution();
        if (dist.equals("gaussian"))
            return SyntheticTensors.gaussian(name, spec.n(), k, spec.weightStd(), wSeed);
        if (dist.equals("llm-like"))
            return SyntheticTensors.llmLike(name, spec.n(), k, spec.weightStd(), wSeed);
        return SyntheticTensors.studentT(name, spec.n(), k, SweepKnobs.nu(dist), spec.weightStd(), wSeed);
    }

    /**
     * Every tensor a file setting names, FILE.npy, FILE.safetensors (its only tensor) or FILE.safetensors:A,B,…; a
     * mistake is prefixed with the setting's {@code label}.
     *
     * @throws UserInputException for another file type, a missing file or tensor name (naming the ones there are),
     *                            or a value that is not finite under {@code policy}
     */
    public static List<Tensor> load(String label, String text, TensorSource.NanPolicy policy, String nanAdvice) {
        try {
            return load(text, policy, nanAdvice);
        } catch (UserInputException e) {
            throw new UserInputException(label + " " + e.getMessage(), e);
        }
    }

    private static List<Tensor> load(String text, TensorSource.NanPolicy policy, String nanAdvice) {
        String lower = text.toLowerCase(Locale.ROOT);
        int marker = lower.indexOf(".safetensors:");
        if (!lower.endsWith(".npy") && !lower.endsWith(".safetensors") && marker < 0)
            throw new UserInputException(("%s: unknown file type; valid: FILE.npy, FILE.safetensors, "
                    + "FILE.safetensors:NAME[,NAME…]").formatted(text));
        List<String> specs = new ArrayList<>();
        if (marker < 0) {
            specs.add(text);
        } else {
            String file = text.substring(0, marker + ".safetensors".length());
            for (String name : text.substring(marker + ".safetensors:".length()).split(","))
                if (!name.isBlank())
                    specs.add(file + ":" + name.trim());
            if (specs.isEmpty())
                throw new UserInputException("%s: no tensor name after the colon; give FILE.safetensors:NAME"
                        .formatted(text));
        }
        List<Tensor> tensors = new ArrayList<>();
        for (String s : specs)
            tensors.add(TensorSource.file(s, null, policy, nanAdvice).tensor());
        return tensors;
    }

    private static void checkSize(String name, Tensor x, Tensor w, boolean attention) {
        if (x.cols() != w.cols())
            throw new UserInputException(("%s: X·Wᵀ needs as many columns in X as in W; activations %s are [%d, %d] and "
                    + "%s %s are [%d, %d]; %s").formatted(name, x.name(), x.rows(), x.cols(),
                    attention ? "keys" : "weights", w.name(), w.rows(), w.cols(), attention
                            ? "keys are [keys, head_dim]" : "weights are [outputs, inputs], as PyTorch stores them"));
        if ((long) x.rows() * w.rows() > Integer.MAX_VALUE - 8)
            throw new UserInputException("%s: %d tokens × %d outputs is too many outputs to hold; use fewer tokens"
                    .formatted(name, x.rows(), w.rows()));
    }
}
