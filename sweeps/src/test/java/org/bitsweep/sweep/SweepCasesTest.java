package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.sweep.space.SweepLoader;
import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;

/**
 * Heterogeneous comparisons in one file: zips across sections, cases merged over the top level, and constraints on
 * text columns; and validation on the points that exist, not on the cross product of every axis.
 */
class SweepCasesTest {
    static SweepFile load(String yaml) throws Exception {
        return SweepLoader.load("sweep.yaml", new StringReader(yaml));
    }

    static String error(String yaml) {
        Throwable t = catchThrowable(() -> load(yaml));
        assertThat(t).isInstanceOf(UserInputException.class);
        return t.getMessage();
    }

    static List<String> points(SweepFile s) {
        DesignSpace space = new DesignSpace(s);
        List<String> out = new ArrayList<>();
        space.points(0).forEachRemaining(p -> out.add(describe(p)));
        return out;
    }

    static String describe(DesignPoint p) {
        PeArraySpec t = (PeArraySpec) p.target();
        return "%s %s/%s %s acc%s".formatted(t.pe(), p.quantization().weights().name(),
                p.quantization().activations().name(), t.array(), t.text("accumulator_bits"));
    }

    @Test
    void aZipAcrossSectionsPairsEachPeWithItsFormatsAndIsCheckedOnThosePairsOnly() throws Exception {
        // The cross product would pair int-mac with fp16 activations (it cannot run them): 2 × 2 × 2 = 8 points,
        // several invalid. Zipped, there are two pairs, both valid.
        SweepFile s = load("""
                workload: llama-2-7b:decode
                quantization: {weights: [int8, bitmod4], activations: [int8, fp16]}
                target: {pe: [int-mac, bitmod], array: 8x8, accumulator_bits: 48}
                zip: [[target.pe, quantization.weights, quantization.activations]]
                """);
        assertThat(points(s)).containsExactly("int-mac int8/int8 8x8 acc48", "bitmod bitmod4/fp16 8x8 acc48");
    }

    @Test
    void casesMergeOverTheTopLevelKeyByKey() throws Exception {
        SweepFile s = load("""
                workload: llama-2-7b:decode
                quantization: {activations: int8}
                target: {array: [8x8, 16x16], accumulator_bits: 32}
                cases:
                  - target: {pe: int-mac}
                    quantization: {weights: [int4, int8]}
                  - target: {pe: bitmod, accumulator_bits: 48}
                    quantization: {weights: bitmod3, activations: fp16}
                """);
        // Case 0 keeps the top level's arrays and accumulator: 2 weights × 2 arrays; case 1 overrides the
        // accumulator and the activations: 1 × 2.
        assertThat(points(s)).containsExactly("int-mac int4/int8 8x8 acc32", "int-mac int4/int8 16x16 acc32",
                "int-mac int8/int8 8x8 acc32", "int-mac int8/int8 16x16 acc32", "bitmod bitmod3/fp16 8x8 acc48",
                "bitmod bitmod3/fp16 16x16 acc48");
        assertThat(s.cases()).hasSize(2);
    }

    @Test
    void constraintsCompareTextColumns() throws Exception {
        SweepFile s = load("""
                workload: llama-2-7b:decode
                quantization: {weights: [int4, int8], activations: int8}
                target: {pe: [int-mac, bit-serial], array: [8x8, 16x16]}
                constraints: ['pe == "bit-serial" or weights in ["int4"]', 'array != "16x16"']
                """);
        // int-mac keeps int4 only; bit-serial keeps both; 16x16 goes.
        assertThat(points(s)).containsExactly("int-mac int4/int8 8x8 accauto", "bit-serial int4/int8 8x8 accauto",
                "bit-serial int8/int8 8x8 accauto");
    }

    @Test
    void aPairThatNoPointHoldsIsNotAnErrorButOneThatExistsIs() throws Exception {
        // fp16 activations reach int-mac only through a constraint-removed point: fine.
        load("""
                workload: llama-2-7b:decode
                quantization: {weights: [int8, bitmod4], activations: [int8, fp16]}
                target: {pe: [int-mac, bitmod], array: 8x8, accumulator_bits: 48}
                constraints: ['(pe == "int-mac") == (activations == "int8")', '(pe == "bitmod") == (weights == "bitmod4")']
                """);
        // In a case, the error names the case's own line.
        assertThat(error("""
                workload: llama-2-7b:decode
                quantization: {weights: int8, activations: int8}
                target: {array: 8x8}
                cases:
                  - target: {pe: int-mac}
                  - target: {pe: bitmod, accumulator_bits: 48}
                    quantization: {activations: bf16}
                """)).isEqualTo("sweep.yaml:6: cases[1].target.pe: bitmod cannot run w:int8 a:bf16: activations must "
                + "be exact in fixed point; it runs weights: int2..int16, "
                + "bitmod-fp3 and bitmod-fp4 with their -er-pos/-er-neg/-ea-pos/-ea-neg variants, bitmod3, bitmod4, "
                + "ant-flint3, ant-flint4, pot3, pot4 (any signed integer grid whose values are ±D·2^E, E <= 4, D within "
                + "⌈bits/2⌉ two-bit digits); activations: fp16 as in the paper, or int2..int16, uint2..uint16, or a "
                + "minifloat whose values fit a 52-bit fixed point (fp16, fp8-e4m3, fp8-e5m2, fp6, fp4; not bf16); an "
                + "accumulator wide enough for the exact product (45 bits for fp16 × 4-bit weights)");
    }

    @Test
    void mistakesInCasesNameTheCaseAndTheValidKeys() {
        assertThat(error("""
                workload: llama-2-7b:decode
                quantization: {weights: int8, activations: int8}
                target: {array: 8x8}
                cases:
                  - objectives: []
                  - tagret: {pe: ant}
                """)).contains("sweep.yaml:5: cases[0].objectives: unknown key; valid: quantization, target, workload, zip")
                .contains("sweep.yaml:6: cases[1].tagret: unknown key; valid: quantization, target, workload, zip "
                        + "(did you mean target?)");
        assertThat(error("""
                workload: llama-2-7b:decode
                quantization: {weights: int8, activations: int8}
                target: {array: 8x8}
                constraints: ['pe == "bitmod" and rows > cols', 'pes == "64"']
                """)).contains("constraints[1]: \"pes == \"64\"\": pes is compared with text but is not a text column");
    }

    @Test
    void attentionIsCheckedWhereItRunsAndOnlyWhenTheWorkloadHasIt() throws Exception {
        // BitMoD takes fp16 activations but not an fp16 KV cache as its weight operand: on the array (attention:
        // array) attention cannot run; the default (auto) sends it to an fp16 attention unit, which can.
        String bitmod = """
                workload: llama-2-7b:decode
                quantization: {weights: bitmod4, activations: fp16, granularity: group:128}
                target: {pe: bitmod, array: 8x8, accumulator_bits: 48%s}
                """;
        load(bitmod.formatted(""));
        assertThat(error(bitmod.formatted(", attention: array"))).startsWith("sweep.yaml:3: target.attention: "
                + "attention_score and attention_value layers on the PE array: bitmod cannot run w:fp16 a:fp16")
                .endsWith("put attention on a unit (attention: auto, fp16 or int8), leave it out (workload.layers: "
                        + "linear), or store the KV cache in a format the PE runs (quantization.kv_cache)");
        // Linear layers only: nothing to check.
        load(bitmod.formatted(", attention: array").replace("workload: llama-2-7b:decode",
                "workload: {name: llama-2-7b:decode, layers: linear}"));
        // A KV cache in int8 runs on the array.
        load(bitmod.formatted(", attention: array").replace("granularity: group:128", "granularity: group:128, "
                + "kv_cache: int8"));
    }
}
