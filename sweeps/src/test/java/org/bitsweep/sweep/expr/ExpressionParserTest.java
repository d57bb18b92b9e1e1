package org.bitsweep.sweep.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bitsweep.testkit.Gen.doubles;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpressionParserTest {
    static final Map<String, Double> VARS = Map.of("rows", 16.0, "cols", 32.0, "area_um2", 1.5e6, "orbit", 3.0);

    static double eval(String text) {
        return ExpressionParser.parse(text).eval(VARS::get);
    }

    @Test
    void arithmeticFollowsTheUsualPrecedence() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(7);
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9);
        assertThat(eval("2 ^ 3 ^ 2")).isEqualTo(512);     // right-associative: 2^(3^2)
        assertThat(eval("-2 ^ 2")).isEqualTo(-4);         // unary minus binds looser than ^
        assertThat(eval("7 % 4 - 10 / 4")).isEqualTo(0.5);
        assertThat(eval("rows * cols")).isEqualTo(512);
        assertThat(eval("area_um2 / 1e6")).isEqualTo(1.5);
        assertThat(eval("2.5E-1 * 4")).isEqualTo(1);
    }

    @Test
    void comparisonsAndLogicGiveOneOrZero() {
        assertThat(eval("area_um2 / 1e6 < 2")).isEqualTo(1);
        assertThat(eval("rows >= cols")).isEqualTo(0);
        assertThat(eval("rows <= cols and cols == 32")).isEqualTo(1);
        assertThat(eval("rows > 100 || not (cols != 32)")).isEqualTo(1);
        assertThat(eval("!(rows < cols) or orbit == 3")).isEqualTo(1);   // "orbit" is a name, not "or" + "bit"
        assertThat(eval("1 < 2 && 0")).isEqualTo(0);
    }

    @Test
    void functions() {
        assertThat(eval("max(rows, cols, 7)")).isEqualTo(32);
        assertThat(eval("min(rows, cols)")).isEqualTo(16);
        assertThat(eval("log2(cols) + log10(1000) + sqrt(16) + abs(-1) + floor(2.7) + ceil(2.1) + pow(2, 3)"))
                .isEqualTo(5 + 3 + 4 + 1 + 2 + 3 + 8);
    }

    @Test
    void itListsTheNamesItReads() {
        assertThat(ExpressionParser.parse("rows * cols < max(area_um2, 1)").variables())
                .containsExactly("area_um2", "cols", "rows");
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertThatThrownBy(() -> ExpressionParser.parse("rows * * 2")).isInstanceOf(ExpressionException.class)
                .hasMessage("unexpected \"*\"; expected a number, a name or (")
                .satisfies(e -> assertThat(((ExpressionException) e).column()).isEqualTo(8));
        assertThatThrownBy(() -> ExpressionParser.parse("(rows + 1")).hasMessage("expected \")\" at the end");
        assertThatThrownBy(() -> ExpressionParser.parse("rows < 2 < 3")).hasMessageContaining("cannot be chained");
        assertThatThrownBy(() -> ExpressionParser.parse("foo(1)")).hasMessageStartingWith("unknown function foo");
        assertThatThrownBy(() -> ExpressionParser.parse("max(1)")).hasMessage("max takes at least 2 arguments, got 1");
        assertThatThrownBy(() -> ExpressionParser.parse("rows 2")).hasMessage("unexpected \"2\"");
        assertThatThrownBy(() -> ExpressionParser.parse(" ")).hasMessage("empty expression");
        assertThatThrownBy(() -> ExpressionParser.parse("1.2.3")).hasMessage("\"1.2.3\" is not a number");
    }

    @Test
    void agreesWithJavaArithmetic() {
        forAll(99, 300, t -> {
            double a = t.draw("a", doubles(-1e3, 1e3));
            double b = t.draw("b", doubles(-1e3, 1e3));
            double c = t.draw("c", doubles(0.5, 1e3));
            Map<String, Double> v = Map.of("a", a, "b", b, "c", c);
            assertThat(ExpressionParser.parse("a + b * c - a / c").eval(v::get)).isEqualTo(a + b * c - a / c);
            assertThat(ExpressionParser.parse("a < b and b <= c or a == c").eval(v::get))
                    .isEqualTo((a < b && b <= c) || a == c ? 1 : 0);
            assertThat(ExpressionParser.parse("max(a, b) - min(a, b)").eval(v::get)).isEqualTo(Math.abs(a - b));
        });
    }
}
