package org.bitsweep.workloads.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.UserInputException;

/**
 * Parses the subset of Python literals that NumPy writes into a .npy header (it writes {@code repr} of a dict and
 * reads it back with {@code ast.literal_eval}): dicts with string keys, quoted strings, {@code True}, {@code False},
 * {@code None}, integers (with the {@code L} suffix of Python 2 headers), tuples and lists. Tuples and lists both
 * become a {@link List}; {@code (3)} is the integer 3, as in Python.
 */
final class PythonLiteral {
    private final String text;
    private final String where;
    private int pos;

    private PythonLiteral(String text, String where) {
        this.text = text;
        this.where = where;
    }

    /**
     * @param where what to name in an error, e.g. {@code "w.npy: header"}
     * @return a {@link Map} (keys in file order), {@link String}, {@link Boolean}, {@link Long}, {@link List} or
     *         {@code null}
     * @throws UserInputException saying where the text stops being a literal
     */
    static Object parse(String text, String where) {
        PythonLiteral parser = new PythonLiteral(text, where);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos < text.length())
            throw parser.error("unexpected " + parser.quoteHere() + " after the end of the literal");
        return value;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length())
            throw error("text ends where a value should start");
        char c = text.charAt(pos);
        if (c == '{')
            return dict();
        if (c == '(' || c == '[')
            return sequence(c);
        if (c == '\'' || c == '"')
            return string();
        if (c == '-' || c == '+' || Character.isDigit(c))
            return integer();
        if (Character.isLetter(c))
            return name();
        throw error("unexpected " + quoteHere());
    }

    private Map<String, Object> dict() {
        Map<String, Object> entries = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (consume('}'))
                return Collections.unmodifiableMap(entries);
            int keyAt = pos;
            if (!(value() instanceof String key))
                throw errorAt(keyAt, "dict keys must be quoted strings");
            skipSpace();
            if (!consume(':'))
                throw error("expected ':' after key '" + key + "', found " + quoteHere());
            if (entries.put(key, value()) != null)
                throw errorAt(keyAt, "key '" + key + "' appears twice");
            skipSpace();
            if (!consume(',') && !(pos < text.length() && text.charAt(pos) == '}'))
                throw error("expected ',' or '}' in the dict, found " + quoteHere());
        }
    }

    private Object sequence(char open) {
        char close = open == '(' ? ')' : ']';
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        pos++;
        while (true) {
            skipSpace();
            if (consume(close))
                break;
            items.add(value());
            skipSpace();
            if (consume(','))
                sawComma = true;
            else if (!(pos < text.length() && text.charAt(pos) == close))
                throw error("expected ',' or '" + close + "', found " + quoteHere());
        }
        if (open == '(' && items.size() == 1 && !sawComma)
            return items.get(0);
        return Collections.unmodifiableList(items);
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder s = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote)
                return s.toString();
            if (c == '\\' && pos < text.length())
                c = text.charAt(pos++);
            s.append(c);
        }
        throw error("a string is not closed");
    }

    private Long integer() {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+')
            pos++;
        int digitsAt = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)))
            pos++;
        if (pos == digitsAt)
            throw errorAt(start, "a sign must be followed by digits");
        String digits = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l'))
            pos++;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw errorAt(start, "integer " + digits + " is too large");
        }
    }

    private Object name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'))
            pos++;
        String word = text.substring(start, pos);
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            default -> throw errorAt(start, "unexpected name '" + word + "'; a header holds only literals");
        };
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
            pos++;
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private String quoteHere() {
        return pos >= text.length() ? "the end of the text" : "'" + text.charAt(pos) + "'";
    }

    private UserInputException error(String what) {
        return errorAt(pos, what);
    }

    private UserInputException errorAt(int at, String what) {
        return new UserInputException("%s: not a Python literal at character %d: %s; NumPy writes e.g. %s"
                .formatted(where, at, what, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"));
    }
}
