package org.bitsweep.sweep.model;

import java.util.Objects;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.model.Workload;

/**
 * What a point runs: a workload as written, over a batch of sequences (or images), with all its layers or the linear
 * ones only, and the layers that makes.
 *
 * @param workload the layers that run: the chosen workload batched and filtered
 */
public record WorkloadRun(WorkloadChoice choice, int batch, LayerSelection layers, Workload workload) {
    public WorkloadRun {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(workload, "workload");
        Checks.positive("batch", batch);
    }

    public static WorkloadRun of(WorkloadChoice choice, int batch, LayerSelection layers) {
        Workload w = choice.workload().batched(batch);
        if (layers != LayerSelection.ALL)
            w = w.only(layers.classes());
        return new WorkloadRun(choice, batch, layers, w);
    }

    /** The workload as written. */
    public String spec() {
        return choice.spec();
    }

    @Override
    public String toString() {
        return spec();
    }
}
