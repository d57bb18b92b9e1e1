package org.bitsweep.sweep.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.lists;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HypervolumeProperties {

    @Test
    void aStaircaseInTwoDimensions() {
        // (1,3), (2,2), (3,1) against (4,4): strips x∈[1,2)·1 + x∈[2,3)·2 + x∈[3,4)·3 = 1 + 2 + 3 = 6.
        assertThat(Hypervolume.of(List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1}),
                new double[] {4, 4})).isEqualTo(6);
    }

    @Test
    void twoOverlappingBoxesInThreeDimensions() {
        // (0,1,1) and (1,0,1) against (2,2,2): 2·1·1 + 1·2·1 − their overlap [1,2]³ = 2 + 2 − 1 = 3.
        assertThat(Hypervolume.of(List.of(new double[] {0, 1, 1}, new double[] {1, 0, 1}), new double[] {2, 2, 2}))
                .isEqualTo(3);
    }

    /** Inclusion–exclusion over every subset is the definition of the union's volume; fine for a few points. */
    @Test
    void slicingEqualsInclusionExclusion() {
        forAll(1618, 200, c -> {
            List<Integer> xs = c.draw("xs", lists(ints(0, 9), 1, 6));
            List<Integer> ys = c.draw("ys", lists(ints(0, 9), 6, 6));
            List<Integer> zs = c.draw("zs", lists(ints(0, 9), 6, 6));
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++)
                points.add(new double[] {xs.get(i), ys.get(i), zs.get(i)});
            double[] ref = {10, 10, 10};
            double expected = 0;
            for (int mask = 1; mask < 1 << points.size(); mask++) {
                double[] corner = {0, 0, 0};
                for (int i = 0; i < points.size(); i++)
                    if ((mask & (1 << i)) != 0)
                        for (int k = 0; k < 3; k++)
                            corner[k] = Math.max(corner[k], points.get(i)[k]);
                double box = 1;
                for (int k = 0; k < 3; k++)
                    box *= Math.max(0, ref[k] - corner[k]);
                expected += (Integer.bitCount(mask) % 2 == 1 ? 1 : -1) * box;
            }
            assertThat(Hypervolume.of(points, ref)).isCloseTo(expected, within(1e-9));
        });
    }

    /** The N-objective front against the definition: nothing dominates a front point, everything else is dominated. */
    @Test
    void nonDominatedEqualsTheDefinitionInThreeObjectives() {
        forAll(4711, 200, c -> {
            List<Integer> a = c.draw("a", lists(ints(0, 5), 0, 40));
            List<Integer> b = c.draw("b", lists(ints(0, 5), 40, 40));
            List<Integer> d = c.draw("c", lists(ints(0, 5), 40, 40));
            double[][] o = new double[a.size()][];
            for (int i = 0; i < a.size(); i++)
                o[i] = new double[] {a.get(i), b.get(i), d.get(i)};
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < o.length; i++) {
                boolean dominated = false;
                for (double[] other : o)
                    dominated |= ParetoFront.dominates(other, o[i]);
                if (!dominated)
                    expected.add(i);
            }
            assertThat(ParetoFront.nonDominated(o)).containsExactlyInAnyOrderElementsOf(expected);
        });
    }
}
