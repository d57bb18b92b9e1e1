package org.bitsweep.sweep.model;

import org.bitsweep.sweep.expr.Expression;

/**
 * A condition a point must meet. One over parameters only removes points before they run; one over metrics marks
 * rows {@code feasible = false} and keeps them off the Pareto fronts.
 */
public record Constraint(Expression expression, boolean fromMetrics, int line) {
}
