package org.bitsweep.sim.gpu;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bitsweep.workloads.model.GemmShape;

/**
 * One GEMM (or {@code batch} of one shape) on one GPU with one kernel: the launches it takes, the seconds of each
 * resource alone (summed over the launches), its time, what bounds it, cycles at the GPU's boost clock and energy.
 *
 * @param times    each resource's seconds, summed over the launches; the launch term is the launches' fixed cost
 * @param seconds  the launches' times, summed: each the largest of its resources, plus its fixed cost
 * @param bound    the resource that sets the largest share of {@code seconds}
 * @param cycles   {@code seconds} at the boost clock, rounded up
 * @param energyPj board power × seconds: an estimate (a GPU's power below its limit is not modelled)
 * @param separate work the published timings of this kernel leave out, timed as its own launches (ABQ-LLM's
 *                 activation packing), or null; not part of {@code seconds}
 */
public record GemmResult(String kernel, String gpu, GemmShape shape, long batch, List<LaunchResult> launches,
                         ResourceTimes times, double seconds, GpuResource bound, long cycles, double energyPj,
                         double dramBytes, double tensorOps, GemmResult separate) implements GpuTimedResult {
    public GemmResult {
        launches = List.copyOf(launches);
    }

    public Optional<GemmResult> separateWork() {
        return Optional.ofNullable(separate);
    }

    /** Its columns ({@link GpuColumns#NAMES}): time, energy, traffic and each resource's seconds alone. */
    public Map<String, Object> columns() {
        return GpuColumns.of(this);
    }
}
