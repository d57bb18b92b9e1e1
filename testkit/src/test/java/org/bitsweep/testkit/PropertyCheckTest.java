package org.bitsweep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.lists;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PropertyCheckTest {

    @Test
    void aTruePropertyRunsEveryTry() {
        int[] runs = {0};
        forAll(1, 300, c -> {
            int x = c.draw("x", ints(-1000, 1000));
            runs[0]++;
            assertThat(Math.abs(x)).isGreaterThanOrEqualTo(0);
        });
        assertThat(runs[0]).isEqualTo(300);
    }

    @Test
    void aFailureNamesTheSeedTheTryAndTheDrawsAndShrinksToTheSmallestCounterexample() {
        // x ≥ 11 fails; halving towards 0 and stepping by one reaches exactly 11. The string has nothing to
        // shrink towards but its first option.
        assertThatThrownBy(() -> forAll(42, 1000, c -> {
            String unit = c.draw("unit", oneOf("pJ", "nJ"));
            int x = c.draw("x", ints(0, 1_000_000));
            assertThat(x).as("x in %s", unit).isLessThan(11);
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("(seed 42)")
                .hasMessageMatching("(?s)property failed on try \\d+ of 1000 \\(seed 42\\) with:\n  unit = \"[pn]J\"\n"
                        + "  x = \\d+\nshrunk in \\d+ steps \\(\\d+ replays\\) to:\n  unit = \"pJ\"\n  x = 11\n"
                        + "failure: .*x in pJ.*")
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void aListShrinksToTheShortestThatStillFails() {
        // Fails when the list holds a 7 or more: the smallest counterexample is the single element [7].
        assertThatThrownBy(() -> forAll(3, 500, c -> {
            List<Integer> xs = c.draw("xs", lists(ints(0, 100), 0, 20));
            assertThat(xs).allSatisfy(x -> assertThat(x).isLessThan(7));
        })).hasMessageContaining("to:\n  xs = [7]\n");
    }

    @Test
    void edgesMeetInTheSameCase() {
        // Both ints at an extreme (MIN, MIN + 1 or MAX: 3 of the 7 edges): in an ordinary case (1/20 · 3/7)² ≈
        // 0.0005; in the quarter of the cases where 3 draws in 4 are edges, (3/4 · 3/7)² ≈ 0.10. About
        // 2000 · (0.75 · 0.0005 + 0.25 · 0.10) ≈ 51 of 2000 cases.
        int[] both = {0};
        forAll(11, 2000, c -> {
            int a = c.draw("a", ints());
            int b = c.draw("b", ints());
            if (Math.abs((long) a) >= Integer.MAX_VALUE && Math.abs((long) b) >= Integer.MAX_VALUE)
                both[0]++;
        });
        assertThat(both[0]).isBetween(25, 90);
    }

    @Test
    void anExceptionIsAFailureToo() {
        assertThatThrownBy(() -> forAll(5, 100, c -> {
            int d = c.draw("divisor", ints(-3, 3));
            assertThat(12 / d).isNotNull();
        })).hasMessageContaining("divisor = 0").hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void theSameSeedFindsTheSameFailure() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 2; i++)
            try {
                forAll(77, 1000, c -> assertThat(c.draw("n", ints(0, 1 << 20))).isLessThan(500));
            } catch (AssertionError e) {
                messages.add(e.getMessage());
            }
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).isEqualTo(messages.get(1)).contains("n = 500\n");
    }

    @Test
    void skippedTriesAreNotCheckedButTooManyFail() {
        int[] checked = {0};
        forAll(9, 600, c -> {
            c.assume(c.draw("x", ints(0, 9)) < 5);
            checked[0]++;
        });
        assertThat(checked[0]).isBetween(200, 500);
        assertThatThrownBy(() -> forAll(9, 100, c -> c.assume(false)))
                .hasMessage("property (seed 9) skipped 100 of 100 tries by assume and checked only 0");
    }
}
