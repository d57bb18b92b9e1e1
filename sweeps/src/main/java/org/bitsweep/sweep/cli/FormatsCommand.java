package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.NumberFormat;
import picocli.CommandLine.Command;

@Command(name = "formats", mixinStandardHelpOptions = true,
        description = {"List the number formats a sweep file may name: bits, largest finite value, smallest positive "
                + "normal and subnormal, aliases, and every value of formats of 8 bits or fewer.",
                "Minifloats not listed are named by pattern: eXmY (IEEE-like), eXmYfn, eXmYfnuz, eXmYfin, "
                        + "each optionally with -nosub."})
final class FormatsCommand extends ListingCommand {
    static final int MAX_BITS_WITH_VALUES = 8;

    @Override
    List<Map<String, Object>> rows() {
        return Formats.all().stream().map(FormatsCommand::describe).toList();
    }

    @Override
    void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        out.printf("%-14s %4s %14s %14s %14s  %s%n", "name", "bits", "max", "min_normal", "min_subnormal", "aliases");
        for (Map<String, Object> r : rows) {
            out.printf("%-14s %4d %14s %14s %14s  %s%n", r.get("name"), r.get("bits"), plain(r.get("max")),
                    plain(r.get("min_normal")), r.get("min_subnormal") == null ? "-" : plain(r.get("min_subnormal")),
                    String.join(", ", castStrings(r.get("aliases"))));
            if (r.get("values") instanceof double[] values)
                out.printf("    values: %s%n", Arrays.stream(values).mapToObj(FormatsCommand::plain)
                        .collect(Collectors.joining(" ")));
        }
    }

    private static Map<String, Object> describe(NumberFormat f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("aliases", f.aliases());
        m.put("bits", f.bits());
        m.put("max", f.maxValue());
        m.put("min_normal", f.minPositiveNormal());
        m.put("min_subnormal", f.minPositiveSubnormal().isPresent() ? f.minPositiveSubnormal().getAsDouble() : null);
        if (f.bits() <= MAX_BITS_WITH_VALUES)
            m.put("values", f.values());
        return m;
    }

    /** Integers as integers, other values as their exact decimal when short, else in scientific notation. */
    static String plain(Object o) {
        double v = (double) o;
        if (v == Math.rint(v) && Math.abs(v) < 1e15)
            return Long.toString((long) v);
        String exact = new BigDecimal(v).toPlainString();
        return exact.length() <= 14 ? exact : Double.toString(v);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(Object o) {
        return (List<String>) o;
    }
}
