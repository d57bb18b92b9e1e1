package org.bitsweep.sweep.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;

import org.bitsweep.pe.Overflow;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.junit.jupiter.api.Test;

class SweepFileReaderTest {
    static final String MINIMAL = """
            workload: llama-2-7b:decode
            quantization:
              weights: [int4, int8]
              activations: int8
            hardware:
              array: [8x8, 16, 4x32]
            """;

    static SweepFile read(String yaml) throws Exception {
        return SweepFileReader.read("sweep.yaml", new StringReader(yaml));
    }

    static String error(String yaml) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> read(yaml));
        assertThat(t).isInstanceOf(UserInputException.class);
        return t.getMessage();
    }

    @Test
    void aMinimalFileGetsEveryDefault() throws Exception {
        SweepFile s = read(MINIMAL);
        assertThat(s.name()).isEqualTo("sweep");
        assertThat(s.seed()).isEqualTo(SweepFileReader.DEFAULT_SEED);
        assertThat(s.weights()).containsExactly(IntFormat.signed(4), IntFormat.signed(8));
        assertThat(s.activations()).containsExactly(IntFormat.signed(8));
        assertThat(s.array()).containsExactly(new OutputStationaryArray(8, 8), new OutputStationaryArray(16, 16),
                new OutputStationaryArray(4, 32));
        assertThat(s.granularity()).containsExactly(Granularity.group(128));
        assertThat(s.pe()).containsExactly("int-mac");
        assertThat(s.accumulatorBits()).containsExactly(32);
        assertThat(s.overflow()).containsExactly(Overflow.WRAP);
        assertThat(s.node()).containsExactly("45nm");
        assertThat(s.accuracy()).isEqualTo(SweepFileReader.DEFAULT_ACCURACY);
        assertThat(s.workload().layers()).hasSize(224);
    }

    @Test
    void theQuickstartExampleReads() {
        SweepFile s = SweepFileReader.read(Path.of("..", "examples", "quickstart.yaml"));
        assertThat(s.name()).isEqualTo("quickstart");
        assertThat(s.weights()).hasSize(7);
    }

    @Test
    void anUnknownKeyNamesFileLineAndFieldAndSuggestsTheValidOne() {
        String msg = error(MINIMAL + "  acumulator_bits: 24\n");
        assertThat(msg).isEqualTo("sweep.yaml:7: hardware.acumulator_bits: unknown key; valid: accumulator_bits, "
                + "array, buffer_kib, clock_mhz, node, overflow, pe (did you mean accumulator_bits?)");
    }

    @Test
    void anUnknownFormatNameListsTheValidFormats() {
        String msg = error(MINIMAL.replace("[int4, int8]", "[int4, fp5]"));
        assertThat(msg).startsWith("sweep.yaml:3: quantization.weights[1]: unknown format \"fp5\"; valid: "
                + "int2..int16, uint2..uint16, eXmY").contains("nf4", "mxfp4", "bitmod4");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        String msg = error(MINIMAL + "  accumulator_bits: wide\n");
        assertThat(msg).isEqualTo("sweep.yaml:7: hardware.accumulator_bits: expected an integer, got the string \"wide\"");
    }

    @Test
    void anEmptyAxisIsAnError() {
        assertThat(error(MINIMAL.replace("activations: int8", "activations: []")))
                .isEqualTo("sweep.yaml:4: quantization.activations: empty list; give at least one value");
    }

    @Test
    void anImpossibleArrayIsAnError() {
        assertThat(error(MINIMAL.replace("16, 4x32", "16, 0x32"))).startsWith(
                "sweep.yaml:6: hardware.array[2]: 0×32 is not a possible array; valid: ROWSxCOLS");
        assertThat(error(MINIMAL.replace("16, 4x32", "16, big"))).contains("hardware.array[2]: \"big\" is not an array size");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThat(error("workload: llama-2-7b:decode\nhardware:\n  array: 8\n"))
                .isEqualTo("sweep.yaml:1: quantization: missing; it is required (keys: activations, granularity, weights)");
        assertThat(error(MINIMAL.replace("workload: llama-2-7b:decode\n", "")))
                .isEqualTo("sweep.yaml:1: workload: missing; it is required");
    }

    @Test
    void everyErrorIsReportedAtOnceOnePerLine() {
        String msg = error(MINIMAL.replace("[int4, int8]", "[int4, int99]") + "  overflow: clamp\n  nodes: 7nm\n");
        assertThat(msg.split("\n")).hasSize(3);
        assertThat(msg).contains("sweep.yaml:3: quantization.weights[1]: unknown format \"int99\"")
                .contains("sweep.yaml:7: hardware.overflow: unknown overflow \"clamp\"; valid: wrap, saturate")
                .contains("sweep.yaml:8: hardware.nodes: unknown key");
    }

    @Test
    void contradictoryChoicesArePinnedToTheFieldToChange() {
        // int16 × int16 products need 32 bits, more than a 24-bit accumulator holds.
        String msg = error(MINIMAL.replace("activations: int8", "activations: int16").replace("[int4, int8]", "int16")
                + "  accumulator_bits: 24\n");
        assertThat(msg).isEqualTo("sweep.yaml:7: hardware.accumulator_bits: 24 with pe int-mac: a int16 × int16 "
                + "product needs 32 bits, more than the 24-bit accumulator");
        assertThat(error(MINIMAL + "quantization_extra: 1\n")).contains("sweep.yaml:7: quantization_extra: unknown key");
        assertThat(error(MINIMAL.replace("activations: int8", "activations: int8\n  granularity: group:96")))
                .contains("sweep.yaml:5: quantization.granularity: group size 96 does not divide accuracy.tensor.cols = 4096");
    }

    @Test
    void unknownWorkloadsAndMetricsListTheValidOnes() {
        assertThat(error(MINIMAL.replace("llama-2-7b:decode", "llama-2-7b:train")))
                .startsWith("sweep.yaml:1: workload: unknown workload \"llama-2-7b:train\"; valid: MODEL:decode");
        assertThat(error(MINIMAL + "accuracy:\n  metric: top1\n"))
                .isEqualTo("sweep.yaml:8: accuracy.metric: unknown metric \"top1\"; valid: weight_sqnr_db");
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
        assertThatThrownBy(() -> SweepFileReader.read(Path.of("no/such/sweep.yaml")))
                .isInstanceOf(UserInputException.class).hasMessage("no/such/sweep.yaml: no such file");
    }

    @Test
    void theResolvedFileReadsBackToTheSameSweep() throws Exception {
        SweepFile s = read(MINIMAL);
        String resolved = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).writeValueAsString(ResolvedSweepWriter.tree(s));
        SweepFile again = SweepFileReader.read("sweep.yaml", new StringReader(resolved));
        assertThat(again).usingRecursiveComparison().isEqualTo(s);
    }
}
