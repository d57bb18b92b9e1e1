package org.bitsweep.workloads.data;

import java.util.Arrays;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/**
 * Grayscale images with one class label each, as IDX files hold them: {@code count} images of {@code rows × cols}
 * unsigned-byte pixels, row-major, and labels in {@code 0 .. classes − 1}. The arrays are shared, not copied; treat
 * them as read-only.
 *
 * @param name names the source in messages and results, e.g. {@code fashion-mnist t10k}
 */
public record LabelledImages(String name, int count, int rows, int cols, byte[] pixels, byte[] labels, int classes) {
    public LabelledImages {
        Checks.nonBlank("name", name);
        Checks.positive("count", count);
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.positive("classes", classes);
        if ((long) count * rows * cols != pixels.length)
            throw new IllegalArgumentException("%s: %d images of %d×%d need %d pixels, got %d"
                    .formatted(name, count, rows, cols, (long) count * rows * cols, pixels.length));
        if (labels.length != count)
            throw new IllegalArgumentException("%s: %d images but %d labels".formatted(name, count, labels.length));
    }

    /**
     * Images and labels read from IDX files, checked against each other.
     *
     * @throws UserInputException when the counts differ or a label is not a class
     */
    public static LabelledImages of(String name, IdxReader.Images images, String labelFile, byte[] labels,
                                    int classes) {
        if (labels.length != images.count())
            throw new UserInputException("%s: %d labels for %d images; the images and labels files do not belong "
                    .formatted(labelFile, labels.length, images.count()) + "together");
        for (int i = 0; i < labels.length; i++)
            if ((labels[i] & 0xff) >= classes)
                throw new UserInputException("%s: label %d of image %d is not a class; valid: 0 .. %d"
                        .formatted(labelFile, labels[i] & 0xff, i, classes - 1));
        return new LabelledImages(name, images.count(), images.rows(), images.cols(), images.pixels(), labels, classes);
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    public int label(int image) {
        return labels[image] & 0xff;
    }

    /** Image {@code image}'s pixels scaled to [0, 1] (p / 255), written into {@code out}. */
    public void normalized(int image, float[] out) {
        int n = pixelsPerImage();
        int base = image * n;
        for (int i = 0; i < n; i++)
            out[i] = (pixels[base + i] & 0xff) / 255f;
    }

    /** The first {@code n} images. */
    public LabelledImages first(int n) {
        Checks.inRange("images", n, 1, count);
        return new LabelledImages(name + " [0, " + n + ")", n, rows, cols,
                Arrays.copyOf(pixels, n * pixelsPerImage()), Arrays.copyOf(labels, n), classes);
    }
}
