package org.bitsweep.sweep.model;

import java.util.Objects;

import org.bitsweep.sim.spec.TargetSpec;

/**
 * One point of a design space: a workload, a quantization and a target, typed, with its index in the space as its id
 * and the case it comes from.
 */
public record DesignPoint(long id, int caseIndex, WorkloadRun workload, Quantization quantization,
                          TargetSpec target) {
    public DesignPoint {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(target, "target");
    }

    /** A numeric parameter (ResultColumns' parameters), NaN for other names. */
    public double number(String name) {
        return switch (name) {
            case "weight_bits" -> quantization.weights().bits();
            case "activation_bits" -> quantization.activations().bits();
            case "group_size" -> quantization.groupSize();
            case "budget_bits" -> quantization.allocate().map(BitBudget::budgetBits).orElse(Double.NaN);
            case "batch" -> workload.batch();
            case "tokens" -> workload.workload().tokens();
            default -> target.number(name);
        };
    }

    /** A text parameter as results write it, null for other names. */
    public String text(String name) {
        return switch (name) {
            case "workload" -> workload.spec();
            case "weights" -> quantization.weights().name();
            case "activations" -> quantization.activations().name();
            case "granularity" -> quantization.granularity().toString();
            case "kv_cache" -> quantization.kvCache().name();
            case "layer_weights" -> quantization.layers().written();
            case "activation_statistics" -> quantization.activationStatistics();
            case "layers" -> workload.layers().id();
            default -> {
                try {
                    yield target.text(name);
                } catch (IllegalArgumentException e) {
                    yield null;
                }
            }
        };
    }
}
