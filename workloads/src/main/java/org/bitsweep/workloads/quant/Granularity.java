package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.UserInputException;

/** Which elements share one scale. */
public sealed interface Granularity {
    /** One scale for the whole tensor. */
    record PerTensor() implements Granularity {
        @Override
        public String toString() {
            return "tensor";
        }
    }

    /** One scale per run of {@code size} consecutive elements of a row (along the reduction dimension). */
    record PerGroup(int size) implements Granularity {
        public PerGroup {
            if (size < 1)
                throw new UserInputException("group size must be >= 1, got " + size);
        }

        @Override
        public String toString() {
            return "group:" + size;
        }
    }

    Granularity TENSOR = new PerTensor();

    static Granularity group(int size) {
        return new PerGroup(size);
    }

    /** Parses {@code tensor} or {@code group:G}, the forms {@link #toString()} writes. */
    static Granularity parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("tensor"))
            return TENSOR;
        if (t.startsWith("group:")) {
            try {
                return new PerGroup(Integer.parseInt(t.substring("group:".length())));
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new UserInputException("unknown granularity \"%s\"; valid: tensor, group:G (G a positive integer, e.g. group:128)"
                .formatted(text));
    }
}
