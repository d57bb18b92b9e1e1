package org.bitsweep.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AxisScaleTest {
    @Test void oneDecadeIsLinear() {
        assertThat(AxisScale.forValues(new double[] {1, 10})).isEqualTo(AxisScale.LINEAR);
    }

    @Test void threeDecadesAreLog() {
        assertThat(AxisScale.forValues(new double[] {1, 1000})).isEqualTo(AxisScale.LOG);
    }

    @Test void aZeroForcesLinearBecauseLogHasNoPlaceForIt() {
        assertThat(AxisScale.forValues(new double[] {0, 1000})).isEqualTo(AxisScale.LINEAR);
    }

    @Test void aNegativeForcesLinear() {
        assertThat(AxisScale.forValues(new double[] {-1, 1, 1000})).isEqualTo(AxisScale.LINEAR);
    }

    @Test void exactlyTwoDecadesIsLogAndJustUnderIsLinear() {
        // max/min = 250/2.5 = 100 exactly (both are exact in binary); 249/2.5 = 99.6
        assertThat(AxisScale.forValues(new double[] {2.5, 250})).isEqualTo(AxisScale.LOG);
        assertThat(AxisScale.forValues(new double[] {2.5, 249})).isEqualTo(AxisScale.LINEAR);
    }

    @Test void orderOfValuesDoesNotMatter() {
        assertThat(AxisScale.forValues(new double[] {1000, 5, 1})).isEqualTo(AxisScale.LOG);
    }

    @Test void noValuesIsLinear() {
        assertThat(AxisScale.forValues(new double[0])).isEqualTo(AxisScale.LINEAR);
    }

    @Test void explicitScalesAreKeptWhateverTheData() {
        double[] wide = {1, 1e6};
        assertThat(AxisScale.LINEAR.resolve(wide)).isEqualTo(AxisScale.LINEAR);
        assertThat(AxisScale.LOG.resolve(new double[] {1, 2})).isEqualTo(AxisScale.LOG);
        assertThat(AxisScale.AUTO.resolve(wide)).isEqualTo(AxisScale.LOG);
    }

    /** The decision looks at a ratio, so a change of unit (pJ to nJ) never flips it. */
    @Property(tries = 500, seed = "1729")
    void rescalingByAPowerOfTwoKeepsTheDecision(
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 1e-3, max = 1e6) @Scale(6) Double> values,
            @ForAll @IntRange(min = -30, max = 30) int exponent) {
        double[] original = values.stream().mapToDouble(Double::doubleValue).toArray();
        // A power of two scales every double exactly, so max/min is bit-for-bit the same afterwards.
        double[] rescaled = values.stream().mapToDouble(v -> Math.scalb(v, exponent)).toArray();
        assertThat(AxisScale.forValues(rescaled)).isEqualTo(AxisScale.forValues(original));
    }
}
