package org.bitsweep.sweep.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.sim.spec.Knob;
import org.bitsweep.workloads.UserInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options made from knobs: {@code buffer_kib} becomes {@code --buffer-kib}, with the knob's label, help,
 * valid values and default, so an option and the sweep-file key it mirrors are one declaration. Values are read
 * back as text and parsed by the knob, which names the option in its error.
 */
final class KnobOptions {
    private KnobOptions() {
    }

    /** Adds one option per knob; none has a picocli default, so a value means the user gave it. */
    static void add(CommandSpec spec, List<Knob<?>> knobs) {
        for (Knob<?> k : knobs) {
            if (spec.findOption(k.option()) != null)
                continue;
            spec.addOption(OptionSpec.builder(k.option()).paramLabel(k.label()).type(String.class)
                    .description("%s; valid: %s (default: %s)".formatted(k.help(), k.valid(), k.defaultText()))
                    .build());
        }
    }

    /** The text given for a knob's option, or null. */
    static String given(CommandSpec spec, Knob<?> k) {
        OptionSpec o = spec.findOption(k.option());
        if (o == null)
            throw new IllegalStateException("no option " + k.option());
        return o.getValue();
    }

    /** The knob's value: parsed from its option, or its default when the option was not given. */
    static <T> T value(CommandSpec spec, Knob<T> k) {
        String text = given(spec, k);
        return text == null ? k.defaultValue() : k.parseOption(text);
    }

    /** A knob's name, with the sweep-file section a message may put before it (quantization.kv_cache). */
    private static final Pattern SNAKE = Pattern.compile("\\b((?:target|quantization|workload)\\.)?([a-z]+(?:_[a-z0-9]+)+)\\b");

    /**
     * A message in sweep-file words turned into command-line words: each knob name it quotes
     * ({@code accumulator_bits}, or {@code quantization.kv_cache} with its section) becomes its option
     * ({@code --accumulator-bits}, {@code --kv-cache}).
     */
    static UserInputException inOptionTerms(UserInputException e, List<Knob<?>> knobs) {
        Matcher m = SNAKE.matcher(e.getMessage());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            boolean knob = knobs.stream().anyMatch(k -> k.name().equals(name));
            m.appendReplacement(b, Matcher.quoteReplacement(knob ? "--" + name.replace('_', '-') : m.group()));
        }
        m.appendTail(b);
        return new UserInputException(b.toString(), e);
    }
}
