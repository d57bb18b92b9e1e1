package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.NumberFormat;
import picocli.CommandLine.Command;

@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "List the number formats a sweep file may name, with their bits and range.")
final class FormatsCommand extends ListingCommand {

    @Override
    List<Map<String, Object>> rows() {
        return Formats.all().stream().map(FormatsCommand::describe).toList();
    }

    @Override
    void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        out.printf("%-8s %4s %12s %12s%n", "name", "bits", "min", "max");
        for (Map<String, Object> r : rows)
            out.printf("%-8s %4d %12s %12s%n", r.get("name"), r.get("bits"), plain((double) r.get("min")),
                    plain((double) r.get("max")));
    }

    private static Map<String, Object> describe(NumberFormat f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("bits", f.bits());
        m.put("min", f.minValue());
        m.put("max", f.maxValue());
        return m;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
