package org.bitsweep.sim.spec;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

import org.bitsweep.workloads.UserInputException;

/** The readers knobs share: ranged integers, positive numbers, named choices, and "auto" or a number. */
public final class Parsers {
    /** The word that leaves a knob to its derived value (e.g. DRAM energy from the node's table). */
    public static final String AUTO = "auto";

    private Parsers() {
    }

    public static Function<Object, Integer> integer(long min, long max) {
        return raw -> (int) Raw.integer(raw, min, max);
    }

    public static Function<Object, Double> positive() {
        return Raw::positive;
    }

    /**
     * One of named values, matched without regard to case: {@code unknown dataflow "rs"; valid: os, ws, is}, with a
     * "did you mean" for a near miss.
     */
    public static <T> Function<Object, T> choice(String noun, List<T> values, Function<T, String> id) {
        return raw -> {
            String text = Raw.text(raw);
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (T v : values)
                if (id.apply(v).equals(t))
                    return v;
            List<String> ids = values.stream().map(id).toList();
            throw new UserInputException("unknown %s \"%s\"; valid: %s%s".formatted(noun, text, String.join(", ", ids),
                    Suggest.didYouMean(t, ids)));
        };
    }

    /** {@code auto}, or an integer in range. */
    public static Function<Object, OptionalInt> autoInteger(long min, long max) {
        return raw -> {
            if (raw instanceof String s && s.trim().equalsIgnoreCase(AUTO))
                return OptionalInt.empty();
            if (raw instanceof String s)
                throw new UserInputException("\"%s\"; valid: %s, or an integer %d to %d".formatted(s, AUTO, min, max));
            return OptionalInt.of((int) Raw.integer(raw, min, max));
        };
    }

    /** {@code word} (e.g. auto, unlimited), or a finite number above zero. */
    public static Function<Object, OptionalDouble> wordOrPositive(String word) {
        return raw -> {
            if (raw instanceof String s && s.trim().equalsIgnoreCase(word))
                return OptionalDouble.empty();
            if (raw instanceof String s)
                throw new UserInputException("\"%s\"; valid: %s, or a finite number > 0".formatted(s, word));
            return OptionalDouble.of(Raw.positive(raw));
        };
    }

    public static Object plain(OptionalInt v) {
        return v.isPresent() ? (Object) v.getAsInt() : AUTO;
    }

    public static Object plain(OptionalDouble v, String word) {
        return v.isPresent() ? (Object) v.getAsDouble() : word;
    }
}
