package org.bitsweep.sweep.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume a set of points dominates up to a reference point, all objectives minimized: the measure of the
 * region {x : some point ≤ x ≤ reference}. Computed exactly by slicing (HSO, While et al., IEEE TEC 2006): sort by
 * the last objective, and add each slab's (k−1)-dimensional volume times its thickness.
 */
public final class Hypervolume {
    private Hypervolume() {
    }

    public static double of(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            boolean in = true;
            for (int k = 0; k < reference.length; k++)
                in &= p[k] < reference[k];
            if (in)
                inside.add(p);
        }
        return volume(inside, reference, reference.length);
    }

    private static double volume(List<double[]> points, double[] reference, int dims) {
        if (points.isEmpty())
            return 0;
        if (dims == 1)
            return reference[0] - points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        int last = dims - 1;
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        double total = 0;
        List<double[]> below = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            below.add(Arrays.copyOf(sorted.get(i), last));
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
            double thickness = top - sorted.get(i)[last];
            if (thickness > 0)
                total += thickness * volume(below, reference, last);
        }
        return total;
    }
}
