package org.bitsweep.sweep.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sweep file as understood (schema v1): every key checked, every default filled in, its points grouped in cases
 * (one case when the file has no {@code cases:}).
 *
 * @param groupBy    column whose values get separate Pareto fronts (absent: one front)
 * @param colorBy    column that colours the chart points
 * @param charts     the charts to draw
 * @param imageTypes chart file types to write: png, svg
 * @param jsonl      whether and how results.jsonl is written
 * @param locations  where each part was written, for errors found after reading
 */
public record SweepFile(String name, String file, long seed, AccuracySpec accuracy, List<SweepCase> cases,
                        List<Derived> derived, List<Constraint> constraints, List<Objective> objectives,
                        Optional<String> groupBy, String colorBy, List<ChartSpec> charts, List<String> imageTypes,
                        boolean report, JsonLines jsonl, SourceLocations locations) {
    public SweepFile {
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(jsonl, "jsonl");
        cases = List.copyOf(cases);
        if (cases.isEmpty())
            throw new IllegalArgumentException("a sweep has at least one case");
        derived = List.copyOf(derived);
        constraints = List.copyOf(constraints);
        objectives = List.copyOf(objectives);
        charts = List.copyOf(charts);
        imageTypes = List.copyOf(imageTypes);
    }

    /** The target kinds the cases use, each once, in order of first use. */
    public List<String> targetKinds() {
        return cases.stream().map(SweepCase::targetKind).distinct().toList();
    }

    /** Whether the file has {@code cases:} (else its one case is the whole file). */
    public boolean hasCases() {
        return cases.size() > 1 || !cases.get(0).pointer().isEmpty();
    }

    /** The distinct values of an axis across all cases, in order of first appearance, as results write them. */
    public List<String> axisValues(String key) {
        return cases.stream().flatMap(c -> c.axis(key).stream()).flatMap(a -> a.values().stream()
                .map(v -> String.valueOf(a.knob().plainValue(v)))).distinct().toList();
    }

    public ResultColumns columns() {
        return ResultColumns.of(this);
    }
}
