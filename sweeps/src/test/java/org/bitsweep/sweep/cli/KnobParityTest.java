package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.bitsweep.sweep.file.SweepSchema;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of {@code simulate} is a sweep-file key and every key of a sweep file's workload, quantization and
 * target sections is a {@code simulate} option: the same words, snake_case in files and kebab-case as options. The
 * one documented exception is {@code --target KIND:NAME}, shorthand for two of those options.
 */
class KnobParityTest {
    /** Options that say how to print, not what to simulate. */
    static final Set<String> PRESENTATION = Set.of("--help", "--version", "--json");
    /** {@code --target gpu:h100-sxm} is {@code --kind gpu --gpu h100-sxm}: not a key of its own. */
    static final Set<String> SHORTHAND = Set.of("--target");

    @Test
    void simulateOptionsAndSweepFileKeysAreTheSameKnobs() {
        Set<String> options = new TreeSet<>();
        for (OptionSpec o : new CommandLine(new SimulateCommand()).getCommandSpec().options())
            if (!PRESENTATION.contains(o.longestName()) && !SHORTHAND.contains(o.longestName()))
                options.add(o.longestName());
        Set<String> keys = new TreeSet<>();
        for (SweepSchema.Key k : SweepSchema.keys())
            if ((k.key().equals("workload") || k.key().startsWith("workload.") || k.key().startsWith("quantization.")
                    || k.key().startsWith("target.")) && !SweepSchema.SWEEP_ONLY.contains(k.key()))
                keys.add("--" + k.key().substring(k.key().lastIndexOf('.') + 1).replace('_', '-'));
        assertThat(options).isEqualTo(keys);
        assertThat(options).contains("--objective", "--dram-pj-per-bit", "--partial-sum-bits", "--buffer-banks",
                "--buffer-bytes-per-cycle", "--scalesim-config", "--granularity", "--kind", "--gpu", "--kernel",
                "--device", "--lanes", "--resource-limits", "--weight-storage");
        assertThat(new CommandLine(new SimulateCommand()).getCommandSpec().findOption("--target")).isNotNull();
    }

    @Test
    void eachOptionsHelpIsTheKnobsHelpWithItsValidValuesAndDefault() {
        OptionSpec banks = new CommandLine(new SimulateCommand()).getCommandSpec().findOption("--buffer-banks");
        assertThat(String.join(" ", banks.description())).isEqualTo("banks per buffer; an access is priced at one "
                + "bank's size; valid: 1 to 4096 (default: 1)");
    }
}
