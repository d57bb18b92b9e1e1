package org.bitsweep.cost.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.Provenance;
import org.bitsweep.cost.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The instruction counts of the GPU kernels and their few sourced parameters, {@code gpu/kernel-instructions.yaml}.
 * A kernel asking for an id the file lacks is a bug ({@link IllegalStateException}).
 */
public final class KernelInstructions {
    static final String FILE = "gpu/kernel-instructions.yaml";
    private static final KernelInstructions BUNDLED = Yaml.bundled(FILE, KernelInstructions::parse);

    /** A named scalar of a kernel, e.g. the share of outlier columns LLM.int8() runs in FP16. */
    public record Parameter(String id, double value, Provenance provenance) {
    }

    private final Map<String, InstructionMix> mixes;
    private final Map<String, Parameter> parameters;

    private KernelInstructions(Map<String, InstructionMix> mixes, Map<String, Parameter> parameters) {
        this.mixes = Map.copyOf(mixes);
        this.parameters = Map.copyOf(parameters);
    }

    public static KernelInstructions bundled() {
        return BUNDLED;
    }

    public InstructionMix mix(String id) {
        InstructionMix m = mixes.get(id);
        if (m == null)
            throw new IllegalStateException("%s has no mix %s; ids: %s".formatted(FILE, id, mixes.keySet()));
        return m;
    }

    public Parameter parameter(String id) {
        Parameter p = parameters.get(id);
        if (p == null)
            throw new IllegalStateException("%s has no parameter %s; ids: %s".formatted(FILE, id, parameters.keySet()));
        return p;
    }

    public List<InstructionMix> mixes() {
        return List.copyOf(mixes.values());
    }

    public static KernelInstructions parse(String file, InputStream in) throws IOException {
        return parse(file, Yaml.read(in));
    }

    static KernelInstructions parse(String file, JsonNode root) {
        Map<String, InstructionMix> mixes = new LinkedHashMap<>();
        JsonNode rows = Yaml.list(file, root, "mixes", "top level");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "mixes[" + i + "]";
            String id = Yaml.text(file, row, "id", where);
            try {
                InstructionMix m = new InstructionMix(id, Yaml.text(file, row, "unit", where),
                        optional(file, row, "fp32", where), optional(file, row, "fp16x2", where),
                        optional(file, row, "int32", where), optional(file, row, "conversion", where),
                        optional(file, row, "shared", where), Provenance.of(file, row, where));
                if (mixes.put(id, m) != null)
                    throw new IllegalStateException("%s: %s: id %s used twice".formatted(file, where, id));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        JsonNode params = Yaml.list(file, root, "parameters", "top level");
        for (int i = 0; i < params.size(); i++) {
            JsonNode row = params.get(i);
            String where = "parameters[" + i + "]";
            String id = Yaml.text(file, row, "id", where);
            if (parameters.put(id, new Parameter(id, Yaml.number(file, row, "value", where),
                    Provenance.of(file, row, where))) != null)
                throw new IllegalStateException("%s: %s: id %s used twice".formatted(file, where, id));
        }
        return new KernelInstructions(mixes, parameters);
    }

    private static double optional(String file, JsonNode row, String field, String where) {
        return row.has(field) ? Yaml.number(file, row, field, where) : 0;
    }
}
