package org.bitsweep.workloads.nn;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;

/**
 * The two Fashion-MNIST models BitSweep trains and ships (weights in {@code models/NAME.safetensors}, see
 * {@link ModelFile}; how they were trained in {@code models/manifest.yaml} and docs/workloads.md).
 */
public final class FashionModels {
    public static final String MLP = "fmnist-mlp";
    public static final String CNN = "fmnist-cnn";
    private static final Shape IMAGE = new Shape(1, 28, 28);

    private FashionModels() {
    }

    public static List<String> names() {
        return List.of(MLP, CNN);
    }

    /**
     * The architecture, all parameters zero.
     *
     * @throws UserInputException naming the valid models when {@code name} is not one
     */
    public static Network architecture(String name) {
        if (MLP.equals(name))
            return mlp();
        if (CNN.equals(name))
            return cnn();
        throw unknown(name);
    }

    /** 784-256-128-10 with ReLU: 235,146 parameters, 234,752 MACs per image. */
    public static Network mlp() {
        return new Network(MLP, IMAGE, List.of(new Dense("fc1", 784, 256), new Relu(), new Dense("fc2", 256, 128),
                new Relu(), new Dense("fc3", 128, 10)));
    }

    /**
     * Two blocks of 5×5 convolution (padding 2) + ReLU + 2×2 max-pool, 8 then 16 channels (28×28 → 8×14×14 →
     * 16×7×7), then 784-128-10 fully connected: 105,194 parameters, 885,632 MACs per image.
     */
    public static Network cnn() {
        return new Network(CNN, IMAGE, List.of(new Conv2d("conv1", 1, 8, 5, 2), new Relu(), new MaxPool(2),
                new Conv2d("conv2", 8, 16, 5, 2), new Relu(), new MaxPool(2), new Dense("fc1", 784, 128), new Relu(),
                new Dense("fc2", 128, 10)));
    }

    /** The shipped, trained model. */
    public static TrainedModel shipped(String name) {
        architecture(name);
        String resource = "models/" + name + ".safetensors";
        try (InputStream in = FashionModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("classpath:" + resource + ": missing from the build; rebuild with "
                        + "./mvnw -B package, or restore workloads/src/main/resources/" + resource + " from git");
            return ModelFile.read("classpath:" + resource, in.readAllBytes());
        } catch (IOException | UserInputException e) {
            throw new IllegalStateException(e.getMessage() + "; the shipped model is damaged: rebuild with ./mvnw -B "
                    + "package, restore workloads/src/main/resources/" + resource + " from git, or retrain it with "
                    + "bitsweep train --model " + name, e);
        }
    }

    /** The epochs the shipped model was trained for: 20 for the MLP, 15 for the CNN. */
    public static int defaultEpochs(String name) {
        architecture(name);
        return MLP.equals(name) ? 20 : 15;
    }

    /**
     * Trains model {@code name} from its seed, then measures its FP32 accuracy on the 10,000 test images; the
     * metadata records the training settings and that figure, as the shipped models' files do.
     */
    public static TrainedModel train(String name, LabelledImages trainingImages, TrainingConfig config, int threads,
                                     Trainer.Listener listener) {
        Network net = architecture(name);
        Trainer.train(net, trainingImages, config, threads, listener);
        return measured(net, trainingImages, config);
    }

    /** {@code net} as trained, with its metadata: the settings and the FP32 accuracy on the test images. */
    static TrainedModel measured(Network net, LabelledImages trainingImages, TrainingConfig config) {
        Accuracy fp32 = ReferenceInference.fp32(net).evaluate(FashionMnist.test());
        Map<String, String> metadata = new LinkedHashMap<>(config.metadata());
        metadata.put("train_images", trainingImages.name() + ", " + trainingImages.count() + " images");
        metadata.put(TrainedModel.TEST_CORRECT_FP32, Integer.toString(fp32.correct()));
        metadata.put(TrainedModel.TEST_IMAGES, Integer.toString(fp32.images()));
        metadata.put("test_top1_fp32", Double.toString(fp32.top1()));
        return new TrainedModel(net, metadata, "bitsweep train --model " + net.name() + " --seed " + config.seed());
    }

    static UserInputException unknown(String name) {
        return new UserInputException("unknown model \"%s\"; valid: %s".formatted(name, String.join(", ", names())));
    }
}
