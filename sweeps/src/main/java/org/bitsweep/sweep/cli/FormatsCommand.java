package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.NumberFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "List the number formats a sweep file may name, with their bits and range.")
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    @Override
    public Integer call() {
        List<NumberFormat> all = Formats.all();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(all.stream().map(FormatsCommand::describe).toList()));
            return 0;
        }
        out.printf("%-8s %4s %12s %12s%n", "name", "bits", "min", "max");
        for (NumberFormat f : all)
            out.printf("%-8s %4d %12s %12s%n", f.name(), f.bits(), plain(f.minValue()), plain(f.maxValue()));
        return 0;
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
