package org.bitsweep.workloads.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.workloads.UserInputException;

/** Looks formats up by the names users write: {@code int2 .. int16}, {@code uint2 .. uint16}. */
public final class Formats {
    private static final Pattern INT = Pattern.compile("(u?)int(\\d{1,2})");

    private Formats() {
    }

    /** Every format this build knows, in a stable order. */
    public static List<NumberFormat> all() {
        List<NumberFormat> all = new ArrayList<>();
        for (boolean signed : new boolean[] {true, false})
            for (int b = IntFormat.MIN_BITS; b <= IntFormat.MAX_BITS; b++)
                all.add(new IntFormat(b, signed));
        return all;
    }

    /** A short description of the valid names, for error messages. */
    public static String validNames() {
        return "int%d..int%d, uint%d..uint%d".formatted(IntFormat.MIN_BITS, IntFormat.MAX_BITS,
                IntFormat.MIN_BITS, IntFormat.MAX_BITS);
    }

    /** @throws UserInputException naming the valid formats when {@code name} is not one */
    public static NumberFormat parse(String name) {
        Matcher m = INT.matcher(name == null ? "" : name.trim());
        if (m.matches()) {
            int bits = Integer.parseInt(m.group(2));
            if (bits >= IntFormat.MIN_BITS && bits <= IntFormat.MAX_BITS)
                return new IntFormat(bits, m.group(1).isEmpty());
        }
        throw new UserInputException("unknown format \"%s\"; valid: %s".formatted(name, validNames()));
    }
}
