package org.bitsweep.sweep.cli;

import java.util.concurrent.Callable;

import org.bitsweep.workloads.precision.SensitivityTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Each layer's accuracy effect alone: with every other layer at the reference weights, the "
                + "layer's weights at each candidate format, and the top-1 drop on the Fashion-MNIST test images.",
                "HAWQ-V3 ranks layers by a Hessian-based estimate; this measures the drop directly. LLM layers "
                        + "(output error) are not measured here yet.",
                "Example: bitsweep sensitivity --model fmnist-cnn --formats int2,int4,int8 --images 2000 --json"})
final class SensitivityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PrecisionOptions options;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        SensitivityTable t = options.measure();
        spec.commandLine().getOut().print(json ? Json.write(PrecisionOptions.json(t)) + System.lineSeparator()
                : PrecisionOptions.table(t));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
