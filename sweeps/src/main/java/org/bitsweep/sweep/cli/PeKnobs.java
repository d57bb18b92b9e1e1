package org.bitsweep.sweep.cli;

import java.util.List;
import java.util.OptionalInt;

import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.spec.Knob;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.trace.OperandFormats;
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

    /** The PE's parameters for these formats: {@code --accumulator-bits auto} (the default) sized for them. */
    static PeParams params(CommandSpec spec, String pe, OperandFormats... formats) {
        return new PeParams(accumulatorBits(spec, pe, formats), KnobOptions.value(spec, PeArraySpec.OVERFLOW));
    }

    static int accumulatorBits(CommandSpec spec, String pe, OperandFormats... formats) {
        OptionalInt given = KnobOptions.value(spec, PeArraySpec.ACCUMULATOR_BITS);
        return PeArraySpec.accumulatorBitsFor(pe, given, List.of(formats));
    }

    /** A PE's refusal in command-line words: the sweep file's {@code accumulator_bits} is {@code --accumulator-bits}. */
    static UserInputException inCommandLineTerms(UserInputException e) {
        return KnobOptions.inOptionTerms(e, KNOBS);
    }
}
