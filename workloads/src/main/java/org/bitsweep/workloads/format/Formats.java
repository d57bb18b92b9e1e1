package org.bitsweep.workloads.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.workloads.UserInputException;

/**
 * Every named format, and the patterns for the rest: {@code intN}, {@code uintN} and {@code eXmY[fn|fnuz|fin]
 * [-nosub]}. Names are matched without regard to case; ml_dtypes' and PyTorch's names are aliases.
 */
public final class Formats {
    private static final Pattern INT = Pattern.compile("(u?)int(\\d{1,2})");
    private static final Pattern MINIFLOAT = Pattern.compile("e(\\d)m(\\d{1,2})(fn|fnuz|fin)?(-nosub)?");

    private static final List<NumberFormat> NAMED = named();
    private static final Map<String, NumberFormat> BY_NAME = index(NAMED);

    private Formats() {
    }

    /** The named formats, then every integer width: what {@code bitsweep formats} lists. */
    public static List<NumberFormat> all() {
        List<NumberFormat> all = new ArrayList<>();
        for (boolean signed : new boolean[] {true, false})
            for (int b = IntFormat.MIN_BITS; b <= IntFormat.MAX_BITS; b++)
                all.add(new IntFormat(b, signed));
        all.addAll(NAMED);
        return Collections.unmodifiableList(all);
    }

    /** A short description of the valid names, for error messages. */
    public static String validNames() {
        return "int2..int16, uint2..uint16, eXmY with 1<=X<=8 and 0<=Y<=10 (optionally suffixed fn, fnuz or fin, "
                + "and -nosub), or one of: " + String.join(", ", NAMED.stream().map(NumberFormat::name).toList());
    }

    /** @throws UserInputException naming the valid formats when {@code name} is not one */
    public static NumberFormat parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        NumberFormat named = BY_NAME.get(key);
        if (named != null)
            return named;
        Matcher i = INT.matcher(key);
        if (i.matches()) {
            int bits = Integer.parseInt(i.group(2));
            if (bits >= IntFormat.MIN_BITS && bits <= IntFormat.MAX_BITS)
                return new IntFormat(bits, i.group(1).isEmpty());
        }
        Matcher m = MINIFLOAT.matcher(key);
        if (m.matches()) {
            int e = Integer.parseInt(m.group(1));
            int man = Integer.parseInt(m.group(2));
            Specials specials = m.group(3) == null ? Specials.IEEE : switch (m.group(3)) {
                case "fn" -> Specials.FN;
                case "fnuz" -> Specials.FNUZ;
                default -> Specials.NONE;
            };
            ExponentZero zero = m.group(4) == null ? ExponentZero.SUBNORMAL : ExponentZero.FLUSH;
            if (e >= 1 && e <= MinifloatFormat.MAX_EXPONENT_BITS && man <= MinifloatFormat.MAX_MANTISSA_BITS
                    && !(e == 1 && specials == Specials.IEEE)) {
                return new MinifloatFormat(key, List.of(), e, man, MinifloatFormat.defaultBias(e, specials), true,
                        zero, specials);
            }
        }
        throw new UserInputException("unknown format \"%s\"; valid: %s".formatted(name, validNames()));
    }

    private static Map<String, NumberFormat> index(List<NumberFormat> formats) {
        Map<String, NumberFormat> map = new LinkedHashMap<>();
        for (NumberFormat f : formats) {
            map.put(f.name().toLowerCase(Locale.ROOT), f);
            for (String alias : f.aliases())
                map.put(alias.toLowerCase(Locale.ROOT), f);
        }
        return map;
    }

    private static List<NumberFormat> named() {
        List<NumberFormat> f = new ArrayList<>();
        f.addAll(FormatCatalog.minifloats());
        f.addAll(FormatCatalog.lookups());
        f.addAll(FormatCatalog.composites());
        return List.copyOf(f);
    }
}
