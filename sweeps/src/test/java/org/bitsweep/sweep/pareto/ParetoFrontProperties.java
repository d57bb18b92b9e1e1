package org.bitsweep.sweep.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.lists;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The oracle checks every pair: a point is on the front when no other point dominates it. */
class ParetoFrontProperties {

    @Test
    void equalsTheBruteForceFront() {
        forAll(31337, 500, c -> {
            // Small integer ranges force many ties and duplicates, where a front extractor usually goes wrong.
            List<Integer> costs = c.draw("costs", lists(ints(0, 12), 0, 60));
            List<Integer> qualities = c.draw("qualities", lists(ints(0, 12), 0, 60));
            int n = Math.min(costs.size(), qualities.size());
            double[] cost = new double[n];
            double[] quality = new double[n];
            for (int i = 0; i < n; i++) {
                cost[i] = costs.get(i);
                quality[i] = qualities.get(i);
            }
            assertThat(ParetoFront.minCostMaxQuality(cost, quality))
                    .containsExactlyInAnyOrderElementsOf(bruteForce(cost, quality));
        });
    }

    @Test
    void aHandExample() {
        // (cost, quality): A(1,1) B(2,3) C(2,2) D(3,3) E(4,5) F(2,3). C is dominated by B; D by B (same quality,
        // more cost); B and F are identical, so both stay.
        double[] cost = {1, 2, 2, 3, 4, 2};
        double[] quality = {1, 3, 2, 3, 5, 3};
        assertThat(ParetoFront.minCostMaxQuality(cost, quality)).containsExactly(0, 1, 5, 4);
    }

    @Test
    void nanPointsAreNeverOnTheFront() {
        assertThat(ParetoFront.minCostMaxQuality(new double[] {1, Double.NaN}, new double[] {Double.NaN, 9})).isEmpty();
    }

    static List<Integer> bruteForce(double[] cost, double[] quality) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < cost.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < cost.length && !dominated; j++)
                dominated = cost[j] <= cost[i] && quality[j] >= quality[i]
                        && (cost[j] < cost[i] || quality[j] > quality[i]);
            if (!dominated)
                front.add(i);
        }
        return front;
    }
}
