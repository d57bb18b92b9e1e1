package org.bitsweep.workloads.nn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bitsweep.workloads.Checks;

/**
 * How {@link Trainer} trains: minibatch SGD with momentum ({@code v ← μ·v + g + λ·w; w ← w − η·v}, PyTorch's form,
 * weight decay λ on weights only), the learning rate falling linearly from {@code learningRate} to 0 over the run,
 * He-uniform initial weights (U(±√(6 / fan-in))), zero biases, and the training set reshuffled every epoch.
 *
 * @param seed           seeds the initial weights and every shuffle; the same seed gives the same weights
 * @param shards         each minibatch is split into this many fixed slices whose gradients are summed in slice
 *                       order, so that threads can work on slices without changing a single bit of the result
 */
public record TrainingConfig(long seed, int epochs, int batchSize, double learningRate, double momentum,
                             double weightDecay, int shards) {
    public static final int DEFAULT_SHARDS = 4;

    public TrainingConfig {
        Checks.positive("epochs", epochs);
        Checks.positive("batch size", batchSize);
        Checks.finitePositive("learning rate", learningRate);
        if (!(momentum >= 0 && momentum < 1))
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay))
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        Checks.inRange("shards", shards, 1, batchSize);
    }

    /** What the shipped models were trained with, for {@code epochs} epochs. */
    public static TrainingConfig defaults(long seed, int epochs) {
        return new TrainingConfig(seed, epochs, 64, 0.05, 0.9, 5e-4, DEFAULT_SHARDS);
    }

    /** The settings as model-file metadata (string values). */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", Long.toString(seed));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("learning_rate", Double.toString(learningRate));
        m.put("lr_schedule", "linear decay to 0 over all steps");
        m.put("momentum", Double.toString(momentum));
        m.put("weight_decay", Double.toString(weightDecay));
        m.put("gradient_shards", Integer.toString(shards));
        m.put("init", "He-uniform weights U(±sqrt(6/fan_in)), zero biases");
        m.put("input", "pixels / 255, in [0, 1]");
        return m;
    }
}
