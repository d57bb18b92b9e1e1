package org.bitsweep.sweep.file;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        if (Files.isDirectory(path))
            throw new UserInputException("%s: a directory, not a sweep file; give a YAML file, e.g. examples/quickstart.yaml"
                    .formatted(path));
        try {
            if (Files.exists(path) && Files.size(path) > MAX_BYTES)
                throw new UserInputException("%s: %,d bytes, too large for a sweep file (at most %,d)"
                        .formatted(path, Files.size(path), MAX_BYTES));
            byte[] bytes = Files.readAllBytes(path);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new UserInputException("%s: not a text file (it is not UTF-8); a sweep file is YAML text"
                        .formatted(path));
            }
            return parse(path.toString(), new StringReader(text));
        } catch (NoSuchFileException e) {
            throw new UserInputException("%s: no such file".formatted(path));
        } catch (IOException e) {
            throw new UserInputException("%s: cannot read: %s".formatted(path, e.getMessage()));
        }
    }

    /** Far above any sweep file; a resolved file with axes of a million values is a few megabytes. */
    static final long MAX_BYTES = 64L << 20;

    public static LocatedYaml parse(String file, Reader reader) throws IOException {
        String text = readAll(reader);
        controlCharacters(file, text);
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(new StringReader(text))) {
            JsonToken first = p.nextToken();
            if (first == null)
                throw new UserInputException(file + ":1: the file is empty; a sweep file is a YAML mapping");
            JsonNode root = node(file, p, "", lines);
            return new LocatedYaml(file, root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new UserInputException("%s:%d: not valid YAML: %s".formatted(file, snakeYamlLine(e.getOriginalMessage(),
                    line), oneLine(e.getOriginalMessage())));
        } catch (RuntimeException e) {
            if (e instanceof UserInputException)
                throw e;
            throw new UserInputException("%s: not valid YAML: %s".formatted(file, e.getMessage()));  // SnakeYAML's own
        }
    }

    private static final java.util.regex.Pattern AT_LINE = java.util.regex.Pattern.compile(
            " in 'reader', line (\\d+), column \\d+:");

    /** SnakeYAML names the line of the offending mark in its message; Jackson's location may be the line before. */
    private static int snakeYamlLine(String message, int fallback) {
        java.util.regex.Matcher m = AT_LINE.matcher(message == null ? "" : message);
        int line = fallback;
        while (m.find())
            line = Integer.parseInt(m.group(1));
        return line;
    }

    /** SnakeYAML's message without its excerpt of the file, on one line. */
    private static String oneLine(String message) {
        if (message == null)
            return "";
        String[] parts = message.split("\n");
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty() || p.startsWith("in 'reader'") || p.equals("^") || part.startsWith("    "))
                continue;
            b.append(b.length() == 0 ? "" : "; ").append(p);
        }
        return b.toString();
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            b.append(buffer, 0, n);
            if (b.length() > MAX_BYTES)
                throw new UserInputException("%s: too large for a sweep file (more than %,d characters)"
                        .formatted("the input", MAX_BYTES));
        }
        return b.toString();
    }

    /**
     * YAML forbids control characters other than tab and line breaks; SnakeYAML reports them without their line, so
     * the first is found here: {@code sweep.yaml:3: a NUL byte (U+0000) at column 1; ...}.
     */
    private static void controlCharacters(String file, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f || c == '\uFFFE' || c == '\uFFFF')
                throw new UserInputException("%s:%d: %s (U+%04X) at column %d; a sweep file is plain text"
                        .formatted(file, line, c == 0 ? "a NUL byte" : "a control character", (int) c, column));
            column++;
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
                java.math.BigInteger big = new java.math.BigInteger(text);
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
