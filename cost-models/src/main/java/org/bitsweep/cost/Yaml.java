package org.bitsweep.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reading our bundled data files. A bad field is a bug in our data, not a user's mistake, so every check throws
 * {@link IllegalStateException} naming the file, where in it, and the field.
 */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    public static JsonNode read(InputStream in) throws IOException {
        return MAPPER.readTree(in);
    }

    /** Opens {@code file} from the class path and parses it with {@code parser}. */
    public static <T> T bundled(String file, BiFunction<String, JsonNode, T> parser) {
        try (InputStream in = Yaml.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null)
                throw new IllegalStateException("missing bundled data file " + file);
            return parser.apply(file, read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    public static String text(String file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank())
            throw new IllegalStateException("%s: %s: %s: missing or not a string".formatted(file, where, field));
        return v.asText();
    }

    public static double number(String file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber())
            throw new IllegalStateException("%s: %s: %s: missing or not a number".formatted(file, where, field));
        return v.doubleValue();
    }

    public static int integer(String file, JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber())
            throw new IllegalStateException("%s: %s: %s: missing or not an integer".formatted(file, where, field));
        return v.intValue();
    }

    /** A non-empty list, or a message saying it is missing. */
    public static JsonNode list(String file, JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isArray() || v.isEmpty())
            throw new IllegalStateException("%s: %s: %s: must be a non-empty list".formatted(file, where, field));
        return v;
    }
}
