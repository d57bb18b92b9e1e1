package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.bitsweep.sweep.cli.BitSweepCliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep in which some points cannot run finishes: those points are rows with {@code feasible = false} and their
 * reason, every other row is there, the charts and the report are drawn, and the summary counts the failures by
 * reason.
 */
class InfeasiblePointsTest {
    /**
     * Three kinds of point. A BitMoD array asked to be as large as 0.0001 mm² allows (100 µm²) has not even one PE
     * (area budget). A 128×128 int-mac array whose buffers hold 1 KiB cannot keep
     * one fold of 128 × 128 8-bit outputs, 16 KiB (no tile fits). The 8×8 int-mac arrays run.
     */
    static final String SWEEP = """
            name: infeasible
            workload: llama-2-7b:decode
            quantization: {granularity: group:128}
            target: {node: 45nm}
            cases:
              - target: {pe: bitmod, array: 8x8, accumulator_bits: 48, area_budget_mm2: 0.0001}
                quantization: {weights: bitmod4, activations: fp16}
              - target: {pe: int-mac, array: [8x8, 128x128], buffer_kib: [1, 256]}
                quantization: {weights: int4, activations: int8}
            constraints: ["not (rows == 8 and buffer_kib == 1)"]
            outputs: {charts: [png]}
            """;

    @Test
    void pointsThatCannotRunAreRowsWithTheirReasonAndTheReportIsDrawn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("infeasible.yaml");
        Files.writeString(file, SWEEP);
        BitSweepCliTest.Run r = BitSweepCliTest.bitsweep("run", file.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        // Case 0: point 0; case 1: points 1 to 4, 2 arrays × 2 buffers with the buffer varying fastest, less point 1
        // (8x8 with 1 KiB, which the constraint removes).
        List<CSVRecord> rows = GoldenResultsTest.rows(dir.resolve("out/results.csv"));
        assertThat(rows).extracting(row -> row.get("point")).containsExactly("0", "2", "3", "4");
        assertThat(rows.get(0).get("feasible")).isEqualTo("false");
        assertThat(rows.get(0).get("reason")).startsWith("area budget: no 1x1 array fits 0.0001 mm²");
        assertThat(rows.get(0).get("energy_pj")).isEqualTo("NaN");
        assertThat(rows.get(0).get("weight_sqnr_db")).isNotEqualTo("NaN");   // accuracy does not need the hardware
        // 8x8 with 256 KiB runs; 128x128 with 1 KiB buffers: no tile fits; with 256 KiB it runs.
        assertThat(rows.get(1).get("feasible")).isEqualTo("true");
        assertThat(rows.get(1).get("reason")).isEmpty();
        assertThat(rows.get(2).get("array")).isEqualTo("128x128");
        assertThat(rows.get(2).get("reason")).startsWith("no tile fits: layer ").contains("no tile fits the buffers");
        assertThat(rows.get(3).get("feasible")).isEqualTo("true");
        assertThat(r.out()).contains("4 rows written").contains("2 feasible of 4")
                .contains("(not feasible: 1 area budget, 1 no tile fits)");
        for (String f : List.of("pareto.csv", "pareto-energy.png", "pareto-area.png", "breakdown-energy.png",
                "report.html"))
            assertThat(dir.resolve("out").resolve(f)).exists();
        assertThat(Files.readAllLines(dir.resolve("out/pareto.csv"))).hasSizeGreaterThan(1);
    }
}
