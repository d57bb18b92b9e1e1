package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.pe.PeCatalog;
import picocli.CommandLine.Command;

@Command(name = "pes", mixinStandardHelpOptions = true, description = "List the processing elements a sweep file may name.")
final class PesCommand extends ListingCommand {

    @Override
    List<Map<String, Object>> rows() {
        return PeCatalog.entries().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("description", e.description());
            return m;
        }).toList();
    }

    @Override
    void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        rows.forEach(r -> out.printf("%-10s %s%n", r.get("id"), r.get("description")));
    }
}
