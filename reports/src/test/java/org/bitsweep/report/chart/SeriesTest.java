package org.bitsweep.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesTest {
    @Test void rejectsUnequalLengths() {
        assertThatThrownBy(() -> new Series("int-mac", new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("int-mac").hasMessageContaining("3 x values but 2 y values");
    }

    @Test void rejectsNanInX() {
        assertThatThrownBy(() -> new Series("int-mac", new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[1] is NaN");
    }

    @Test void rejectsNanInY() {
        assertThatThrownBy(() -> new Series("int-mac", new double[] {1, 2}, new double[] {Double.NaN, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[0] is NaN");
    }

    @Test void rejectsInfinityBecauseNoAxisCanPlaceIt() {
        assertThatThrownBy(() -> new Series("s", new double[] {Double.POSITIVE_INFINITY}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    }

    @Test void rejectsABlankName() {
        assertThatThrownBy(() -> new Series("  ", new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test void acceptsAnEmptySeries() {
        assertThat(new Series("nothing yet", new double[0], new double[0]).size()).isZero();
    }

    @Test void changingTheCallersArrayLaterDoesNotChangeTheSeries() {
        double[] x = {1, 2}, y = {3, 4};
        Series s = new Series("s", x, y);
        x[0] = 99;
        y[0] = 99;
        assertThat(s.x()).containsExactly(1, 2);
        assertThat(s.y()).containsExactly(3, 4);
    }

    @Test void changingAnArrayItHandedOutDoesNotChangeTheSeries() {
        Series s = new Series("s", new double[] {1, 2}, new double[] {3, 4});
        s.x()[0] = 99;
        s.y()[0] = 99;
        assertThat(s.x()).containsExactly(1, 2);
        assertThat(s.y()).containsExactly(3, 4);
    }

    @Test void sortedByXKeepsEachPointsPairAndBreaksTiesByY() {
        Series s = new Series("front", new double[] {3, 1, 2, 1}, new double[] {30, 12, 20, 10});
        Series sorted = s.sortedByX();
        assertThat(sorted.x()).containsExactly(1, 1, 2, 3);
        assertThat(sorted.y()).containsExactly(10, 12, 20, 30);
        assertThat(sorted.name()).isEqualTo("front");
    }

    @Test void equalWhenNameAndValuesAreEqual() {
        Series a = new Series("s", new double[] {1}, new double[] {2});
        Series b = new Series("s", new double[] {1}, new double[] {2});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Series("s", new double[] {1}, new double[] {3}));
    }
}
