package org.bitsweep.workloads.nn;

/** Top-1 accuracy: {@code correct} of {@code images} classified as their label. */
public record Accuracy(int correct, int images) {
    public Accuracy {
        if (images < 1 || correct < 0 || correct > images)
            throw new IllegalArgumentException("accuracy needs 0 <= correct <= images, images >= 1; got %d of %d"
                    .formatted(correct, images));
    }

    /** The fraction classified right, in [0, 1]. */
    public double top1() {
        return (double) correct / images;
    }
}
