package org.bitsweep.sweep.file;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import org.bitsweep.workloads.UserInputException;

/**
 * A YAML (or JSON, which is YAML) document as a Jackson tree, plus the line of every node, so that each error can
 * name the line a user wrote. Jackson's tree model drops locations, so the tree is built here from the streaming
 * parser, which keeps them.
 */
public final class LocatedYaml {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedYaml(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** @throws UserInputException for a missing file or a YAML syntax error, with its line */
    public static LocatedYaml read(Path path) {
        try {
            return parse(path.toString(), new StringReader(SweepText.read(path)));
        } catch (NoSuchFileException e) {
            throw new UserInputException("%s: no such file".formatted(path));
        } catch (IOException e) {
            throw new UserInputException("%s: cannot read: %s".formatted(path, e.getMessage()));
        }
    }

    public static LocatedYaml parse(String file, Reader in) throws IOException {
        String text = SweepText.read(file, in);
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(new StringReader(text))) {
            JsonToken first = p.nextToken();
            if (first == null)
                throw new UserInputException(file + ":1: the file is empty; a sweep file is a YAML mapping");
            JsonNode root = node(file, p, "", lines);
            return new LocatedYaml(file, root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new UserInputException("%s:%d: not valid YAML: %s".formatted(file,
                    SweepText.line(e.getOriginalMessage(), line), SweepText.oneLine(e.getOriginalMessage())));
        } catch (UserInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserInputException("%s: not valid YAML: %s".formatted(file, e.getMessage()));  // SnakeYAML's own
        }
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** The line of the node at a JSON pointer ({@code /hardware/array/1}), or of its nearest ancestor. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null)
                return line;
            if (p.isEmpty())
                return 1;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private static JsonNode node(String file, JsonParser p, String pointer, Map<String, Integer> lines)
            throws IOException {
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    int line = p.currentTokenLocation().getLineNr();
                    if (object.has(name))
                        throw new UserInputException("%s:%d: %s: key \"%s\" appears twice"
                                .formatted(file, line, pointer.isEmpty() ? "top level" : pointer.substring(1), name));
                    lines.put(child, line);
                    p.nextToken();
                    object.set(name, node(file, p, child, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY)
                    array.add(node(file, p, pointer + "/" + array.size(), lines));
                return array;
            }
            case VALUE_STRING -> {
                // Jackson hands an alias (*name) over as the text "name"; said plainly, it is no value we can use.
                if (p instanceof YAMLParser y && y.isCurrentAlias())
                    throw new UserInputException(("%s:%d: %s: *%s is a YAML alias; sweep files take no anchors or "
                            + "aliases, write the value out").formatted(file, p.currentTokenLocation().getLineNr(),
                            YamlLocations.field(pointer), p.getText()));
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                // YAML 1.1 reads 0x32 as hex 50 and 0o17 as octal; in a sweep file "0x32" is an array size typed
                // wrong, so only plain decimal integers count as numbers and the rest stay text for the checks.
                String text = p.getText();
                if (!text.matches("[-+]?[0-9]+"))
                    return NODES.textNode(text);
                BigInteger big = new BigInteger(text);
                // Past a long, the value stays whole so that the check of its field says it is too large.
                return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
            }
            case VALUE_NUMBER_FLOAT -> {
                // YAML's .inf and .nan, and 1e999, are no numbers a sweep can use: as text, the field's check names them.
                String text = p.getText();
                try {
                    double v = Double.parseDouble(text);
                    return Double.isFinite(v) ? NODES.numberNode(v) : NODES.textNode(text);
                } catch (NumberFormatException e) {
                    return NODES.textNode(text);
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected YAML token " + t);
        }
    }
}
