package org.bitsweep.cost.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bitsweep.cost.Provenance;
import org.bitsweep.cost.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bundled GPU specifications, {@code gpu/index.yaml} and one {@code gpu/ID.yaml} per GPU. A bad field is a bug
 * in our data: it throws {@link IllegalStateException} naming the file, where in it and the field.
 */
public final class GpuSpecs {
    static final String INDEX = "gpu/index.yaml";
    private static final List<GpuSpec> ALL = loadAll();

    private GpuSpecs() {
    }

    public static List<GpuSpec> bundled() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(GpuSpec::id).toList();
    }

    public static Optional<GpuSpec> find(String id) {
        return ALL.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public static GpuSpec parse(String file, InputStream in) throws IOException {
        return parse(file, Yaml.read(in));
    }

    private static List<GpuSpec> loadAll() {
        List<String> ids = Yaml.bundled(INDEX, (file, root) -> {
            List<String> l = new ArrayList<>();
            for (JsonNode n : Yaml.list(file, root, "gpus", "top level"))
                l.add(n.asText());
            return l;
        });
        List<GpuSpec> specs = new ArrayList<>();
        for (String id : ids) {
            String file = "gpu/" + id + ".yaml";
            GpuSpec spec = Yaml.bundled(file, GpuSpecs::parse);
            if (!spec.id().equals(id))
                throw new IllegalStateException(file + ": gpu: " + spec.id() + " does not match the file name");
            specs.add(spec);
        }
        return List.copyOf(specs);
    }

    static GpuSpec parse(String file, JsonNode root) {
        String top = "top level";
        String id = Yaml.text(file, root, "gpu", top);
        try {
            List<TensorRate> tensor = new ArrayList<>();
            JsonNode rows = Yaml.list(file, root, "tensor", top);
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String where = "tensor[" + i + "]";
                List<String> shapes = new ArrayList<>();
                for (JsonNode s : Yaml.list(file, row, "instructions", where))
                    shapes.add(s.asText());
                tensor.add(new TensorRate(TensorType.byId(file, Yaml.text(file, row, "type", where), where),
                        Yaml.text(file, row, "accumulate", where), Yaml.number(file, row, "dense_tops", where), shapes,
                        Provenance.of(file, row, where)));
            }
            Map<CudaCoreClass, Sourced> cuda = new EnumMap<>(CudaCoreClass.class);
            JsonNode classes = Yaml.list(file, root, "cuda_core", top);
            for (int i = 0; i < classes.size(); i++) {
                JsonNode row = classes.get(i);
                String where = "cuda_core[" + i + "]";
                CudaCoreClass c = CudaCoreClass.byId(file, Yaml.text(file, row, "class", where), where);
                if (cuda.put(c, new Sourced(Yaml.number(file, row, "per_sm_per_clock", where),
                        Provenance.of(file, row, where))) != null)
                    throw new IllegalStateException("%s: %s: class %s listed twice".formatted(file, where, c.id()));
            }
            return new GpuSpec(id, Yaml.text(file, root, "name", top), Yaml.text(file, root, "compute_capability", top),
                    figure(file, root, "sm_count"), figure(file, root, "boost_clock_mhz"),
                    figure(file, root, "memory_gbps"), figure(file, root, "l2_bytes"),
                    figure(file, root, "shared_memory_per_sm_bytes"), figure(file, root, "board_power_w"),
                    figure(file, root, "launch_overhead_us"), tensor, cuda);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static Sourced figure(String file, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject())
            throw new IllegalStateException("%s: %s: missing, or not {value, source|estimate}".formatted(file, field));
        return new Sourced(Yaml.number(file, node, "value", field), Provenance.of(file, node, field));
    }
}
