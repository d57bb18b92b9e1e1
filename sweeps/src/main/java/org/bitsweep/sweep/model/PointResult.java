package org.bitsweep.sweep.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bitsweep.sim.target.TargetResult;
import org.bitsweep.workloads.precision.Allocation;

/**
 * What evaluating one design point gave: its accuracy, the target's result (absent when the point could not run), a
 * refusal when some part of it could not be done (then it is not feasible), the derived columns, and whether it is
 * feasible (it ran and met the metric constraints; {@code reason} says what failed).
 *
 * @param weightBitsPerElement storage per weight of the trace's first weight layer, scales and selectors included
 * @param bitsPerWeight        storage per weight over all the trace's weight layers, scales and selectors included
 * @param allocation           the per-layer formats {@code quantization.allocate} chose, if it did
 */
public record PointResult(DesignPoint point, double accuracy, String accuracySource, double weightBitsPerElement,
                          double bitsPerWeight, Optional<Allocation> allocation, Optional<TargetResult> result,
                          Optional<Refusal> refusal, Map<String, Double> derived, boolean feasible, String reason) {
    public PointResult {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(refusal, "refusal");
        derived = Map.copyOf(derived);
        if (result.isEmpty() && refusal.isEmpty())
            throw new IllegalArgumentException("a point that did not run needs a refusal saying why");
        if (refusal.isPresent() && feasible)
            throw new IllegalArgumentException("a refused point is not feasible");
    }
}
