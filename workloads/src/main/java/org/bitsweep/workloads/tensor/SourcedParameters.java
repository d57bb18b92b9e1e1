package org.bitsweep.workloads.tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Numbers taken from papers, read from a bundled data file where each carries exactly one of {@code source:} (where
 * it was read) or {@code estimate:} (how it was chosen), so that no such number hides in a Java literal.
 */
public final class SourcedParameters {
    /** One parameter: its value and where it comes from ({@code source} or {@code estimate}, the other null). */
    public record Parameter(String name, double value, String source, String estimate) {
        public Parameter {
            if ((source == null) == (estimate == null))
                throw new IllegalStateException("parameter " + name + " needs exactly one of source: or estimate:");
            if (!Double.isFinite(value))
                throw new IllegalStateException("parameter " + name + " has no finite value");
        }

        /** "source: …" or "estimate: …", for results and docs. */
        public String citation() {
            return source != null ? "source: " + source : "estimate: " + estimate;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** LLM-like activation outliers and LLM.int8()'s threshold. */
    public static final SourcedParameters LLM_OUTLIERS = load("activations/llm-outliers.yaml");

    private final String resource;
    private final Map<String, Parameter> parameters;

    private SourcedParameters(String resource, Map<String, Parameter> parameters) {
        this.resource = resource;
        this.parameters = Map.copyOf(parameters);
    }

    public Parameter get(String name) {
        Parameter p = parameters.get(name);
        if (p == null)
            throw new IllegalStateException("%s has no parameter %s; it has %s".formatted(resource, name,
                    parameters.keySet()));
        return p;
    }

    public double value(String name) {
        return get(name).value();
    }

    static SourcedParameters load(String resource) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        try (InputStream in = SourcedParameters.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing bundled resource " + resource + "; the jar is incomplete");
            for (JsonNode p : YAML.readTree(in).path("parameters")) {
                String name = p.path("name").asText();
                Parameter parameter = new Parameter(name, p.path("value").asDouble(Double.NaN), text(p, "source"),
                        text(p, "estimate"));
                if (map.put(name, parameter) != null)
                    throw new IllegalStateException(resource + ": parameter " + name + " appears twice");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
        return new SourcedParameters(resource, map);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
