package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.GroupDequantizing;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.pe.PeDescription;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pes", mixinStandardHelpOptions = true, subcommands = PesCommand.Describe.class,
        description = {"List the processing elements a sweep file may name, with the formats each runs.",
                "bitsweep pes describe PE --weights F --activations F prices one of them."})
final class PesCommand extends ListingCommand {
    /** The knobs the listing reads each PE's formats with: a 32-bit wrapping accumulator, the sweep default. */
    private static final PeParams LISTING = new PeParams(32, Overflow.WRAP);

    @Override
    List<Map<String, Object>> rows() {
        return PeCatalog.entries().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("description", e.description());
            m.put("formats", e.factory().apply(LISTING).supportedFormats());
            return m;
        }).toList();
    }

    @Override
    void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        rows.forEach(r -> {
            out.printf("%-13s %s%n", r.get("id"), r.get("description"));
            out.printf("%-13s runs %s%n", "", r.get("formats"));
        });
    }

    @Command(name = "describe", modelTransformer = PeKnobs.class, mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Area, energy per MAC and cycles per MAC of one PE for one pair of formats at one node, "
                    + "with the inventory and the per-MAC activity that produced them and where each price comes from.",
                    "Example: bitsweep pes describe bitmod --weights bitmod4 --activations fp16 --accumulator-bits 48 "
                            + "--node 28nm --group-size 32 --json"})
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PE", description = "a PE id, as listed by: bitsweep pes")
        String pe;

        @Option(names = "--weights", required = true, paramLabel = "F", description = "weight format, e.g. int4, bitmod4, fp8-e4m3")
        String weights;

        @Option(names = "--activations", required = true, paramLabel = "F", description = "activation format, e.g. int8, fp16")
        String activations;

        @Option(names = "--node", defaultValue = "45nm", paramLabel = "N",
                description = "ASIC node, one of the cost model's (default: ${DEFAULT-VALUE})")
        String node;

        @Option(names = "--group-size", paramLabel = "G",
                description = {"weights per scale along k: each MAC carries 1/G of a per-group dequantization "
                        + "(bitmod, shift-add, int-mac), as in a layer with several groups to an output.",
                        "Without it: bitmod and shift-add spread one over " + GroupDequantizing.DEFAULT_GROUP_SIZE
                                + " MACs, int-mac counts none (the bare MAC)."})
        Integer groupSize;

        @Option(names = "--json", description = "print one JSON object")
        boolean json;

        @Override
        public Integer call() {
            OperandFormats f = OperandFormats.of(format("--weights", weights), format("--activations", activations));
            if (!AsicCostModel.nodes().contains(node))
                throw new UserInputException("--node: unknown node \"%s\"; valid: %s".formatted(node,
                        String.join(", ", AsicCostModel.nodes())));
            if (groupSize != null && groupSize < 1)
                throw new UserInputException("--group-size: %d is not a group size; give the weights per scale, at "
                        .formatted(groupSize) + "least 1 (one scale per output channel of a k-long dot product: k)");
            LayerTrace layer = groupSize == null ? null : PeDescription.grouped(f, groupSize);
            PeDescription d;
            try {
                d = PeDescription.of(PeCatalog.create(pe.trim(), PeKnobs.params(spec, pe.trim(), f)), f,
                        AsicCostModel.at(node), layer);
            } catch (UserInputException e) {
                throw PeKnobs.inCommandLineTerms(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json)
                out.println(Json.write(object(d, groupSize)));
            else
                print(out, d, groupSize);
            return 0;
        }

        private static NumberFormat format(String option, String name) {
            try {
                return Formats.parse(name.trim());
            } catch (UserInputException e) {
                throw new UserInputException(option + ": " + e.getMessage(), e);
            }
        }

        private static Map<String, Object> object(PeDescription d, Integer groupSize) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pe", d.pe());
            m.put("formats", d.formats());
            m.put("node", d.node());
            m.put("area_um2", d.areaUm2());
            m.put("energy_per_mac_pj", d.energyPerMacPj());
            m.put("cycles_per_mac", d.cyclesPerMac());
            m.put("mean_cycles_per_mac", d.meanCyclesPerMac());
            m.put("lanes", d.lanes());
            m.put("dequantizer_area_um2", d.dequantizerAreaUm2());
            m.put("group_size", groupSize);
            m.put("operands", d.operands());
            m.put("inventory", d.inventory().stream().map(b -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("part", b.part());
                p.put("count", b.count());
                p.put("area_um2", b.areaUm2());
                p.put("basis", b.basis());
                return p;
            }).toList());
            m.put("activity_per_mac", d.activityPerMac().stream().map(t -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("part", t.part());
                p.put("operations", t.operations());
                p.put("energy_pj", t.energyPj());
                p.put("basis", t.basis());
                return p;
            }).toList());
            return m;
        }

        private static void print(PrintWriter out, PeDescription d, Integer groupSize) {
            out.printf(Locale.ROOT, "%s running %s at %s%n", d.pe(), d.formats(), d.node());
            out.printf(Locale.ROOT, "  area            %.6g um2 (the whole PE, %d lane%s)%n", d.areaUm2(), d.lanes(),
                    d.lanes() == 1 ? "" : "s");
            if (d.dequantizerAreaUm2() > 0)
                out.printf(Locale.ROOT, "  dequantizer     %.6g um2 (one unit, not in the area above)%n",
                        d.dequantizerAreaUm2());
            if (d.dequantizerAreaUm2() > 0 && groupSize != null)
                out.printf(Locale.ROOT, "  group size      %d weights per scale: 1/%d of a dequantization per MAC%n",
                        groupSize, groupSize);
            out.printf(Locale.ROOT, "  energy per MAC  %.6g pJ%n", d.energyPerMacPj());
            out.printf(Locale.ROOT, "  cycles per MAC  %d%s%n", d.cyclesPerMac(), d.meanCyclesPerMac() == d.cyclesPerMac()
                    ? "" : " (mean %.4g)".formatted(d.meanCyclesPerMac()));
            out.printf(Locale.ROOT, "  operands        %s%n", d.operands());
            out.printf(Locale.ROOT, "  inventory (--json adds where each price comes from)%n");
            for (PeDescription.Built b : d.inventory())
                out.printf(Locale.ROOT, "    %7d x %-28s %12.6g um2%n", b.count(), b.part(), b.areaUm2());
            out.printf(Locale.ROOT, "  activity per MAC%n");
            for (PeDescription.Toggled t : d.activityPerMac())
                out.printf(Locale.ROOT, "    %7.4g x %-28s %12.6g pJ%n", t.operations(), t.part(), t.energyPj());
        }
    }
}
