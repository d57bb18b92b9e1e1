package org.bitsweep.sweep.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.workloads.UserInputException;

/**
 * A sweep file's text, checked before YAML sees it, and YAML's complaints said in one line at the right line: a
 * directory, a binary file, a file of gigabytes or a NUL byte each get a sentence of their own instead of a parser's
 * exception.
 */
final class SweepText {
    /** Far above any sweep file; a resolved file with axes of a million values is a few megabytes. */
    static final long MAX_CHARS = 64L << 20;
    private static final Pattern AT_LINE = Pattern.compile(" in 'reader', line (\\d+), column \\d+:");

    private SweepText() {
    }

    /** The file's text, UTF-8. */
    static String read(Path path) throws IOException {
        if (Files.isDirectory(path))
            throw new UserInputException("%s: a directory, not a sweep file; give a YAML file, e.g. "
                    .formatted(path) + "examples/quickstart.yaml");
        if (Files.exists(path) && Files.size(path) > MAX_CHARS)
            throw new UserInputException("%s: %,d bytes, too large for a sweep file (at most %,d)"
                    .formatted(path, Files.size(path), MAX_CHARS));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserInputException("%s: not a text file (it is not UTF-8); a sweep file is YAML text"
                    .formatted(path));
        }
    }

    /** All of a reader's text, checked as {@link #check} does. */
    static String read(String file, Reader reader) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            b.append(buffer, 0, n);
            if (b.length() > MAX_CHARS)
                throw new UserInputException("%s: too large for a sweep file (more than %,d characters)"
                        .formatted(file, MAX_CHARS));
        }
        String text = b.toString();
        check(file, text);
        return text;
    }

    /**
     * YAML forbids control characters other than tab and line breaks; SnakeYAML reports them without their line, so
     * the first is found here: {@code sweep.yaml:3: a NUL byte (U+0000) at column 1; ...}.
     */
    static void check(String file, String text) {
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

    /** SnakeYAML names the line of the offending mark in its message; Jackson's location may be the line before. */
    static int line(String message, int fallback) {
        Matcher m = AT_LINE.matcher(message == null ? "" : message);
        int line = fallback;
        while (m.find())
            line = Integer.parseInt(m.group(1));
        return line;
    }

    /** SnakeYAML's message without its excerpt of the file, on one line. */
    static String oneLine(String message) {
        if (message == null)
            return "";
        StringBuilder b = new StringBuilder();
        for (String part : message.split("\n")) {
            String p = part.strip();
            if (p.isEmpty() || p.startsWith("in 'reader'") || p.equals("^") || part.startsWith("    "))
                continue;
            b.append(b.length() == 0 ? "" : "; ").append(p);
        }
        return b.toString();
    }
}
