package org.bitsweep.workloads.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.bitsweep.workloads.UserInputException;

/**
 * The models BitSweep knows, read from the data files under {@code zoo/} (one per model, each naming the published
 * config its dimensions come from), and the workloads built from them.
 */
public final class ModelZoo {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final ModelZoo BUNDLED = load();

    private final Map<String, TransformerConfig> models;
    private final List<String> order;

    private ModelZoo(Map<String, TransformerConfig> models) {
        this.models = Map.copyOf(models);
        this.order = List.copyOf(models.keySet());
    }

    public static ModelZoo bundled() {
        return BUNDLED;
    }

    public List<String> modelNames() {
        return order;
    }

    public TransformerConfig model(String name) {
        TransformerConfig c = models.get(name);
        if (c == null)
            throw new UserInputException("unknown model \"%s\"; valid: %s".formatted(name, String.join(", ", order)));
        return c;
    }

    /**
     * Parses a workload name: {@code MODEL:decode} (one new token for a batch of one: every projection has m = 1)
     * or {@code MODEL:prefill:SEQ} (a prompt of SEQ tokens: m = SEQ). Attention against the KV cache and the LM
     * head are not modelled yet, only the seven weight projections of each block.
     */
    public Workload workload(String spec) {
        String[] parts = spec == null ? new String[] {""} : spec.trim().split(":");
        String usage = "valid: MODEL:decode or MODEL:prefill:SEQ with MODEL one of " + String.join(", ", order);
        if (!models.containsKey(parts[0]))
            throw new UserInputException("unknown workload \"%s\"; %s".formatted(spec, usage));
        TransformerConfig c = models.get(parts[0]);
        if (parts.length == 2 && parts[1].equals("decode"))
            return new Workload(spec, Phase.DECODE, 1, 1, c.blockProjections(1));
        if (parts.length == 3 && parts[1].equals("prefill")) {
            int seq;
            try {
                seq = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                seq = 0;
            }
            if (seq < 1)
                throw new UserInputException("workload \"%s\": sequence length must be a positive integer; %s"
                        .formatted(spec, usage));
            return new Workload(spec, Phase.PREFILL, 1, seq, c.blockProjections(seq));
        }
        throw new UserInputException("unknown workload \"%s\"; %s".formatted(spec, usage));
    }

    private static ModelZoo load() {
        Map<String, TransformerConfig> models = new LinkedHashMap<>();
        for (JsonNode name : read("zoo/index.yaml", JsonNode.class).get("models")) {
            String file = "zoo/" + name.asText() + ".yaml";
            TransformerConfig c = read(file, TransformerConfig.class);
            if (!c.name().equals(name.asText()))
                throw new IllegalStateException(file + ": name " + c.name() + " does not match its file name");
            models.put(c.name(), c);
        }
        return new ModelZoo(models);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = ModelZoo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing bundled resource " + resource);
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
    }
}
