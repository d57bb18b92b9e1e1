package org.bitsweep.sweep.model;

import java.util.List;
import java.util.Optional;

/**
 * One product of axes in a sweep: the whole file when it has no {@code cases:}, else one case merged over the
 * top level. Its points are every combination of its axes, zipped axes varying together.
 *
 * @param index     the case's position in {@code cases:} (0 without cases)
 * @param pointer   {@code /cases/I}, or empty for a file without cases
 * @param targetKind the case's {@code target.kind}
 * @param axes      in the order the space enumerates them, the last varying fastest
 * @param zip       groups of axis keys that vary together
 */
public record SweepCase(int index, String pointer, String targetKind, List<Axis<?>> axes, List<List<String>> zip) {
    public SweepCase {
        axes = List.copyOf(axes);
        zip = zip.stream().map(List::copyOf).toList();
    }

    public Optional<Axis<?>> axis(String key) {
        return axes.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    public Axis<?> requireAxis(String key) {
        return axis(key).orElseThrow(() -> new IllegalArgumentException("no axis " + key));
    }

    /** The number of points: the product of the axes' sizes, zipped axes counted once. */
    public long size() {
        long n = 1;
        for (Axis<?> a : axes) {
            boolean zippedFollower = zip.stream().anyMatch(g -> g.contains(a.key()) && !g.get(0).equals(a.key()));
            if (!zippedFollower)
                n = Math.multiplyExact(n, a.size());
        }
        return n;
    }
}
