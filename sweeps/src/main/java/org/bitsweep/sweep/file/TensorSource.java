package org.bitsweep.sweep.file;

import java.nio.file.Path;
import java.util.Locale;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.io.NpyReader;
import org.bitsweep.workloads.io.SafetensorsReader;
import org.bitsweep.workloads.io.TensorData;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;

/**
 * Where a measurement gets a tensor: a user's file (.npy, or .safetensors with an optional {@code :TENSOR}), or a
 * seeded synthetic one; what {@code bitsweep quantize} and {@code output-error} read, and a sweep's output metrics.
 * Non-finite values are handled by the chosen policy before a {@link Tensor} (which holds finite values only) is
 * built.
 */
public final class TensorSource {
    /** How the command line says to change the NaN policy. */
    public static final String NAN_OPTIONS = "choose --nan zero or --nan skip";

    /** What to do with NaN and ±∞ in an input tensor. */
    public enum NanPolicy {
        /** Stop with an error naming the first one. */
        ERROR,
        /** Replace them with 0 before quantizing and measuring. */
        ZERO,
        /** Leave them out: quantize as if they were 0, and measure only the finite elements. */
        SKIP
    }

    /** The tensor, and which elements were not finite in the input (null when all were). */
    public record Loaded(Tensor tensor, boolean[] nonFinite, boolean synthetic, String description) {
    }

    private TensorSource() {
    }

    public static Loaded file(String spec, int[] reshape, NanPolicy policy) {
        return file(spec, reshape, policy, NAN_OPTIONS);
    }

    /** @param nanAdvice how the user changes the NaN policy, for the message when a value is not finite */
    public static Loaded file(String spec, int[] reshape, NanPolicy policy, String nanAdvice) {
        String file = spec;
        String tensorName = null;
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && spec.substring(0, colon).toLowerCase(Locale.ROOT).endsWith(".safetensors")) {
            file = spec.substring(0, colon);
            tensorName = spec.substring(colon + 1);
        }
        Path path = Path.of(file);
        String lower = file.toLowerCase(Locale.ROOT);
        TensorData data;
        if (lower.endsWith(".npy"))
            data = NpyReader.read(path);
        else if (lower.endsWith(".safetensors"))
            data = tensorName == null ? SafetensorsReader.read(path) : SafetensorsReader.read(path, tensorName);
        else
            throw new UserInputException(("--input: %s: unknown file type; valid: FILE.npy, FILE.safetensors, "
                    + "FILE.safetensors:TENSOR").formatted(file));
        int rows = data.rows();
        int cols = data.cols();
        if (reshape != null) {
            if ((long) reshape[0] * reshape[1] != data.size())
                throw new UserInputException(("--shape %d,%d holds %d values but %s has shape %s (%d values); give a "
                        + "shape with the same number of values").formatted(reshape[0], reshape[1],
                        (long) reshape[0] * reshape[1], file, data.shapeString(), data.size()));
            rows = reshape[0];
            cols = reshape[1];
        }
        return finite(file, data.name(), rows, cols, data.data(), policy, nanAdvice,
                "%s (%s, %s)".formatted(data.name(), file, data.shapeString()));
    }

    public static Loaded synthetic(String spec, int[] shape, double std, long seed) {
        if (shape == null)
            throw new UserInputException("--synthetic needs --shape ROWS,COLS, e.g. --shape 4096,4096");
        if (!(std > 0) || Double.isInfinite(std))
            throw new UserInputException("--std: %s; the scale of a synthetic tensor is a finite number > 0, e.g. 0.02"
                    .formatted(std));
        Tensor t;
        if (spec.equals("gaussian")) {
            t = SyntheticTensors.gaussian("synthetic-gaussian", shape[0], shape[1], std, seed);
        } else if (spec.equals("llm-like")) {
            t = SyntheticTensors.llmLike("synthetic-llm-like", shape[0], shape[1], std, seed);
        } else if (spec.startsWith("student-t:")) {
            double nu;
            try {
                nu = Double.parseDouble(spec.substring("student-t:".length()));
            } catch (NumberFormatException e) {
                nu = Double.NaN;
            }
            if (!(nu > 0) || Double.isInfinite(nu))
                throw new UserInputException("--synthetic %s: degrees of freedom must be a number > 0, e.g. student-t:4"
                        .formatted(spec));
            t = SyntheticTensors.studentT("synthetic-student-t", shape[0], shape[1], nu, std, seed);
        } else {
            throw new UserInputException("--synthetic: unknown distribution \"%s\"; valid: gaussian, student-t:NU, llm-like"
                    .formatted(spec));
        }
        return new Loaded(t, null, true, "synthetic %s %d×%d, scale %s, seed %d".formatted(spec, shape[0], shape[1],
                std, seed));
    }

    /** The most values one tensor holds: a Java array's limit. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    public static int[] parseShape(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                int rows = Integer.parseInt(parts[0].trim());
                int cols = Integer.parseInt(parts[1].trim());
                if (rows >= 1 && cols >= 1 && (long) rows * cols > MAX_VALUES)
                    throw new UserInputException(("--shape: %d×%d is %,d values, more than the %,d one tensor holds; "
                            + "give a smaller shape, e.g. 4096,4096").formatted(rows, cols, (long) rows * cols,
                            MAX_VALUES));
                if (rows >= 1 && cols >= 1)
                    return new int[] {rows, cols};
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new UserInputException("--shape: \"%s\"; valid: ROWS,COLS, two integers from 1 to %,d, e.g. 4096,4096"
                .formatted(text, Integer.MAX_VALUE));
    }

    private static Loaded finite(String file, String name, int rows, int cols, float[] values, NanPolicy policy,
                                 String nanAdvice, String description) {
        boolean[] nonFinite = null;
        int count = 0;
        int first = -1;
        for (int i = 0; i < values.length; i++)
            if (!Float.isFinite(values[i])) {
                if (first < 0)
                    first = i;
                count++;
            }
        if (count > 0) {
            if (policy == NanPolicy.ERROR)
                throw new UserInputException(("%s: tensor %s has %d NaN or infinite values (the first, %s, at index %d: "
                        + "row %d, col %d); %s").formatted(file, name, count, values[first], first, first / cols,
                        first % cols, nanAdvice));
            values = values.clone();
            nonFinite = new boolean[values.length];
            for (int i = 0; i < values.length; i++)
                if (!Float.isFinite(values[i])) {
                    nonFinite[i] = true;
                    values[i] = 0;
                }
            if (policy == NanPolicy.ZERO)
                nonFinite = null;
        }
        return new Loaded(new Tensor(name, rows, cols, values), nonFinite, false, description);
    }
}
