package org.bitsweep.sweep.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * A recursive-descent parser for sweep-file expressions. Precedence, loosest first: {@code or ||}; {@code and &&};
 * {@code not !}; comparisons {@code < <= > >= == !=} (not chained); {@code + -}; {@code * / %}; unary minus;
 * {@code ^} (right-associative); numbers, names, calls and parentheses. Functions: min, max (two or more
 * arguments), abs, sqrt, log (natural), log2, log10, exp, floor, ceil, pow.
 */
public final class ExpressionParser {
    private static final Map<String, Integer> FUNCTIONS = Map.ofEntries(Map.entry("min", -2), Map.entry("max", -2),
            Map.entry("abs", 1), Map.entry("sqrt", 1), Map.entry("log", 1), Map.entry("log2", 1),
            Map.entry("log10", 1), Map.entry("exp", 1), Map.entry("floor", 1), Map.entry("ceil", 1),
            Map.entry("pow", 2));

    private final String text;
    private int pos;
    private final Set<String> names = new TreeSet<>();

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
        Set<String> vars = Collections.unmodifiableSet(p.names);
        return new Expression() {
            @Override
            public double eval(ToDoubleFunction<String> variables) {
                return root.eval(variables);
            }

            @Override
            public Set<String> variables() {
                return vars;
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
        double eval(ToDoubleFunction<String> v);
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
        Node left = sum();
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
        names.add(name);
        return v -> v.applyAsDouble(name);
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
