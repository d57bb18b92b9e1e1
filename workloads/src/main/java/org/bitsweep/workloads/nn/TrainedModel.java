package org.bitsweep.workloads.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.bitsweep.workloads.UserInputException;

/**
 * A network with the metadata its {@link ModelFile} carries: how it was trained and the FP32 test accuracy measured
 * when it was written.
 *
 * @param source names the file in messages, e.g. {@code classpath:models/fmnist-cnn.safetensors}
 */
public record TrainedModel(Network network, Map<String, String> metadata, String source) {
    /** The metadata key of the number of test images classified right in FP32. */
    public static final String TEST_CORRECT_FP32 = "test_correct_fp32";
    public static final String TEST_IMAGES = "test_images";

    public TrainedModel {
        Objects.requireNonNull(network, "network");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));   // keeps the order, for the file
    }

    /** The FP32 figure recorded at training time: correct test images, of {@link #recordedTestImages()}. */
    public int recordedCorrectFp32() {
        return intField(TEST_CORRECT_FP32);
    }

    public int recordedTestImages() {
        return intField(TEST_IMAGES);
    }

    private int intField(String key) {
        String v = metadata.get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UserInputException("%s: metadata %s is \"%s\"; expected a whole number, as bitsweep train writes it"
                    .formatted(source, key, v));
        }
    }
}
