package org.bitsweep.workloads.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.bitsweep.workloads.UserInputException;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, Zalando Research, 2017; MIT licence): 28×28 grayscale images of ten
 * kinds of clothing, 60,000 for training and 10,000 for testing.
 *
 * <p>The 10,000 test images ship inside BitSweep, and so do the first 512 training images, which calibrate
 * activation scales (see {@link #calibration()}); the full training set is read from Debian's
 * {@code dataset-fashion-mnist} package, which installs it in {@value #DEBIAN_DIR}.
 */
public final class FashionMnist {
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final int CALIBRATION_IMAGES = 512;
    private static final String RESOURCES = "fashion-mnist/";

    private FashionMnist() {
    }

    /** The 10,000 test images, from the copy inside BitSweep. */
    public static LabelledImages test() {
        return Shipped.TEST;
    }

    /**
     * The first {@value #CALIBRATION_IMAGES} training images (indices 0 … 511 of {@code train-images-idx3-ubyte}),
     * from the copy inside BitSweep: what activation scales are calibrated on, so that no test image decides them.
     */
    public static LabelledImages calibration() {
        return Shipped.CALIBRATION;
    }

    /**
     * The 60,000 training images from {@code dir} (normally {@value #DEBIAN_DIR}).
     *
     * @throws UserInputException when the files are missing or corrupt, saying how to install them
     */
    public static LabelledImages train(Path dir) {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        try {
            return LabelledImages.of("fashion-mnist train", IdxReader.readImages(images), labels.toString(),
                    IdxReader.readLabels(labels), CLASSES.size());
        } catch (UserInputException e) {
            throw new UserInputException(e.getMessage() + "; the training images come from Debian's dataset-fashion-mnist "
                    + "package (apt-get install dataset-fashion-mnist, which installs them in " + DEBIAN_DIR
                    + "), or give a folder holding train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz", e);
        }
    }

    private static final class Shipped {
        static final LabelledImages TEST = load("fashion-mnist t10k", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz");
        static final LabelledImages CALIBRATION = load("fashion-mnist train [0, 512)",
                "train-first512-images-idx3-ubyte.gz", "train-first512-labels-idx1-ubyte.gz");

        private static LabelledImages load(String name, String imageFile, String labelFile) {
            String images = RESOURCES + imageFile;
            String labels = RESOURCES + labelFile;
            try (InputStream i = resource(images); InputStream l = resource(labels)) {
                return LabelledImages.of(name, IdxReader.readImages("classpath:" + images, i), "classpath:" + labels,
                        IdxReader.readLabels("classpath:" + labels, l), CLASSES.size());
            } catch (IOException | UserInputException e) {
                throw new IllegalStateException(e.getMessage() + "; the copy of Fashion-MNIST inside BitSweep is "
                        + "damaged: rebuild with ./mvnw -B package, or restore workloads/src/main/resources/"
                        + RESOURCES + " from git", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = FashionMnist.class.getClassLoader().getResourceAsStream(name);
            if (in == null)
                throw new IllegalStateException("classpath:" + name + ": missing from the build; rebuild with ./mvnw -B "
                        + "package, or restore workloads/src/main/resources/" + name + " from git");
            return in;
        }
    }
}
