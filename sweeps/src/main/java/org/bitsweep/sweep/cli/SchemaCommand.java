package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bitsweep.sim.spec.TargetKinds;
import org.bitsweep.sweep.file.SweepSchema;
import org.bitsweep.sweep.model.ResultColumn;
import org.bitsweep.sweep.model.ResultColumns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Every sweep-file key with its type, default, valid values and meaning (the same words as "
                + "simulate's options), and every results column with its unit and meaning.",
                "Example: bitsweep schema --json"})
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "the key table of docs/sweep-files.md")
    boolean markdown;

    @Option(names = "--columns", description = "the results columns, as docs/sweep-files.md's table")
    boolean columns;

    @Option(names = "--json", description = "print one JSON object with the keys and the columns")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keys", SweepSchema.keys().stream().map(k -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("key", k.key());
                e.put("type", k.type());
                e.put("default", k.defaultText());
                e.put("valid", k.valid());
                e.put("meaning", k.meaning());
                return e;
            }).toList());
            m.put("columns", registry().stream().map(c -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("column", c.name());
                e.put("unit", c.unit());
                e.put("meaning", c.meaning());
                return e;
            }).toList());
            out.println(Json.write(m));
        } else if (markdown) {
            out.print(SweepSchema.markdownTable());
        } else if (columns) {
            out.print(ResultColumns.markdownTable());
        } else {
            for (SweepSchema.Key k : SweepSchema.keys())
                out.printf("%-32s %-22s default %s%n    %s; valid: %s%n", k.key(), k.type(), k.defaultText(), k.meaning(),
                        k.valid());
        }
        out.flush();
        return 0;
    }

    private static List<ResultColumn> registry() {
        return ResultColumns.of("ACCURACY", TargetKinds.ids(), List.of()).all();
    }
}
