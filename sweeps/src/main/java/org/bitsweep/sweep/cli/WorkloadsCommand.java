package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.model.DecoderSpec;
import org.bitsweep.workloads.model.ModelSpec;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.model.Workload;
import picocli.CommandLine.Command;

@Command(name = "workloads", mixinStandardHelpOptions = true,
        description = {"List the models of the zoo: how to name their workloads, parameters (ours beside the published "
                + "count), GEMM layers, MACs and weight bytes, and where their shapes come from.",
                "Language models count MACs per decoded token at a context of " + DecoderSpec.DEFAULT_DECODE_CONTEXT
                        + " and per prefill of 2048 tokens; image and encoder models per inference."})
final class WorkloadsCommand extends ListingCommand {

    @Override
    List<Map<String, Object>> rows() {
        ModelZoo zoo = ModelZoo.bundled();
        return zoo.modelNames().stream().map(name -> describe(zoo, zoo.model(name))).toList();
    }

    @Override
    void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        for (Map<String, Object> r : rows) {
            out.printf("%s  (%,d parameters, published %,d; %,d GEMM layers; %,d MACs per %s)%n", r.get("name"),
                    r.get("params"), r.get("published_params"), r.get("layers"), r.get("macs"), r.get("macs_per"));
            out.printf("  workloads: %s%n", String.join(", ", castList(r.get("workloads"))));
            out.printf("  source: %s%n", r.get("source"));
        }
    }

    private static Map<String, Object> describe(ModelZoo zoo, ModelSpec m) {
        boolean llm = m instanceof DecoderSpec;
        Workload w = zoo.workload(llm ? m.name() + ":decode" : m.name());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", m.name());
        r.put("workloads", m.workloadForms());
        r.put("params", m.parameterCount());
        r.put("published_params", m.publishedParams());
        r.put("layers", w.layers().size());
        r.put("macs", w.macs());
        r.put("macs_per", llm ? "decoded token at context " + DecoderSpec.DEFAULT_DECODE_CONTEXT : "inference");
        if (llm)
            r.put("macs_prefill_2048", zoo.workload(m.name() + ":prefill:2048").macs());
        r.put("weight_bytes_fp16", 2 * m.parameterCount());
        r.put("source", m.source());
        r.put("published_source", m.publishedSource());
        return r;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
