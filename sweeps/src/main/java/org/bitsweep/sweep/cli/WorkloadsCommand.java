package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.model.TransformerConfig;
import picocli.CommandLine.Command;

@Command(name = "workloads", mixinStandardHelpOptions = true,
        description = "List the models of the zoo, how to name their workloads, and where their shapes come from.")
final class WorkloadsCommand extends ListingCommand {

    @Override
    List<Map<String, Object>> rows() {
        ModelZoo zoo = ModelZoo.bundled();
        return zoo.modelNames().stream().map(name -> describe(zoo.model(name))).toList();
    }

    @Override
    void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        for (Map<String, Object> r : rows) {
            out.printf("%s  (%,d parameters; %d weight GEMMs per token)%n", r.get("model"), r.get("parameters"),
                    r.get("gemm_layers"));
            out.printf("  workloads: %s%n", r.get("workloads"));
            out.printf("  source: %s%n", r.get("source"));
        }
    }

    private static Map<String, Object> describe(TransformerConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", c.name());
        m.put("workloads", c.name() + ":decode, " + c.name() + ":prefill:SEQ");
        m.put("parameters", c.parameterCount());
        m.put("gemm_layers", c.blockProjections(1).size());
        m.put("source", c.source());
        return m;
    }
}
