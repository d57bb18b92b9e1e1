package org.bitsweep.sweep.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The oracle checks every pair: a point is on the front when no other point dominates it. */
class ParetoFrontProperties {

    @Property(tries = 500, seed = "31337")
    void equalsTheBruteForceFront(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 12) Integer> costs,
                                  @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 12) Integer> qualities) {
        // Small integer ranges force many ties and duplicates, where a front extractor usually goes wrong.
        int n = Math.min(costs.size(), qualities.size());
        double[] cost = new double[n];
        double[] quality = new double[n];
        for (int i = 0; i < n; i++) {
            cost[i] = costs.get(i);
            quality[i] = qualities.get(i);
        }
        assertThat(ParetoFront.minCostMaxQuality(cost, quality)).containsExactlyInAnyOrderElementsOf(bruteForce(cost, quality));
    }

    @Example
    void aHandExample() {
        // (cost, quality): A(1,1) B(2,3) C(2,2) D(3,3) E(4,5) F(2,3). C is dominated by B; D by B (same quality,
        // more cost); B and F are identical, so both stay.
        double[] cost = {1, 2, 2, 3, 4, 2};
        double[] quality = {1, 3, 2, 3, 5, 3};
        assertThat(ParetoFront.minCostMaxQuality(cost, quality)).containsExactly(0, 1, 5, 4);
    }

    @Example
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
