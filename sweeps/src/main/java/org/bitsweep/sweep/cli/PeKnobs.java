package org.bitsweep.sweep.cli;

import java.util.Locale;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.UserInputException;
import picocli.CommandLine.Option;

/** The PE knobs a command line sets, as a sweep file's {@code accumulator_bits} and {@code overflow} do. */
final class PeKnobs {
    @Option(names = "--accumulator-bits", defaultValue = "32", paramLabel = "N",
            description = "the PE's accumulator width, 8 to 64; for fp-mac and lmul 16 names an fp16 and 32 an fp32 "
                    + "accumulator (default: ${DEFAULT-VALUE})")
    int accumulatorBits;

    @Option(names = "--overflow", defaultValue = "wrap", paramLabel = "O",
            description = "integer accumulator overflow: wrap or saturate (default: ${DEFAULT-VALUE})")
    String overflow;

    PeParams params() {
        if (accumulatorBits < PeParams.MIN_ACC_BITS || accumulatorBits > PeParams.MAX_ACC_BITS)
            throw new UserInputException("--accumulator-bits: %d; valid: %d to %d".formatted(accumulatorBits,
                    PeParams.MIN_ACC_BITS, PeParams.MAX_ACC_BITS));
        Overflow o = switch (overflow.trim().toLowerCase(Locale.ROOT)) {
            case "wrap" -> Overflow.WRAP;
            case "saturate" -> Overflow.SATURATE;
            default -> throw new UserInputException("--overflow: \"%s\"; valid: wrap, saturate".formatted(overflow));
        };
        return new PeParams(accumulatorBits, o);
    }

    /** A PE's refusal in command-line words: the sweep file's {@code accumulator_bits} is {@code --accumulator-bits}. */
    static UserInputException inCommandLineTerms(UserInputException e) {
        return new UserInputException(e.getMessage().replace("accumulator_bits", "--accumulator-bits"), e);
    }
}
