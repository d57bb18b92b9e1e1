package org.bitsweep.sweep.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.precision.Allocation;
import org.bitsweep.workloads.precision.Budget;
import org.bitsweep.workloads.precision.PrecisionAllocator;
import org.bitsweep.workloads.precision.SensitivityTable;
import org.bitsweep.workloads.quant.QuantConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "allocate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Per-layer weight formats under a storage budget, HAWQ-V3 style: measures each layer's "
                + "sensitivity (as bitsweep sensitivity does), picks one format per layer by integer linear "
                + "programming to minimise the summed top-1 drop with Σ weights·bits <= budget·weights (scales "
                + "included), then runs the chosen mix on the same images.",
                "Example: bitsweep allocate --model fmnist-cnn --formats int2,int4,int8 --budget-bits-per-weight 4.5"})
final class AllocateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PrecisionOptions options;

    @Option(names = "--budget-bits-per-weight", required = true, paramLabel = "B",
            description = "average weight storage per weight over the network, scales included, e.g. 4.5")
    double budget;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        Budget.BitsPerWeight bits = new Budget.BitsPerWeight(budget);
        Map<String, QuantConfig> candidates = options.candidates();
        SensitivityTable t = options.measure();
        Allocation a = PrecisionAllocator.allocate(t, bits);
        Map<String, Optional<QuantConfig>> layers = new LinkedHashMap<>();
        a.formats().forEach((layer, f) -> layers.put(layer, Optional.of(candidates.get(f))));
        InferenceConfig chosen = options.referenceConfig().withLayerWeights(layers);
        ReferenceInference r = ReferenceInference.prepare(options.network(), chosen, FashionMnist.calibration());
        double top1 = r.evaluate(options.testImages()).top1();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("budget_bits_per_weight", budget);
        out.put("formats", a.formats());
        out.put("bits_per_weight", a.bitsPerWeight());
        out.put("predicted_drop", a.predictedDrop());
        out.put("top1", top1);
        out.put("measured_drop", t.referenceTop1() - top1);
        out.put("solver", a.solver());
        out.put("sensitivity", PrecisionOptions.json(t));
        if (json) {
            spec.commandLine().getOut().println(Json.write(out));
            return 0;
        }
        StringBuilder s = new StringBuilder(PrecisionOptions.table(t));
        s.append("budget %.3f bits per weight → %s%n".formatted(budget, a.formats()));
        s.append("  %.3f bits per weight; predicted drop %.2f points (sum of the layers' own), measured %.2f: top-1 "
                .formatted(a.bitsPerWeight(), 100 * a.predictedDrop(), 100 * (t.referenceTop1() - top1)))
                .append("%.2f %%%n".formatted(100 * top1));
        s.append("  solver: %s%n".formatted(a.solver()));
        spec.commandLine().getOut().print(s);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
