package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that lists things: the same rows as a table for people or, with {@code --json}, a JSON array. */
abstract class ListingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    /** One map per thing, keys in print order; the JSON objects are exactly these. */
    abstract List<Map<String, Object>> rows();

    abstract void printTable(PrintWriter out, List<Map<String, Object>> rows);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = rows();
        if (json)
            out.println(Json.write(rows));
        else
            printTable(out, rows);
        return 0;
    }
}
