package org.bitsweep.workloads.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.bitsweep.workloads.UserInputException;

/**
 * The models BitSweep knows, read from the data files under {@code zoo/} (one per model, each naming the published
 * config its dimensions come from and the parameter count to check against), and the workloads built from them.
 */
public final class ModelZoo {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends ModelSpec>> KINDS = Map.of("decoder", DecoderSpec.class,
            "encoder", EncoderSpec.class, "resnet", ResNetSpec.class, "vit", VitSpec.class, "mlp", MlpSpec.class,
            "cnn", CnnSpec.class);
    private static final ModelZoo BUNDLED = load();

    private final Map<String, ModelSpec> models;
    private final List<String> order;

    private ModelZoo(Map<String, ModelSpec> models) {
        this.models = Map.copyOf(models);
        this.order = List.copyOf(models.keySet());
    }

    public static ModelZoo bundled() {
        return BUNDLED;
    }

    public List<String> modelNames() {
        return order;
    }

    public ModelSpec model(String name) {
        ModelSpec c = models.get(name);
        if (c == null)
            throw new UserInputException("unknown model \"%s\"; valid: %s".formatted(name, String.join(", ", order)));
        return c;
    }

    /**
     * Parses a workload name: the model's name, then what the model needs after colons: {@code MODEL:decode},
     * {@code MODEL:decode:CONTEXT} or {@code MODEL:prefill:SEQ} for language models, {@code MODEL[:SEQ]} for
     * encoders, {@code MODEL} for image models (one image).
     */
    public Workload workload(String spec) {
        String text = spec == null ? "" : spec.trim();
        List<String> parts = Arrays.asList(text.split(":"));
        ModelSpec model = models.get(parts.get(0));
        if (model == null)
            throw new UserInputException("unknown workload \"%s\"; valid: %s".formatted(spec, String.join(", ",
                    order.stream().flatMap(n -> models.get(n).workloadForms().stream()).toList())));
        return model.workload(text, parts.subList(1, parts.size()));
    }

    private static ModelZoo load() {
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (JsonNode name : read("zoo/index.yaml").get("models")) {
            String file = "zoo/" + name.asText() + ".yaml";
            JsonNode node = read(file);
            Class<? extends ModelSpec> kind = KINDS.get(node.path("kind").asText());
            if (kind == null)
                throw new IllegalStateException(file + ": kind: \"" + node.path("kind").asText() + "\"; valid: " + KINDS.keySet());
            ((ObjectNode) node).remove("kind");
            ModelSpec spec;
            try {
                spec = YAML.treeToValue(node, kind);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
            if (!spec.name().equals(name.asText()))
                throw new IllegalStateException(file + ": name " + spec.name() + " does not match its file name");
            models.put(spec.name(), spec);
        }
        return new ModelZoo(models);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ModelZoo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing bundled resource " + resource + "; the jar is incomplete, rebuild it");
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
    }
}
