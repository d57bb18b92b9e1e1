package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.UserInputException;

/** Which elements share one scale. Tensors are row-major [rows][cols]; a weight row is one output channel. */
public sealed interface Granularity {
    /** No scale at all: each value is cast to the format as a dtype conversion does. */
    record None() implements Granularity {
        @Override
        public String toString() {
            return "none";
        }
    }

    /** One scale for the whole tensor. */
    record PerTensor() implements Granularity {
        @Override
        public String toString() {
            return "tensor";
        }
    }

    /** One scale per row ({@code axis} 0, per output channel of a weight) or per column ({@code axis} 1). */
    record PerChannel(int axis) implements Granularity {
        public PerChannel {
            if (axis != 0 && axis != 1)
                throw new UserInputException("channel axis must be 0 (rows) or 1 (columns), got " + axis);
        }

        @Override
        public String toString() {
            return "channel:" + axis;
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

    Granularity NONE = new None();
    Granularity TENSOR = new PerTensor();

    static Granularity group(int size) {
        return new PerGroup(size);
    }

    static Granularity channel(int axis) {
        return new PerChannel(axis);
    }

    /** Parses the forms {@link #toString()} writes: none, tensor, channel:AXIS, group:G. */
    static Granularity parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("none"))
            return NONE;
        if (t.equals("tensor"))
            return TENSOR;
        try {
            if (t.startsWith("group:"))
                return new PerGroup(Integer.parseInt(t.substring("group:".length())));
            if (t.startsWith("channel:"))
                return new PerChannel(Integer.parseInt(t.substring("channel:".length())));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UserInputException(("unknown granularity \"%s\"; valid: none, tensor, channel:0, channel:1, "
                + "group:G (G a positive integer, e.g. group:128)").formatted(text));
    }
}
