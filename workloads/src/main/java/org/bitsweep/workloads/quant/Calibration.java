package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.UserInputException;

/** How a group's clipping range is chosen before its scale is. */
public sealed interface Calibration {
    /** The largest magnitude (symmetric) or the minimum and maximum (asymmetric): nothing is clipped. */
    record MinMax() implements Calibration {
        @Override
        public String toString() {
            return "minmax";
        }
    }

    /** The p-th percentile of |x| (nearest rank), so the top (100 − p) % of magnitudes saturate. */
    record Percentile(double p) implements Calibration {
        public Percentile {
            if (!(p > 0 && p <= 100))
                throw new UserInputException("percentile must be in (0, 100], got " + p);
        }

        @Override
        public String toString() {
            return "percentile:" + p;
        }
    }

    /**
     * The clipping value among {@code absmax · (1 − i/100)}, i = 0 … 79, with the least squared error after
     * quantization. i = 0 is min-max itself, so this is never worse than min-max.
     */
    record Mse() implements Calibration {
        public static final int STEPS = 80;

        @Override
        public String toString() {
            return "mse";
        }
    }

    Calibration MIN_MAX = new MinMax();
    Calibration MSE = new Mse();

    static Calibration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("minmax"))
            return MIN_MAX;
        if (t.equals("mse"))
            return MSE;
        if (t.startsWith("percentile:")) {
            try {
                return new Percentile(Double.parseDouble(t.substring("percentile:".length())));
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw new UserInputException("unknown calibration \"%s\"; valid: minmax, percentile:P (0 < P <= 100), mse"
                .formatted(text));
    }
}
