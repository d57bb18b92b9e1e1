package org.bitsweep.sim.array;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.UserInputException;

/** R rows × C columns of PEs, connected to their neighbours only; what runs on it is set by its {@link Dataflow}. */
public record SystolicArray(int rows, int cols) {
    public static final int MAX_DIM = 4096;

    public SystolicArray {
        Checks.inRange("array rows", rows, 1, MAX_DIM);
        Checks.inRange("array cols", cols, 1, MAX_DIM);
    }

    /**
     * Reads {@code RxC}, e.g. {@code 32x32}.
     *
     * @param option the command-line option or file field the text came from, named in the error
     */
    public static SystolicArray parse(String option, String text) {
        String[] parts = text == null ? new String[0] : text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length == 2) {
            try {
                long rows = Long.parseLong(parts[0].trim());
                long cols = Long.parseLong(parts[1].trim());
                if (rows < 1 || cols < 1 || rows > MAX_DIM || cols > MAX_DIM)
                    throw new UserInputException("%s: \"%s\": rows and cols must each be in [1, %d]; e.g. 32x32"
                            .formatted(option, text, MAX_DIM));
                return new SystolicArray((int) rows, (int) cols);
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new UserInputException("%s: \"%s\" is not ROWSxCOLS; e.g. 32x32".formatted(option, text));
    }

    public long pes() {
        return (long) rows * cols;
    }

    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
