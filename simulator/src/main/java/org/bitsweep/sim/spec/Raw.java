package org.bitsweep.sim.spec;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.UserInputException;

/**
 * A setting as a user wrote it, before a {@link Knob} reads it: a String, a Long, a Double, a Boolean, null, or (in a
 * file) a List or a Map. Sweep files hand over YAML scalars as these types; the command line hands over text, which
 * {@link #fromOption} turns into the same types first, so one parser serves both and says the same thing.
 */
public final class Raw {
    private Raw() {
    }

    /** Command-line text as a file would carry it: plain decimal integers and numbers become numbers. */
    public static Object fromOption(String text) {
        String t = text.trim();
        if (t.matches("[-+]?[0-9]{1,18}"))
            return Long.parseLong(t);
        if (t.matches("[-+]?[0-9]+"))
            return new BigInteger(t);
        if (t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"))
            return Double.parseDouble(t);
        return t;
    }

    /** How an error names what the user wrote: {@code the string "x"}, {@code the number 5}, {@code a list}. */
    public static String describe(Object raw) {
        if (raw == null)
            return "nothing (null)";
        if (raw instanceof String s)
            return "the string \"" + s + "\"";
        if (raw instanceof Double d)
            return "the number " + plainNumber(d);
        if (raw instanceof Number n)
            return "the number " + n;
        if (raw instanceof Boolean b)
            return b.toString();
        if (raw instanceof List<?>)
            return "a list";
        if (raw instanceof Map<?, ?>)
            return "a mapping";
        return raw.toString();
    }

    public static String text(Object raw) {
        if (!(raw instanceof String s))
            throw new UserInputException("expected a string, got " + describe(raw));
        return s;
    }

    public static boolean bool(Object raw) {
        if (!(raw instanceof Boolean b))
            throw new UserInputException("expected true or false, got " + describe(raw));
        return b;
    }

    public static long integer(Object raw) {
        if (raw instanceof BigInteger big)
            throw new UserInputException("%s is too large; integers here are at most %d".formatted(big, Long.MAX_VALUE));
        if (!(raw instanceof Long || raw instanceof Integer))
            throw new UserInputException("expected an integer, got " + describe(raw));
        return ((Number) raw).longValue();
    }

    public static long integer(Object raw, long min, long max) {
        long v = integer(raw);
        if (v < min || v > max)
            throw new UserInputException("%d is out of range; valid: %d to %d".formatted(v, min, max));
        return v;
    }

    public static double number(Object raw) {
        if (!(raw instanceof Number n))
            throw new UserInputException("expected a number, got " + describe(raw));
        return n.doubleValue();
    }

    /** A finite number above zero. */
    public static double positive(Object raw) {
        double v = number(raw);
        if (!(v > 0) || Double.isInfinite(v))
            throw new UserInputException("%s must be a finite number > 0".formatted(
                    raw instanceof Double d ? plainNumber(d) : raw.toString()));
        return v;
    }

    /** 64.0 as 64, 0.5 as 0.5: numbers in messages as a user would write them. */
    public static String plainNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
