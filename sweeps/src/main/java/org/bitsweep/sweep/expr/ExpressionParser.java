package org.bitsweep.sweep.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;

/**
 * A recursive-descent parser for sweep-file expressions. Precedence, loosest first: {@code or ||}; {@code and &&};
 * {@code not !}; comparisons {@code < <= > >= == !=} (not chained); {@code + -}; {@code * / %}; unary minus;
 * {@code ^} (right-associative); numbers, names, calls and parentheses. Functions: min, max (two or more
 * arguments), abs, sqrt, log (natural), log2, log10, exp, floor, ceil, pow.
 *
 * <p>Text columns compare with quoted strings: {@code pe == "bitmod"}, {@code "int4" != weights}, and membership
 * {@code NAME in [A, B, …]} takes strings (text) or numbers; a name compared with a string is read as text.
 */
public final class ExpressionParser {
    private static final Map<String, Integer> FUNCTIONS = Map.ofEntries(Map.entry("min", -2), Map.entry("max", -2),
            Map.entry("abs", 1), Map.entry("sqrt", 1), Map.entry("log", 1), Map.entry("log2", 1),
            Map.entry("log10", 1), Map.entry("exp", 1), Map.entry("floor", 1), Map.entry("ceil", 1),
            Map.entry("pow", 2));

    private final String text;
    private int pos;
    private final List<VarNode> references = new ArrayList<>();

    private ExpressionParser(String text) {
        this.text = text;
    }

    /** @throws ExpressionException with the column of the problem */
    public static Expression parse(String text) {
        if (text == null || text.isBlank())
            throw new ExpressionException("empty expression", 1);
        ExpressionParser p = new ExpressionParser(text);
        Node root = p.or();
        p.skipSpace();
        if (p.pos < text.length())
            throw new ExpressionException("unexpected \"%s\"".formatted(text.substring(p.pos)), p.pos + 1);
        Set<String> all = new TreeSet<>();
        Set<String> texts = new TreeSet<>();
        for (VarNode r : p.references) {
            all.add(r.name);
            if (r.asText)
                texts.add(r.name);
        }
        Set<String> vars = Collections.unmodifiableSet(all);
        Set<String> textVars = Collections.unmodifiableSet(texts);
        return new Expression() {
            @Override
            public double eval(Variables variables) {
                return root.eval(variables);
            }

            @Override
            public Set<String> variables() {
                return vars;
            }

            @Override
            public Set<String> textVariables() {
                return textVars;
            }

            @Override
            public String text() {
                return text;
            }

            @Override
            public String toString() {
                return text;
            }
        };
    }

    private interface Node {
        double eval(Variables v);
    }

    /** A column name; read as a number unless a comparison with a string makes it text. */
    private static final class VarNode implements Node {
        final String name;
        boolean asText;

        VarNode(String name) {
            this.name = name;
        }

        @Override
        public double eval(Variables v) {
            return v.number(name);
        }
    }

    private Node or() {
        Node left = and();
        while (accept("||") || acceptWord("or")) {
            Node l = left;
            Node r = and();
            left = v -> truth(l.eval(v)) || truth(r.eval(v)) ? 1 : 0;
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (accept("&&") || acceptWord("and")) {
            Node l = left;
            Node r = not();
            left = v -> truth(l.eval(v)) && truth(r.eval(v)) ? 1 : 0;
        }
        return left;
    }

    private Node not() {
        if (acceptWord("not") || (peek("!") && !peek("!=") && accept("!"))) {
            Node inner = not();
            return v -> truth(inner.eval(v)) ? 0 : 1;
        }
        return comparison();
    }

    private Node comparison() {
        if (peek("\"") || peek("'")) {
            int at = pos;
            String literal = string();
            boolean equal = accept("==");
            if (!equal && !accept("!="))
                throw new ExpressionException("a quoted string compares with == or != to a text column", at + 1);
            int nameAt = pos;
            Node right = sum();
            return textComparison(right, literal, equal, nameAt);
        }
        int leftAt = pos;
        Node left = sum();
        if (acceptWord("in"))
            return membership(left, leftAt);
        if (peek("==") || peek("!=")) {
            int save = pos;
            boolean equal = accept("==");
            if (!equal)
                accept("!=");
            if (peek("\"") || peek("'"))
                return textComparison(left, string(), equal, leftAt);
            pos = save;
        }
        for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
            if (accept(op)) {
                Node l = left;
                Node r = sum();
                DoubleBinaryOperator f = switch (op) {
                    case "<=" -> (a, b) -> a <= b ? 1 : 0;
                    case ">=" -> (a, b) -> a >= b ? 1 : 0;
                    case "==" -> (a, b) -> a == b ? 1 : 0;
                    case "!=" -> (a, b) -> a != b ? 1 : 0;
                    case "<" -> (a, b) -> a < b ? 1 : 0;
                    default -> (a, b) -> a > b ? 1 : 0;
                };
                skipSpace();
                for (String again : new String[] {"<", ">", "=="})
                    if (peek(again))
                        throw new ExpressionException("comparisons cannot be chained; join them with and", pos + 1);
                return v -> f.applyAsDouble(l.eval(v), r.eval(v));
            }
        }
        return left;
    }

    /** {@code name == "text"} or {@code !=}: exact, case-sensitive. */
    private Node textComparison(Node side, String literal, boolean equal, int at) {
        VarNode name = textName(side, at);
        return v -> literal.equals(v.text(name.name)) == equal ? 1 : 0;
    }

    private VarNode textName(Node side, int at) {
        if (!(side instanceof VarNode name))
            throw new ExpressionException("a quoted string compares with a column name, e.g. pe == \"bitmod\"", at + 1);
        name.asText = true;
        return name;
    }

    /** {@code name in ["a", "b"]} (text) or {@code x in [1, 2]} (numbers). */
    private Node membership(Node left, int leftAt) {
        expect("[");
        List<String> texts = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        do {
            skipSpace();
            if (peek("\"") || peek("'")) {
                texts.add(string());
            } else {
                int at = pos;
                Node n = unary();
                try {
                    numbers.add(n.eval(Variables.numbers(name -> {
                        throw new ExpressionException("a list after in holds strings or numbers, not names", at + 1);
                    })));
                } catch (ExpressionException e) {
                    throw e;
                }
            }
        } while (accept(","));
        expect("]");
        if (!texts.isEmpty() && !numbers.isEmpty())
            throw new ExpressionException("a list after in holds strings or numbers, not both", leftAt + 1);
        if (!texts.isEmpty()) {
            VarNode name = textName(left, leftAt);
            Set<String> set = Set.copyOf(texts);
            return v -> {
                String t = v.text(name.name);
                return t != null && set.contains(t) ? 1 : 0;
            };
        }
        double[] values = numbers.stream().mapToDouble(Double::doubleValue).toArray();
        return v -> {
            double x = left.eval(v);
            for (double n : values)
                if (x == n)
                    return 1;
            return 0;
        };
    }

    /** A quoted string, single or double quotes, no escapes. */
    private String string() {
        skipSpace();
        char quote = text.charAt(pos);
        int end = text.indexOf(quote, pos + 1);
        if (end < 0)
            throw new ExpressionException("the string has no closing " + quote, pos + 1);
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
    }

    private Node sum() {
        Node left = product();
        while (true) {
            if (accept("+")) {
                Node l = left;
                Node r = product();
                left = v -> l.eval(v) + r.eval(v);
            } else if (accept("-")) {
                Node l = left;
                Node r = product();
                left = v -> l.eval(v) - r.eval(v);
            } else {
                return left;
            }
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            if (accept("*")) {
                Node l = left;
                Node r = unary();
                left = v -> l.eval(v) * r.eval(v);
            } else if (accept("/")) {
                Node l = left;
                Node r = unary();
                left = v -> l.eval(v) / r.eval(v);
            } else if (accept("%")) {
                Node l = left;
                Node r = unary();
                left = v -> l.eval(v) % r.eval(v);
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        if (accept("-")) {
            Node inner = unary();
            return v -> -inner.eval(v);
        }
        if (accept("+"))
            return unary();
        return power();
    }

    private Node power() {
        Node base = primary();
        if (accept("^")) {
            Node exponent = unary();
            return v -> Math.pow(base.eval(v), exponent.eval(v));
        }
        return base;
    }

    private Node primary() {
        skipSpace();
        if (pos >= text.length())
            throw new ExpressionException("expression ends where a number, name or ( was expected", pos + 1);
        char c = text.charAt(pos);
        if (accept("(")) {
            Node inner = or();
            expect(")");
            return inner;
        }
        if (Character.isDigit(c) || c == '.')
            return number();
        if (Character.isLetter(c) || c == '_')
            return name();
        if (c == '"' || c == '\'')
            throw new ExpressionException("a quoted string compares with == or != (or in [...]) to a text column",
                    pos + 1);
        throw new ExpressionException("unexpected \"%s\"; expected a number, a name or (".formatted(c), pos + 1);
    }

    private Node number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'))
            pos++;
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-'))
                pos++;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos)))
                    pos++;
            } else {
                pos = save;
            }
        }
        String literal = text.substring(start, pos);
        try {
            double value = Double.parseDouble(literal);
            return v -> value;
        } catch (NumberFormatException e) {
            throw new ExpressionException("\"%s\" is not a number".formatted(literal), start + 1);
        }
    }

    private Node name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'))
            pos++;
        String name = text.substring(start, pos);
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '(') {
            Integer arity = FUNCTIONS.get(name);
            if (arity == null)
                throw new ExpressionException("unknown function %s; valid: %s".formatted(name,
                        String.join(", ", new TreeSet<>(FUNCTIONS.keySet()))), start + 1);
            pos++;
            List<Node> args = new ArrayList<>();
            skipSpace();
            if (!accept(")")) {
                do
                    args.add(or());
                while (accept(","));
                expect(")");
            }
            if (arity >= 0 ? args.size() != arity : args.size() < -arity)
                throw new ExpressionException("%s takes %s%d argument%s, got %d".formatted(name, arity < 0 ? "at least " : "",
                        Math.abs(arity), Math.abs(arity) == 1 ? "" : "s", args.size()), start + 1);
            return call(name, args);
        }
        VarNode ref = new VarNode(name);
        references.add(ref);
        return ref;
    }

    private static Node call(String name, List<Node> args) {
        Node a = args.get(0);
        return switch (name) {
            case "min" -> v -> args.stream().mapToDouble(n -> n.eval(v)).min().orElseThrow();
            case "max" -> v -> args.stream().mapToDouble(n -> n.eval(v)).max().orElseThrow();
            case "abs" -> v -> Math.abs(a.eval(v));
            case "sqrt" -> v -> Math.sqrt(a.eval(v));
            case "log" -> v -> Math.log(a.eval(v));
            case "log2" -> v -> Math.log(a.eval(v)) / Math.log(2);
            case "log10" -> v -> Math.log10(a.eval(v));
            case "exp" -> v -> Math.exp(a.eval(v));
            case "floor" -> v -> Math.floor(a.eval(v));
            case "ceil" -> v -> Math.ceil(a.eval(v));
            default -> {
                Node b = args.get(1);
                yield v -> Math.pow(a.eval(v), b.eval(v));
            }
        };
    }

    private static boolean truth(double v) {
        return v != 0 && !Double.isNaN(v);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
            pos++;
    }

    private boolean peek(String s) {
        skipSpace();
        return text.startsWith(s, pos);
    }

    private boolean accept(String s) {
        if (peek(s)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    /** A keyword operator: the word itself, not the start of a longer name (ordinal is a name, or is not). */
    private boolean acceptWord(String w) {
        skipSpace();
        int end = pos + w.length();
        if (text.startsWith(w, pos) && (end == text.length()
                || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'))) {
            pos = end;
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!accept(s))
            throw new ExpressionException(pos < text.length()
                    ? "expected \"%s\" but found \"%s\"".formatted(s, text.charAt(pos))
                    : "expected \"%s\" at the end".formatted(s), pos + 1);
    }
}
