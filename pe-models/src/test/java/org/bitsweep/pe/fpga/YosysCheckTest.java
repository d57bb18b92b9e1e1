package org.bitsweep.pe.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.fpga.FpgaCatalog;
import org.bitsweep.cost.fpga.FpgaFamily;
import org.bitsweep.cost.fpga.MacUnitCost;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An independent check of the LUT model: the same MAC units written as Verilog and synthesized by Yosys
 * ({@code synth_xilinx}, UltraScale+, no DSPs). Yosys is not Vivado, so absolute counts differ; what must agree is the
 * direction: more bits cost more, and more exponent bits cost more. Skipped when Yosys is not installed.
 */
class YosysCheckTest {
    static final FpgaFamily ULTRASCALE = FpgaCatalog.device("xczu7ev").family();
    static final long N = 64;
    static final String SKIP = "yosys is not on the PATH; install it (Debian: apt-get install yosys) to run the LUT "
            + "model's synthesis check";

    static FpgaMacUnit unit(String format) {
        return FpgaMacUnit.of(OperandFormats.of(Formats.parse(format), Formats.parse(format)), "exact", N, 1);
    }

    static String module(String format) {
        return "mac_" + format.replace('-', '_');
    }

    static Map<String, Yosys.Cells> synthesize(List<String> formats) throws Exception {
        Map<String, String> modules = new LinkedHashMap<>();
        for (String f : formats)
            modules.put(module(f), VerilogMac.of(module(f), unit(f)));
        return Yosys.synthesize(modules);
    }

    @Test
    void yosysAgreesThatMoreBitsAndMoreExponentBitsCostMoreLuts() throws Exception {
        assumeTrue(Yosys.onPath(), SKIP);
        List<String> formats = List.of("int3", "int5", "e2m1fin", "e3m1fin");
        Map<String, Yosys.Cells> cells = synthesize(formats);
        Map<String, Double> ours = new LinkedHashMap<>();
        for (String f : formats)
            ours.put(f, unit(f).cost(ULTRASCALE, MultiplierStyle.LUT).luts());
        for (String f : formats) {
            Yosys.Cells c = cells.get(module(f));
            System.out.printf("%-8s ours %6.1f LUT   yosys %4d LUT %3d CARRY %4d FF   ratio %.2f%n", f, ours.get(f),
                    c.luts(), c.carries(), c.ffs(), ours.get(f) / c.luts());
        }
        // Small units keep the check to a few seconds of Yosys; the full table (below) covers 3 to 8 bits.
        assertThat(cells.get(module("int5")).luts()).as("yosys: int5 over int3")
                .isGreaterThan(cells.get(module("int3")).luts());
        assertThat(ours.get("int5")).as("ours: int5 over int3").isGreaterThan(ours.get("int3"));
        assertThat(cells.get(module("e3m1fin")).luts()).as("yosys: e3m1 over e2m1")
                .isGreaterThan(cells.get(module("e2m1fin")).luts());
        assertThat(ours.get("e3m1fin")).as("ours: e3m1 over e2m1").isGreaterThan(ours.get("e2m1fin"));
        // The register counts are structural and must match exactly: the Verilog has the model's pipeline.
        for (String f : formats)
            assertThat((double) cells.get(module(f)).ffs()).as(f + " flip-flops")
                    .isEqualTo(unit(f).cost(ULTRASCALE, MultiplierStyle.LUT).ffs());
        // Not an oracle, a sanity band: a model off by more than 4× either way has a bug (docs/fpga.md has the ratios).
        for (String f : formats)
            assertThat(ours.get(f) / cells.get(module(f)).luts()).as(f + " ours over yosys").isBetween(0.25, 4.0);
    }

    /** The table of docs/fpga.md: run with -Dbitsweep.yosys.table=true (about a minute). */
    @Test
    @EnabledIfSystemProperty(named = "bitsweep.yosys.table", matches = "true")
    void printTheFullComparison() throws Exception {
        assumeTrue(Yosys.onPath(), SKIP);
        List<String> formats = List.of("int3", "int4", "int5", "int6", "int7", "int8", "e2m0fin", "e1m2fin",
                "e2m1fin", "e3m0fin", "e2m2fin", "e3m1fin", "e2m3fin", "e3m2fin", "e3m3fin", "e4m2fin", "e4m3fin",
                "e5m2fin");
        Map<String, Yosys.Cells> cells = synthesize(formats);
        System.out.println("| format | ours LUT | ours FF | Yosys LUT | Yosys CARRY | Yosys MUXF | Yosys FF | ours / Yosys LUT |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String f : formats) {
            MacUnitCost c = unit(f).cost(ULTRASCALE, MultiplierStyle.LUT);
            Yosys.Cells y = cells.get(module(f));
            System.out.printf("| %s | %.1f | %.0f | %d | %d | %d | %d | %.2f |%n", f, c.luts(), c.ffs(), y.luts(),
                    y.carries(), y.muxes(), y.ffs(), c.luts() / y.luts());
        }
    }
}
