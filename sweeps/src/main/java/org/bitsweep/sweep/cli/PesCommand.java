package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bitsweep.pe.PeCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pes", mixinStandardHelpOptions = true, description = "List the processing elements a sweep file may name.")
final class PesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(PeCatalog.entries().stream().map(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("description", e.description());
                return m;
            }).toList()));
            return 0;
        }
        PeCatalog.entries().forEach(e -> out.printf("%-10s %s%n", e.id(), e.description()));
        return 0;
    }
}
