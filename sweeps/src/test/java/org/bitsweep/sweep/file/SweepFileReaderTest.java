package org.bitsweep.sweep.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.bitsweep.pe.Overflow;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.spec.DataflowChoice;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sweep.model.GranularityChoice;
import org.bitsweep.sweep.model.Objective;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.SweepLoader;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.junit.jupiter.api.Test;

class SweepFileReaderTest {
    static final String MINIMAL = """
            workload: llama-2-7b:decode
            quantization:
              weights: [int4, int8]
              activations: int8
            target:
              array: [8x8, 16, 4x32]
            """;

    /** Read and checked whole, as bitsweep run loads a file. */
    static SweepFile read(String yaml) throws Exception {
        return SweepLoader.load("sweep.yaml", new StringReader(yaml));
    }

    static List<Object> values(SweepFile s, String key) {
        return List.copyOf(s.cases().get(0).requireAxis(key).values());
    }

    static String error(String yaml) {
        Throwable t = catchThrowable(() -> read(yaml));
        assertThat(t).isInstanceOf(UserInputException.class);
        return t.getMessage();
    }

    @Test
    void aMinimalFileGetsEveryDefault() throws Exception {
        SweepFile s = read(MINIMAL);
        assertThat(s.name()).isEqualTo("sweep");
        assertThat(s.seed()).isEqualTo(SweepFileReader.DEFAULT_SEED);
        assertThat(values(s, "quantization.weights")).containsExactly(IntFormat.signed(4), IntFormat.signed(8));
        assertThat(values(s, "quantization.activations")).containsExactly(IntFormat.signed(8));
        assertThat(values(s, "target.array")).containsExactly(new SystolicArray(8, 8),
                new SystolicArray(16, 16), new SystolicArray(4, 32));
        assertThat(values(s, "quantization.granularity")).containsExactly(GranularityChoice.AUTO);
        assertThat(values(s, "target.pe")).containsExactly("int-mac");
        // auto: sized for each point's formats when it runs.
        assertThat(values(s, "target.accumulator_bits")).containsExactly(java.util.OptionalInt.empty());
        assertThat(values(s, "target.overflow")).containsExactly(Overflow.WRAP);
        assertThat(values(s, "target.node")).containsExactly("45nm");
        assertThat(s.accuracy()).isEqualTo(SweepFileReader.DEFAULT_ACCURACY);
        assertThat(s.objectives()).extracting(Objective::column).containsExactly("weight_sqnr_db", "energy_pj", "area_um2");
        assertThat(s.colorBy()).isEqualTo("array");
        assertThat(s.imageTypes()).containsExactly("png", "svg");
    }

    @Test
    void theQuickstartExampleReads() {
        SweepFile s = SweepLoader.load(Path.of("..", "examples", "quickstart.yaml"));
        assertThat(s.name()).isEqualTo("quickstart");
        assertThat(values(s, "quantization.weights")).hasSize(7);
    }

    @Test
    void rangesLogRangesAndZips() throws Exception {
        SweepFile s = read("""
                workload: llama-2-7b:decode
                quantization: {weights: [int4, int8], activations: [int8, int16]}
                target:
                  rows: {range: [8, 32], step: 8}
                  cols: {log: [8, 64], factor: 2}
                  clock_mhz: {log: [100, 1000], count: 3}
                zip:
                  - [quantization.weights, quantization.activations]
                """);
        // 8, 16, 24, 32; 8, 16, 32, 64; 100, 316.2..., 1000 (three values evenly spaced in log).
        assertThat(values(s, "target.rows")).containsExactly(8, 16, 24, 32);
        assertThat(values(s, "target.cols")).containsExactly(8, 16, 32, 64);
        assertThat((Double) values(s, "target.clock_mhz").get(1)).isCloseTo(316.2278, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(s.cases().get(0).zip()).containsExactly(java.util.List.of("quantization.weights", "quantization.activations"));
    }

    @Test
    void derivedColumnsConstraintsAndObjectivesAreParsed() throws Exception {
        SweepFile s = read(MINIMAL + """
                derived:
                  area_mm2: area_um2 / 1e6
                  macs_per_cycle: pes
                constraints:
                  - area_mm2 < 2
                  - rows <= cols
                objectives:
                  - {column: weight_sqnr_db, direction: max}
                  - {column: area_mm2, direction: min}
                pareto: {group_by: weights, color_by: activations}
                """);
        assertThat(s.derived()).extracting(org.bitsweep.sweep.model.Derived::name, org.bitsweep.sweep.model.Derived::fromMetrics)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("area_mm2", true),
                        org.assertj.core.groups.Tuple.tuple("macs_per_cycle", false));
        assertThat(s.constraints()).extracting(org.bitsweep.sweep.model.Constraint::fromMetrics).containsExactly(true, false);
        assertThat(s.objectives()).extracting(Objective::column).containsExactly("weight_sqnr_db", "area_mm2");
        assertThat(s.groupBy()).contains("weights");
    }

    @Test
    void anUnknownKeyNamesFileLineAndFieldAndSuggestsTheValidOne() {
        String msg = error(MINIMAL + "  acumulator_bits: 24\n");
        assertThat(msg).isEqualTo("sweep.yaml:7: target.acumulator_bits: unknown key; valid: accumulator_bits, "
                + "activation_buffer_kib, area_budget_mm2, array, attention, attention_lanes, buffer_banks, "
                + "buffer_bytes_per_cycle, buffer_kib, buffer_width_bits, clock_mhz, cols, dataflow, dram, dram_gbps, "
                + "dram_pj_per_bit, kind, node, objective, output_buffer_kib, overflow, partial_sum_bits, pe, rows, "
                + "scalesim_config, sram, timing, weight_buffer_kib (did you mean accumulator_bits?)");
    }

    @Test
    void anUnknownFormatNameListsTheValidFormats() {
        String msg = error(MINIMAL.replace("[int4, int8]", "[int4, fp5]"));
        assertThat(msg).startsWith("sweep.yaml:3: quantization.weights[1]: unknown format \"fp5\"; valid: "
                + "int2..int16, uint2..uint16, eXmY").contains("nf4", "mxfp4", "bitmod4");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        assertThat(error(MINIMAL + "  accumulator_bits: wide\n"))
                .isEqualTo("sweep.yaml:7: target.accumulator_bits: \"wide\"; valid: auto, or an integer 8 to 64");
    }

    @Test
    void anEmptyAxisIsAnError() {
        assertThat(error(MINIMAL.replace("activations: int8", "activations: []")))
                .isEqualTo("sweep.yaml:4: quantization.activations: empty list; give at least one value");
        assertThat(error(MINIMAL + "  clock_mhz: {range: [10, 5], step: 1}\n"))
                .contains("sweep.yaml:7: target.clock_mhz: range from 10.0 to 5.0 is empty");
    }

    @Test
    void anImpossibleArrayIsAnError() {
        assertThat(error(MINIMAL.replace("16, 4x32", "16, 0x32"))).startsWith(
                "sweep.yaml:6: target.array[2]: 0×32 is not a possible array; valid: ROWSxCOLS");
        assertThat(error(MINIMAL.replace("16, 4x32", "16, big"))).contains("target.array[2]: \"big\" is not an array size");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThat(error("workload: llama-2-7b:decode\ntarget:\n  array: 8\n"))
                .isEqualTo("sweep.yaml:1: quantization: missing; it is required (keys: activation_statistics, activations, allocate, granularity, kv_cache, layers, weights)");
        assertThat(error(MINIMAL.replace("workload: llama-2-7b:decode\n", "")))
                .isEqualTo("sweep.yaml:1: workload: missing; it is required (one value, or a list of values to sweep)");
    }

    @Test
    void everyErrorIsReportedAtOnceOnePerLine() {
        String msg = error(MINIMAL.replace("[int4, int8]", "[int4, int99]") + "  overflow: clamp\n  nodes: 7nm\n");
        assertThat(msg.split("\n")).hasSize(3);
        assertThat(msg).contains("sweep.yaml:3: quantization.weights[1]: unknown format \"int99\"")
                .contains("sweep.yaml:7: target.overflow: unknown overflow \"clamp\"; valid: wrap, saturate")
                .contains("sweep.yaml:8: target.nodes: unknown key");
    }

    @Test
    void contradictoryChoicesArePinnedToTheFieldToChange() {
        // int16 × int16 products need 32 bits, more than a 24-bit accumulator holds.
        assertThat(error(MINIMAL.replace("activations: int8", "activations: int16").replace("[int4, int8]", "int16")
                + "  accumulator_bits: 24\n")).isEqualTo("sweep.yaml:7: target.accumulator_bits: 24 with pe int-mac: "
                + "a int16 × int16 product needs 32 bits, more than the 24-bit accumulator");
        assertThat(error(MINIMAL.replace("activations: int8", "activations: int8\n  granularity: group:96")))
                .contains("sweep.yaml:5: quantization.granularity: group size 96 does not divide accuracy.tensor.cols = 4096");
        assertThat(error(MINIMAL.replace("[int4, int8]", "fp4-e2m1")))
                .contains("sweep.yaml:5: target.pe: int-mac needs integer weights and activations");
    }

    @Test
    void contradictoryConstraintsAreFoundBeforeAnyWork() {
        String msg = error(MINIMAL + "constraints:\n  - rows < 8\n  - rows > 16\n");
        assertThat(msg).startsWith("sweep.yaml:7: constraints: no point of the 6 in the design space meets all of: "
                + "rows < 8; rows > 16");
    }

    @Test
    void badExpressionsSayWhatAndWhere() {
        assertThat(error(MINIMAL + "constraints:\n  - area_um2 < < 2\n")).isEqualTo("sweep.yaml:8: constraints[0]: "
                + "\"area_um2 < < 2\": unexpected \"<\"; expected a number, a name or ( (column 12)");
        assertThat(error(MINIMAL + "derived:\n  x: arae_um2 * 2\n")).startsWith("sweep.yaml:8: derived.x: "
                + "\"arae_um2 * 2\": unknown name arae_um2; valid: ").contains("(did you mean area_um2?)");
        assertThat(error(MINIMAL + "objectives:\n  - {column: speed, direction: max}\n  - {column: energy_pj, direction: up}\n"))
                .contains("sweep.yaml:8: objectives[0].column: unknown numeric column \"speed\"")
                .contains("sweep.yaml:9: objectives[1].direction: \"up\"; valid: max, min");
        assertThat(error(MINIMAL + "zip:\n  - [quantization.weights, target.array]\n"))
                .contains("sweep.yaml:8: zip[0][1]: \"target.array\" has 3 values but quantization.weights has 2");
    }

    @Test
    void yamlSyntaxErrorsGiveTheirLine() {
        assertThat(error("workload: llama-2-7b:decode\nquantization: [int4\n")).startsWith("sweep.yaml:")
                .contains("not valid YAML");
        assertThat(error("- just\n- a list\n")).startsWith("sweep.yaml:1: top level: a sweep file is a mapping");
        assertThat(error(MINIMAL + "workload: llama-2-7b:decode\n")).contains("key \"workload\" appears twice");
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThatThrownBy(() -> SweepLoader.load(Path.of("no/such/sweep.yaml")))
                .isInstanceOf(UserInputException.class).hasMessage("no/such/sweep.yaml: no such file");
    }

    @Test
    void theResolvedFileReadsBackToTheSameSweep() throws Exception {
        SweepFile s = read(MINIMAL + "derived:\n  area_mm2: area_um2 / 1e6\nconstraints: [\"area_mm2 < 2\"]\n");
        String resolved = ResolvedSweepWriter.text(s);
        SweepFile again = SweepLoader.load("sweep.yaml", new StringReader(resolved));
        assertThat(ResolvedSweepWriter.text(again)).isEqualTo(resolved);
        assertThat(again.cases().get(0).axes().stream().map(a -> a.values()).toList())
                .isEqualTo(s.cases().get(0).axes().stream().map(a -> a.values()).toList());
    }

    @Test
    void aTop1AccuracyAxisReadsWithItsDefaultsAndTheExampleReads() throws Exception {
        SweepFile s = read("""
                workload: fmnist-cnn
                accuracy: {metric: top1, model: fmnist-cnn}
                quantization: {weights: [int4, int8], activations: uint8, granularity: channel:0}
                target: {array: 8x8}
                """);
        assertThat(s.accuracy().isTop1()).isTrue();
        assertThat(s.accuracy().model()).isEqualTo("fmnist-cnn");
        assertThat(s.accuracy().images()).isEqualTo(10_000);
        assertThat(s.accuracy().throughPe()).isTrue();
        assertThat(s.accuracy().describe()).isEqualTo("fmnist-cnn top-1 on 10000 Fashion-MNIST test images, dot "
                + "products through the point's PE");
        assertThat(s.objectives()).extracting(Objective::column).containsExactly("top1", "energy_pj", "area_um2");
        assertThat(s.objectives().get(0).direction()).isEqualTo("max");
        SweepFile example = SweepLoader.load(Path.of("..", "examples", "fmnist-pes.yaml"));
        assertThat(example.accuracy().images()).isEqualTo(1000);
    }

    @Test
    void top1MistakesAreNamedWithTheirLines() {
        String base = """
                workload: fmnist-mlp
                accuracy:
                  metric: top1
                %s
                quantization: {weights: %s, activations: %s, granularity: channel:0}
                target: {pe: %s, array: 8x8}
                """;
        assertThat(error(base.formatted("", "int8", "int8", "int-mac")))
                .contains("sweep.yaml:3: accuracy.metric: top1 needs accuracy.model: one of fmnist-mlp, fmnist-cnn");
        assertThat(error(base.formatted("  model: fmnist-cnnn", "int8", "int8", "int-mac")))
                .contains("sweep.yaml:4: accuracy.model: unknown model \"fmnist-cnnn\"; valid: fmnist-mlp, fmnist-cnn")
                .contains("did you mean");
        assertThat(error(base.formatted("  model: fmnist-mlp\n  images: 0", "int8", "int8", "int-mac")))
                .contains("sweep.yaml:5: accuracy.images:");
        assertThat(error(base.formatted("  model: fmnist-mlp\n  tensor: {rows: 8}", "int8", "int8", "int-mac")))
                .contains("sweep.yaml:5: accuracy.tensor: applies to the weight_* metrics");
        assertThat(error(base.formatted("  model: fmnist-mlp", "int8", "mxfp8-e4m3", "fp-mac")))
                .contains("quantization.activations: mxfp8-e4m3 shares scales or types within blocks; top1 quantizes "
                        + "activations with one calibrated scale per tensor");
        // A scale per input channel (channel:1) varies along K inside a dot product: no MAC can apply it after.
        assertThat(error("""
                workload: fmnist-mlp
                accuracy: {metric: top1, model: fmnist-mlp}
                quantization: {weights: int8, activations: int8, granularity: channel:1}
                target: {array: 8x8}
                """)).contains("accuracy.through_pe: true, but arithmetic int-mac: weights int8 channel:1: a MAC "
                + "takes symmetric weights");
        assertThat(error("""
                workload: fmnist-mlp
                accuracy: {metric: weight_sqnr_db, model: fmnist-mlp}
                quantization: {weights: int8, activations: int8, granularity: channel:0}
                target: {array: 8x8}
                """)).contains("accuracy.model: applies to metric top1 only");
    }

    @Test
    void dataflowDramBandwidthAndTimingAreAxesWithTheSimulatorsDefaults() throws Exception {
        SweepFile defaults = read(MINIMAL);
        assertThat(values(defaults, "target.dataflow")).containsExactly(DataflowChoice.of(Dataflow.OS));
        // The bandwidth follows the DRAM technology unless set: DDR3 as Horowitz priced it, 64 GB/s.
        assertThat(values(defaults, "target.dram")).containsExactly("ddr3-horowitz");
        assertThat(values(defaults, "target.dram_gbps")).containsExactly(OptionalDouble.empty());
        assertThat(values(defaults, "target.timing")).containsExactly(Timing.BITSWEEP);
        SweepFile s = read(MINIMAL + "  dataflow: [os, ws, is]\n  dram_gbps: {log: [8, 64], factor: 2}\n"
                + "  timing: scalesim\n");
        assertThat(values(s, "target.dataflow")).containsExactly(DataflowChoice.of(Dataflow.OS),
                DataflowChoice.of(Dataflow.WS), DataflowChoice.of(Dataflow.IS));
        assertThat(values(s, "target.dram_gbps")).containsExactly(OptionalDouble.of(8), OptionalDouble.of(16),
                OptionalDouble.of(32), OptionalDouble.of(64));
        assertThat(values(s, "target.timing")).containsExactly(Timing.SCALESIM);
        assertThat(ResolvedSweepWriter.text(s)).contains("dataflow:\n  - os\n  - ws\n  - is", "timing:\n  - scalesim");
        assertThat(error(MINIMAL + "  dataflow: rs\n")).contains("sweep.yaml:7: target.dataflow: unknown dataflow "
                + "\"rs\"; valid: os, ws, is");
        assertThat(error(MINIMAL + "  dram_gbps: 0\n")).contains("sweep.yaml:7: target.dram_gbps:");
        assertThat(error(MINIMAL + "  timing: cycle-accurate\n")).contains("sweep.yaml:7: target.timing: unknown "
                + "timing \"cycle-accurate\"; valid: bitsweep, scalesim");
    }
}
