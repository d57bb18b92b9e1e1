package org.bitsweep.sweep.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Pareto fronts over any number of objectives, all to be minimized (negate one to maximize it). A point is on the
 * front when no other point is at least as good in every objective and strictly better in one; identical points do
 * not dominate each other, so duplicates of a front point are all on it. Points with a NaN objective are never on
 * it.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /**
     * Indices of the non-dominated rows of {@code objectives[point][objective]}. Sorted lexicographically, a point can
     * only be dominated by one before it, and a front point is never dominated later, so each point is checked
     * against the front found so far: O(n log n + n·front·objectives).
     */
    public static List<Integer> nonDominated(double[][] objectives) {
        Integer[] order = IntStream.range(0, objectives.length)
                .filter(i -> Arrays.stream(objectives[i]).noneMatch(Double::isNaN)).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer, double[]>comparing(i -> objectives[i], Arrays::compare)
                .thenComparingInt(i -> i));
        List<Integer> front = new ArrayList<>();
        for (int i : order) {
            boolean dominated = false;
            for (int f : front)
                if (dominates(objectives[f], objectives[i])) {
                    dominated = true;
                    break;
                }
            if (!dominated)
                front.add(i);
        }
        return front;
    }

    /** a dominates b: no worse in every objective and better in one (minimization). */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k])
                return false;
            if (a[k] < b[k])
                better = true;
        }
        return better;
    }

    /** The two-objective case charts use: minimize a cost, maximize a quality; in order of increasing cost. */
    public static List<Integer> minCostMaxQuality(double[] cost, double[] quality) {
        if (cost.length != quality.length)
            throw new IllegalArgumentException("cost and quality differ in length");
        double[][] objectives = new double[cost.length][];
        for (int i = 0; i < cost.length; i++)
            objectives[i] = new double[] {cost[i], -quality[i]};
        List<Integer> front = new ArrayList<>(nonDominated(objectives));
        front.sort(Comparator.<Integer>comparingDouble(i -> cost[i]).thenComparingInt(i -> i));
        return front;
    }
}
