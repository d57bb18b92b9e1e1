package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.model.TransformerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "workloads", mixinStandardHelpOptions = true,
        description = "List the models of the zoo, how to name their workloads, and where their shapes come from.")
final class WorkloadsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    @Override
    public Integer call() {
        ModelZoo zoo = ModelZoo.bundled();
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = zoo.modelNames().stream().map(name -> describe(zoo.model(name))).toList();
        if (json) {
            out.println(Json.write(rows));
            return 0;
        }
        for (Map<String, Object> r : rows) {
            out.printf("%s  (%,d parameters; %d weight GEMMs per token)%n", r.get("model"), r.get("parameters"),
                    r.get("gemm_layers"));
            out.printf("  workloads: %s%n", String.join(", ", castList(r.get("workloads"))));
            out.printf("  source: %s%n", r.get("source"));
        }
        return 0;
    }

    private static Map<String, Object> describe(TransformerConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", c.name());
        m.put("workloads", List.of(c.name() + ":decode", c.name() + ":prefill:SEQ"));
        m.put("parameters", c.parameterCount());
        m.put("gemm_layers", c.blockProjections(1).size());
        m.put("source", c.source());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
