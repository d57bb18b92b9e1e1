package org.bitsweep.sweep.file;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sweep file as understood (schema v1): every key checked, every default filled in. {@code axes} are in the
 * fixed order the design space enumerates them; {@code zip} lists groups of axis keys that vary together.
 *
 * @param groupBy   column whose values get separate Pareto fronts (absent: one front)
 * @param colorBy   column that colours the chart points
 * @param charts    chart file types to write: png, svg
 */
public record SweepFile(String name, String file, long seed, AccuracySpec accuracy, List<Axis> axes,
                        List<List<String>> zip, List<Derived> derived, List<Constraint> constraints,
                        List<Objective> objectives, Optional<String> groupBy, String colorBy, List<String> charts,
                        boolean report) {
    public SweepFile {
        Objects.requireNonNull(accuracy, "accuracy");
        axes = List.copyOf(axes);
        zip = zip.stream().map(List::copyOf).toList();
        derived = List.copyOf(derived);
        constraints = List.copyOf(constraints);
        objectives = List.copyOf(objectives);
        charts = List.copyOf(charts);
    }

    public Axis axis(String key) {
        return axes.stream().filter(a -> a.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no axis " + key));
    }

    public boolean hasAxis(String key) {
        return axes.stream().anyMatch(a -> a.key().equals(key));
    }
}
