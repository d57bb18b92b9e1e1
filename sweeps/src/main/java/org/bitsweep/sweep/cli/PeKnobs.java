package org.bitsweep.sweep.cli;

import java.util.List;

import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.workloads.UserInputException;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The PE knobs a command line sets, {@code --accumulator-bits} and {@code --overflow}: the sweep file's
 * {@code accumulator_bits} and {@code overflow}, declared once with the PE array's knobs.
 */
final class PeKnobs implements IModelTransformer {
    static final List<Knob<?>> KNOBS = List.of(PeArraySpec.ACCUMULATOR_BITS, PeArraySpec.OVERFLOW);

    @Override
    public CommandSpec transform(CommandSpec spec) {
        KnobOptions.add(spec, KNOBS);
        return spec;
    }

    static PeParams params(CommandSpec spec) {
        return new PeParams(KnobOptions.value(spec, PeArraySpec.ACCUMULATOR_BITS),
                KnobOptions.value(spec, PeArraySpec.OVERFLOW));
    }

    static int accumulatorBits(CommandSpec spec) {
        return KnobOptions.value(spec, PeArraySpec.ACCUMULATOR_BITS);
    }

    /** A PE's refusal in command-line words: the sweep file's {@code accumulator_bits} is {@code --accumulator-bits}. */
    static UserInputException inCommandLineTerms(UserInputException e) {
        return KnobOptions.inOptionTerms(e, KNOBS);
    }
}
