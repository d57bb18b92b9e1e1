package org.bitsweep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bitsweep.testkit.Gen.booleans;
import static org.bitsweep.testkit.Gen.doubles;
import static org.bitsweep.testkit.Gen.floats;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.lists;
import static org.bitsweep.testkit.Gen.longs;
import static org.bitsweep.testkit.Gen.oneOf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GenTest {

    static <T> List<T> sample(Gen<T> gen, long seed, int n) {
        Case c = Case.random(seed);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++)
            out.add(gen.generate(c));
        return out;
    }

    @Test
    void valuesStayInTheirRangeAndTheEdgesTurnUp() {
        // A range around 0 has seven edges: min, min + 1, −1, 0, 1, max − 1, max. At one draw in 20 (an ordinary
        // case), each is expected about 1000 / 140 ≈ 7 times in 1000 draws, besides the draws that hit it by chance.
        List<Integer> xs = sample(ints(-100, 100), 1, 1000);
        assertThat(xs).allSatisfy(x -> assertThat(x).isBetween(-100, 100));
        assertThat(xs).contains(-100, -99, -1, 0, 1, 99, 100);
    }

    @Test
    void theExtremesOfALongAreEdges() {
        assertThat(sample(longs(), 2, 1000)).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L);
        assertThat(sample(ints(), 2, 1000)).contains(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Test
    void aWideRangeStillYieldsSmallValues() {
        // Half the draws have a uniform bit length; below 2^20 is 21 of the 64 lengths, so about a sixth of them.
        long small = sample(longs(1, Long.MAX_VALUE), 3, 1000).stream().filter(x -> x < 1 << 20).count();
        assertThat(small).isGreaterThan(100);
    }

    @Test
    void aSingleValueRangeAlwaysGivesIt() {
        assertThat(sample(ints(7, 7), 4, 100)).containsOnly(7);
        assertThat(sample(longs(Long.MAX_VALUE, Long.MAX_VALUE), 4, 100)).containsOnly(Long.MAX_VALUE);
    }

    @Test
    void theSameSeedDrawsTheSameValues() {
        Gen<List<Integer>> g = lists(ints(0, 1000), 0, 8);
        assertThat(sample(g, 5, 50)).isEqualTo(sample(g, 5, 50));
        assertThat(sample(g, 5, 50)).isNotEqualTo(sample(g, 6, 50));
    }

    @Test
    void doublesStayInRangeWithTheirEdges() {
        List<Double> xs = sample(doubles(-2.5, 1e3), 7, 1000);
        assertThat(xs).allSatisfy(x -> assertThat(x).isBetween(-2.5, 1e3));
        assertThat(xs).contains(-2.5, 1e3, 0.0, 1.0, -1.0);
    }

    @Test
    void floatsReachEveryKindOfValue() {
        Set<String> kinds = new HashSet<>();
        for (float f : sample(floats(), 8, 2000))
            kinds.add(Float.isNaN(f) ? "nan" : Float.isInfinite(f) ? "inf" : f == 0 ? "zero"
                    : Math.abs(f) < Float.MIN_NORMAL ? "subnormal" : "normal");
        assertThat(kinds).containsExactlyInAnyOrder("nan", "inf", "zero", "subnormal", "normal");
    }

    @Test
    void listsOneOfAndBooleansCoverTheirChoices() {
        assertThat(sample(lists(booleans(), 0, 3), 9, 200).stream().map(List::size)).contains(0, 1, 2, 3);
        assertThat(sample(oneOf("a", "b", "c"), 9, 200)).contains("a", "b", "c");
        assertThat(sample(booleans(), 9, 50)).contains(true, false);
    }

    @Test
    void simplerChoicesStartAtTheValueNearestZeroAndEndOneStepAway() {
        // 100 in [−5, 1000]: 0, then 100 − 50 = 50, 100 − 25 = 75, 100 − 12 = 88, 94, 97, 99.
        assertThat(new Case.Choice(100, -5, 1000, true).simpler()).containsExactly(0L, 50L, 75L, 88L, 94L, 97L, 99L);
        assertThat(new Case.Choice(-3, -10, -2, true).simpler()).containsExactly(-2L);
        assertThat(new Case.Choice(Long.MIN_VALUE, Long.MIN_VALUE, 0, true).simpler()).first().isEqualTo(0L);
        assertThat(new Case.Choice(0, -5, 5, true).simpler()).isEmpty();
    }

    @Test
    void emptyRangesAreRefused() {
        assertThatThrownBy(() -> ints(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> doubles(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lists(ints(), -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
