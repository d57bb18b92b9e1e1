package org.bitsweep.sweep.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Two-objective Pareto fronts: minimise a cost (energy, area) and maximise a quality (accuracy). A point is on the
 * front when no other point is at least as good in both and strictly better in one; identical points do not
 * dominate each other, so duplicates of a front point are all on it. Points with a NaN objective are never on it.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /**
     * Indices of the non-dominated points, in order of increasing cost. Sorting by cost (ties: higher quality
     * first) means a point is dominated exactly when an earlier point has higher quality, or equal quality at a
     * lower cost: O(n log n).
     */
    public static List<Integer> minCostMaxQuality(double[] cost, double[] quality) {
        if (cost.length != quality.length)
            throw new IllegalArgumentException("cost and quality differ in length");
        Integer[] order = IntStream.range(0, cost.length)
                .filter(i -> !Double.isNaN(cost[i]) && !Double.isNaN(quality[i])).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> cost[i])
                .thenComparing(Comparator.<Integer>comparingDouble(i -> quality[i]).reversed())
                .thenComparingInt(i -> i));
        List<Integer> front = new ArrayList<>();
        double bestQuality = Double.NEGATIVE_INFINITY;
        double costOfBest = Double.NaN;
        boolean any = false;
        for (int i : order) {
            if (!any || quality[i] > bestQuality) {
                bestQuality = quality[i];
                costOfBest = cost[i];
                any = true;
                front.add(i);
            } else if (quality[i] == bestQuality && cost[i] == costOfBest) {
                front.add(i);
            }
        }
        return front;
    }
}
