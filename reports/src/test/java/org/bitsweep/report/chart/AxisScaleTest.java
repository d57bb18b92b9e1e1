package org.bitsweep.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.doubles;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.lists;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bitsweep.testkit.Gen;
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
    @Test
    void rescalingByAPowerOfTwoKeepsTheDecision() {
        Set<AxisScale> seen = EnumSet.noneOf(AxisScale.class);
        forAll(1729, 500, c -> {
            List<Double> values = c.draw("values", lists(spanningDecades(), 1, 20));
            int exponent = c.draw("exponent", ints(-30, 30));
            double[] original = values.stream().mapToDouble(Double::doubleValue).toArray();
            // A power of two scales every double exactly, so max/min is bit-for-bit the same afterwards.
            double[] rescaled = values.stream().mapToDouble(v -> Math.scalb(v, exponent)).toArray();
            AxisScale decision = AxisScale.forValues(original);
            seen.add(decision);
            assertThat(AxisScale.forValues(rescaled)).isEqualTo(decision);
        });
        assertThat(seen).as("both decisions were reached").containsExactlyInAnyOrder(AxisScale.LINEAR, AxisScale.LOG);
    }

    /** Values from 1e-3 to 1e6, spread evenly over the decades so that both decisions come up often. */
    static Gen<Double> spanningDecades() {
        return doubles(-3, 6).map(decade -> Math.pow(10, decade));
    }
}
