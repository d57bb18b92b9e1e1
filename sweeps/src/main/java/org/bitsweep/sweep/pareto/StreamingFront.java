package org.bitsweep.sweep.pareto;

import java.util.ArrayList;
import java.util.List;

/**
 * The Pareto front of a stream of points too long to hold, all objectives minimized: points arrive one at a time with
 * an item each, and only the front so far plus one chunk of newcomers is kept. Whenever the chunk fills, the front
 * of (front ∪ chunk) replaces the front, which is exact since a point dominated within a subset is dominated in the
 * whole, and the front of a union is the front of the fronts of its parts. The result equals
 * {@link ParetoFront#nonDominated} over all points: the same members, in the same order (objectives
 * lexicographically, then arrival), duplicates of a front point all kept and points with a NaN objective never.
 *
 * @param <T> what travels with each point (a row of results)
 */
public final class StreamingFront<T> {
    private final int chunk;
    private List<double[]> objectives = new ArrayList<>();
    private List<T> items = new ArrayList<>();
    private int frontSize;

    /** @param chunk newcomers held before they are merged; memory is (front + chunk) points */
    public StreamingFront(int chunk) {
        if (chunk < 1)
            throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
        this.chunk = chunk;
    }

    public void add(double[] point, T item) {
        for (double v : point)
            if (Double.isNaN(v))
                return;
        objectives.add(point);
        items.add(item);
        if (objectives.size() - frontSize >= chunk)
            merge();
    }

    /** The front of every point added, as (objectives, item) pairs in front order. */
    public List<T> items() {
        merge();
        return List.copyOf(items);
    }

    /** The objectives of {@link #items}, in the same order. */
    public List<double[]> objectives() {
        merge();
        return List.copyOf(objectives);
    }

    public int size() {
        merge();
        return frontSize;
    }

    private void merge() {
        if (objectives.size() == frontSize)
            return;
        List<Integer> keep = ParetoFront.nonDominated(objectives.toArray(double[][]::new));
        List<double[]> o = new ArrayList<>(keep.size() + chunk);
        List<T> t = new ArrayList<>(keep.size() + chunk);
        for (int i : keep) {
            o.add(objectives.get(i));
            t.add(items.get(i));
        }
        objectives = o;
        items = t;
        frontSize = keep.size();
    }
}
