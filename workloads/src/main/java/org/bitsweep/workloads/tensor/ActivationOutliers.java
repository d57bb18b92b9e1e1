package org.bitsweep.workloads.tensor;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.bitsweep.workloads.UserInputException;

/**
 * LLM-like activations ({@code tokens × hidden}, one token per row): a Gaussian bulk in which a few hidden channels
 * are outlier features, as LLM.int8() (Dettmers et al., NeurIPS 2022) and SmoothQuant (Xiao et al., ICML 2023)
 * measure them in the inputs of the projections of large transformers: the outliers sit in fixed channels, are
 * large in most tokens with a magnitude that varies little from token to token, and keep one sign per channel
 * (LLM.int8(), section 4.3: "either solely positive or negative"). The defaults, each with its source, are in
 * {@code activations/llm-outliers.yaml}.
 *
 * @param channelFraction share of hidden channels that are outlier features (at least one channel when above 0)
 * @param magnitude       an outlier's typical magnitude, in standard deviations of the bulk
 * @param tokenFraction   share of tokens in which an outlier channel carries its outlier
 * @param tokenSpread     relative standard deviation of an outlier's magnitude across tokens
 * @param bulkStd         standard deviation of the Gaussian bulk
 */
public record ActivationOutliers(double channelFraction, double magnitude, double tokenFraction, double tokenSpread,
                                 double bulkStd) {
    /** Mixed into the seed for the outlier draws, so they are independent of the bulk's stream. */
    private static final long OUTLIER_STREAM = 0x0A11E4L;
    private static final SourcedParameters DATA = SourcedParameters.LLM_OUTLIERS;
    private static final List<String> NAMES = List.of("outlier_channel_fraction", "outlier_magnitude",
            "outlier_token_fraction", "outlier_token_spread", "bulk_std");

    public ActivationOutliers {
        if (!(channelFraction >= 0 && channelFraction <= 1))
            throw new UserInputException("outlier channel fraction: %s; valid: 0 to 1 (0 for none)".formatted(channelFraction));
        if (!(magnitude > 0) || !Double.isFinite(magnitude))
            throw new UserInputException("outlier magnitude: %s; valid: a finite number > 0 (in bulk standard "
                    .formatted(magnitude) + "deviations)");
        if (!(tokenFraction >= 0 && tokenFraction <= 1))
            throw new UserInputException("outlier token fraction: %s; valid: 0 to 1".formatted(tokenFraction));
        if (!(tokenSpread >= 0) || !Double.isFinite(tokenSpread))
            throw new UserInputException("outlier token spread: %s; valid: a finite number >= 0".formatted(tokenSpread));
        if (!(bulkStd > 0) || !Double.isFinite(bulkStd))
            throw new UserInputException("bulk standard deviation: %s; valid: a finite number > 0".formatted(bulkStd));
    }

    /** The published defaults ({@link #sources()}). */
    public static ActivationOutliers defaults() {
        return new ActivationOutliers(DATA.value(NAMES.get(0)), DATA.value(NAMES.get(1)), DATA.value(NAMES.get(2)),
                DATA.value(NAMES.get(3)), DATA.value(NAMES.get(4)));
    }

    /** The bulk alone: no outlier channel. */
    public static ActivationOutliers none() {
        return defaults().withChannelFraction(0);
    }

    /** Each default with its source or estimate, in the order of this record's components. */
    public static List<SourcedParameters.Parameter> sources() {
        return NAMES.stream().map(DATA::get).toList();
    }

    public ActivationOutliers withChannelFraction(double f) {
        return new ActivationOutliers(f, magnitude, tokenFraction, tokenSpread, bulkStd);
    }

    public ActivationOutliers withMagnitude(double m) {
        return new ActivationOutliers(channelFraction, m, tokenFraction, tokenSpread, bulkStd);
    }

    public ActivationOutliers withTokenFraction(double f) {
        return new ActivationOutliers(channelFraction, magnitude, f, tokenSpread, bulkStd);
    }

    public ActivationOutliers withTokenSpread(double s) {
        return new ActivationOutliers(channelFraction, magnitude, tokenFraction, s, bulkStd);
    }

    /** How many of {@code hidden} channels are outliers: the fraction, rounded, and at least one unless it is 0. */
    public int channels(int hidden) {
        return channelFraction == 0 ? 0 : (int) Math.max(1, Math.min(hidden, Math.round(hidden * channelFraction)));
    }

    /**
     * Seeded activations: the bulk is {@link SyntheticTensors#gaussian} of the seed; the outlier channels, their
     * signs, the tokens where each is large and its magnitudes there come from a second stream of the same seed.
     */
    public Tensor sample(String name, int tokens, int hidden, long seed) {
        float[] data = SyntheticTensors.gaussian(name, tokens, hidden, bulkStd, seed).data().clone();
        SplittableRandom random = new SplittableRandom(seed ^ OUTLIER_STREAM);
        for (int c : chooseChannels(random, hidden)) {
            double sign = random.nextBoolean() ? 1 : -1;
            for (int t = 0; t < tokens; t++)
                if (random.nextDouble() < tokenFraction) {
                    double relative = Math.max(0, 1 + tokenSpread * SyntheticTensors.normal(random));
                    data[t * hidden + c] = (float) (sign * magnitude * bulkStd * relative);
                }
        }
        return new Tensor(name, tokens, hidden, data);
    }

    /** The outlier channels {@link #sample} chose for a seed, ascending (for tests and reports). */
    public int[] outlierChannels(int hidden, long seed) {
        return chooseChannels(new SplittableRandom(seed ^ OUTLIER_STREAM), hidden).stream().mapToInt(Integer::intValue)
                .toArray();
    }

    private TreeSet<Integer> chooseChannels(SplittableRandom random, int hidden) {
        TreeSet<Integer> chosen = new TreeSet<>();
        int outliers = channels(hidden);
        while (chosen.size() < outliers)
            chosen.add(random.nextInt(hidden));
        return chosen;
    }
}
