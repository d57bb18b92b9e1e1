package org.bitsweep.sweep.model;

import org.bitsweep.sweep.expr.Expression;

/**
 * A computed column: from parameters (then usable in constraints that filter points before they run) or from
 * metrics (computed after).
 */
public record Derived(String name, Expression expression, boolean fromMetrics) {
}
