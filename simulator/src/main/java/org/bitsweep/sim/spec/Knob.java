package org.bitsweep.sim.spec;

import java.util.Objects;
import java.util.function.Function;

import org.bitsweep.workloads.UserInputException;

/**
 * One setting of a target (or of a sweep's other sections): its name, its type, its default, how its values are
 * read and checked, and its help text, all in one place. Sweep files spell the name in snake_case
 * ({@code buffer_kib}), the command line the same words in kebab-case ({@code --buffer-kib}); both read values with
 * the same parser, so a mistake gets the same words in both, prefixed with the file line or the option.
 *
 * @param name         snake_case, as in sweep files and result columns
 * @param type         the Java type of the values, so a typed lookup can check what it is handed
 * @param defaultValue the value when the user gives none; null for a required setting
 * @param label        the option's parameter label, e.g. {@code RxC} or {@code N}
 * @param help         one line: what it means, with its unit
 * @param valid        what is valid, as the docs and {@code --help} print it
 * @param parser       a raw scalar ({@link Raw}) to a value; throws {@link UserInputException} with a message that
 *                     does not yet say where
 * @param plain        a value as a sweep file writes it (a String, Number or Boolean), for sweep.resolved.yaml
 * @param range        whether an axis of this knob may be a numeric range, and of which kind
 */
public record Knob<T>(String name, Class<T> type, T defaultValue, String label, String help, String valid,
                      Function<Object, T> parser, Function<T, Object> plain, Range range) {
    /** Which numeric ranges a knob's axis accepts in a sweep file. */
    public enum Range {
        NONE, INTEGER, REAL
    }

    public Knob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(range, "range");
        if (!name.matches("[a-z][a-z0-9_]*"))
            throw new IllegalArgumentException("knob names are snake_case: " + name);
        if (defaultValue != null && !type.isInstance(defaultValue))
            throw new IllegalArgumentException("default of " + name + " is not a " + type.getSimpleName());
    }

    /** A knob whose values are written back as their {@code toString()}. */
    public static <T> Knob<T> of(String name, Class<T> type, T defaultValue, String label, String help, String valid,
                                 Function<Object, T> parser, Range range) {
        return new Knob<>(name, type, defaultValue, label, help, valid, parser, v -> v instanceof Number
                || v instanceof Boolean ? v : v.toString(), range);
    }

    /** The command-line spelling: {@code --buffer-kib}. */
    public String option() {
        return "--" + name.replace('_', '-');
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** @throws UserInputException saying what is wrong and what is valid, without where */
    public T parse(Object raw) {
        T v = parser.apply(raw);
        if (!type.isInstance(v))
            throw new IllegalStateException("knob %s parsed %s to a %s".formatted(name, raw, v.getClass()));
        return v;
    }

    /** Reads a command-line value; a mistake names the option. */
    public T parseOption(String text) {
        try {
            return parse(Raw.fromOption(text));
        } catch (UserInputException e) {
            throw new UserInputException(option() + ": " + e.getMessage(), e);
        }
    }

    /** The value as a sweep file writes it. */
    public Object plainValue(Object value) {
        return plain.apply(type.cast(value));
    }

    /** The default as the docs and {@code --help} show it. */
    public String defaultText() {
        if (defaultValue == null)
            return "required";
        Object v = plain.apply(defaultValue);
        return v instanceof Double d ? Raw.plainNumber(d) : String.valueOf(v);
    }
}
