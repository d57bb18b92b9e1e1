package org.bitsweep.pe;

import org.bitsweep.pe.catalog.PeCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/**
 * Writes the cost table of docs/pe-models.md to {@code target/pe-costs-28nm.md} (and 45 nm), so that the doc can be
 * regenerated with {@code ./mvnw -pl pe-models -am test -Dtest=CostTableTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CostTableTest {
    static final String[][] ROWS = {
            {"int-mac", "32", "int8", "int8"}, {"int-mac", "24", "int4", "int8"}, {"int-mac", "16", "int4", "int4"},
            {"bit-serial", "32", "int8", "int8"}, {"bit-serial", "24", "int4", "int8"}, {"bit-serial", "16", "int8", "int4"},
            {"bit-pragmatic", "24", "int4", "int8"},
            {"bitmod", "52", "bitmod4", "fp16"}, {"bitmod", "52", "bitmod3", "fp16"}, {"bitmod", "52", "int4", "fp16"},
            {"bitmod", "24", "bitmod4", "int8"},
            {"shift-add", "24", "int4", "int8"}, {"shift-add", "24", "uint4", "int8"}, {"shift-add", "24", "pot4", "int8"},
            {"shift-add", "24", "ternary", "int8"}, {"shift-add", "52", "int4", "fp16"}, {"shift-add", "52", "ternary", "fp16"},
            {"ant", "24", "ant-flint4", "int8"}, {"ant", "24", "ant4", "int8"}, {"ant", "57", "ant-flint4", "fp16"},
            {"olive", "32", "olive4", "int8"}, {"olive", "24", "olive4", "olive4"}, {"olive", "62", "olive4", "fp16"},
            {"fp-mac", "16", "fp16", "fp16"}, {"fp-mac", "32", "fp16", "fp16"}, {"fp-mac", "32", "bf16", "bf16"},
            {"fp-mac", "16", "fp8-e4m3", "fp8-e4m3"}, {"fp-mac", "32", "fp8-e4m3", "fp8-e4m3"},
            {"fp-mac", "32", "fp8-e5m2", "fp8-e5m2"},
            {"lmul", "16", "fp8-e4m3", "fp8-e4m3"}, {"lmul", "32", "fp8-e4m3", "fp8-e4m3"}, {"lmul", "32", "bf16", "bf16"}};

    static String table(String node) {
        AsicCostModel cost = AsicCostModel.at(node);
        StringBuilder s = new StringBuilder("| pe | acc bits | weights | activations | cycles/MAC | lanes | PE area µm² "
                + "| dequantizer µm² | energy/MAC pJ | of which datapath pJ |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (String[] r : ROWS) {
            PeModel pe = PeCatalog.create(r[0], new PeParams(Integer.parseInt(r[1]), Overflow.WRAP));
            OperandFormats f = OperandFormats.of(Formats.parse(r[2]), Formats.parse(r[3]));
            PeDescription d = PeDescription.of(pe, f, cost);
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %.1f | %s | %.3f | %.3f |%n", r[0], r[1],
                    r[2], r[3], d.cyclesPerMac(), d.lanes(), d.areaUm2(),
                    d.dequantizerAreaUm2() == 0 ? "—" : String.format(Locale.ROOT, "%.1f", d.dequantizerAreaUm2()),
                    d.energyPerMacPj(), PeDescription.datapathEnergyPj(pe.activityPerMac(f, null), cost)));
        }
        return s.toString();
    }

    @Test
    void writesTheTablesOfTheDoc() throws IOException {
        for (String node : new String[] {"28nm", "45nm"}) {
            String t = table(node);
            assertThat(t.lines()).hasSize(ROWS.length + 2);
            Path out = Path.of("target", "pe-costs-" + node + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, t);
        }
    }
}
