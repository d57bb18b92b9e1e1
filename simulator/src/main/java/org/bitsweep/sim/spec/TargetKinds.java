package org.bitsweep.sim.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bitsweep.sim.spec.Knob.Range;
import org.bitsweep.sim.target.MetricColumn;
import org.bitsweep.workloads.UserInputException;

/**
 * The kinds of target a sweep file or {@code simulate} may name, each with its knobs and how a spec is built from
 * them. A new kind is one more entry here and one spec record beside {@link PeArraySpec}.
 */
public final class TargetKinds {
    /**
     * One kind: its name, its knobs (without {@code kind} itself), its factory, the columns its results fill, and the
     * knob that names which one of the kind a target is ({@code simulate --target gpu:h100-sxm} sets {@code gpu}).
     */
    public record Kind(String id, String description, List<Knob<?>> knobs, Function<KnobValues, TargetSpec> factory,
                       List<MetricColumn> metrics, Knob<?> named) {
        public Kind {
            knobs = List.copyOf(knobs);
            metrics = List.copyOf(metrics);
            if (!knobs.contains(named))
                throw new IllegalArgumentException(id + ": the naming knob must be one of its knobs");
        }

        /** This kind's column of that name, or null. */
        public MetricColumn metric(String name) {
            for (MetricColumn m : metrics)
                if (m.name().equals(name))
                    return m;
            return null;
        }

        /** {@link TargetKinds#KIND} and then this kind's knobs. */
        public List<Knob<?>> allKnobs() {
            List<Knob<?>> all = new ArrayList<>();
            all.add(KIND);
            all.addAll(knobs);
            return all;
        }

        public Knob<?> knob(String name) {
            return allKnobs().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(PeArraySpec.KIND, "a PE model in a systolic array with buffers, DRAM and a clock, priced by the "
                    + "ASIC cost tables", PeArraySpec.KNOBS, PeArraySpec::from, PeArraySpec.METRICS, PeArraySpec.PE),
            new Kind(GpuSpec.KIND, "a GPU running every GEMM with one kernel (or each pair of formats' default), "
                    + "timed by its DRAM, tensor cores, CUDA cores and shared memory", GpuSpec.KNOBS, GpuSpec::from,
                    GpuSpec.METRICS, GpuSpec.GPU),
            new Kind(FpgaSpec.KIND, "an FPGA accelerator: as many MAC units for the point's formats as fit the "
                    + "device, priced in LUTs, flip-flops, DSPs and block RAM", FpgaSpec.KNOBS, FpgaSpec::from,
                    FpgaSpec.METRICS, FpgaSpec.DEVICE));

    public static final Knob<String> KIND = Knob.of("kind", String.class, PeArraySpec.KIND, "KIND",
            "the kind of target", String.join(", ", ids()),
            Parsers.choice("target kind", ids(), k -> k), Range.NONE);

    private TargetKinds() {
    }

    public static List<Kind> all() {
        return KINDS;
    }

    public static List<String> ids() {
        return KINDS.stream().map(Kind::id).toList();
    }

    /** @throws UserInputException for an unknown kind, listing the valid ones */
    public static Kind of(String id) {
        return KINDS.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow(() -> new UserInputException(
                "unknown target kind \"%s\"; valid: %s".formatted(id, String.join(", ", ids()))));
    }
}
