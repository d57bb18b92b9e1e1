package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PesCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describePricesAnInt8MacAsTheHorowitzAndDallyTablesDo() throws Exception {
        // int8 × int8 into 32 bits at 45 nm. Area: 8x8 multiplier 282 µm² + 32-bit adder 137 µm² (Dally/Azizi) + 48
        // register bits (accumulator 32, operands 8 + 8) × 5.98 µm² = 287.04: 706.04 µm². Energy: 8-bit multiply
        // 0.2 pJ + 32-bit add 0.1 pJ (Horowitz) + 48 bits written × 0.009 pJ = 0.432: 0.732 pJ.
        BitSweepCliTest.Run r = bitsweep("pes", "describe", "int-mac", "--weights", "int8", "--activations", "int8",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("pe").asText()).isEqualTo("int-mac");
        assertThat(j.get("node").asText()).isEqualTo("45nm");
        assertThat(j.get("area_um2").asDouble()).isCloseTo(706.04, within(1e-9));
        assertThat(j.get("energy_per_mac_pj").asDouble()).isCloseTo(0.732, within(1e-12));
        assertThat(j.get("cycles_per_mac").asLong()).isEqualTo(1);
        JsonNode inventory = j.get("inventory");
        assertThat(inventory.get(0).get("part").asText()).isEqualTo("int-multiplier(8x8)");
        assertThat(inventory.get(0).get("area_um2").asDouble()).isEqualTo(282.0);
        assertThat(inventory.get(0).get("basis").asText()).contains("Horowitz, ISSCC 2014");
        double sum = 0;
        for (JsonNode part : inventory)
            sum += part.get("area_um2").asDouble();
        assertThat(sum).isCloseTo(706.04, within(1e-9));
    }

    @Test
    void describeAtAnotherNodeScalesAndTheTableShowsTheInventory() throws Exception {
        BitSweepCliTest.Run at45 = bitsweep("pes", "describe", "bitmod", "--weights", "bitmod4", "--activations",
                "fp16", "--accumulator-bits", "48", "--json");
        BitSweepCliTest.Run at7 = bitsweep("pes", "describe", "bitmod", "--weights", "bitmod4", "--activations",
                "fp16", "--accumulator-bits", "48", "--node", "7nm", "--json");
        assertThat(at7.code()).as(at7.err()).isZero();
        JsonNode a = JSON.readTree(at45.out());
        JsonNode b = JSON.readTree(at7.out());
        assertThat(b.get("node").asText()).isEqualTo("7nm");
        assertThat(b.get("cycles_per_mac").asLong()).isEqualTo(2);        // 4-bit weights, 2 bits per cycle
        assertThat(b.get("area_um2").asDouble()).isLessThan(a.get("area_um2").asDouble() / 4);
        assertThat(b.get("energy_per_mac_pj").asDouble()).isLessThan(a.get("energy_per_mac_pj").asDouble());
        BitSweepCliTest.Run table = bitsweep("pes", "describe", "bitmod", "--weights", "bitmod4", "--activations",
                "fp16", "--accumulator-bits", "48");
        assertThat(table.out()).contains("bitmod running w:bitmod4 a:fp16 at 45nm", "area ", "energy per MAC",
                "cycles per MAC  2", "4 x int-multiplier(11x2)", "activity per MAC");
    }

    @Test
    void aPairThePeCannotRunAndUnknownNamesAreUserErrors() {
        // The accumulator is sized for the pair unless given: 45 bits hold an fp16 × bitmod4 product exactly; 32 do not.
        assertThat(bitsweep("pes", "describe", "bitmod", "--weights", "bitmod4", "--activations", "fp16").code())
                .isZero();
        BitSweepCliTest.Run narrow = bitsweep("pes", "describe", "bitmod", "--weights", "bitmod4", "--activations",
                "fp16", "--accumulator-bits", "32");
        assertThat(narrow.code()).isEqualTo(2);
        assertThat(narrow.err()).startsWith("bitsweep: bitmod cannot run w:bitmod4 a:fp16: a product needs a 45-bit")
                .contains("; it runs weights: int2..int16");
        BitSweepCliTest.Run format = bitsweep("pes", "describe", "int-mac", "--weights", "int99", "--activations",
                "int8");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).startsWith("bitsweep: --weights: unknown format \"int99\"");
        BitSweepCliTest.Run node = bitsweep("pes", "describe", "int-mac", "--weights", "int8", "--activations",
                "int8", "--node", "3nm");
        assertThat(node.code()).isEqualTo(2);
        assertThat(node.err()).startsWith("bitsweep: --node: unknown node \"3nm\"; valid: 45nm");
        BitSweepCliTest.Run pe = bitsweep("pes", "describe", "tpu", "--weights", "int8", "--activations", "int8");
        assertThat(pe.code()).isEqualTo(2);
        assertThat(pe.err()).startsWith("bitsweep: unknown PE \"tpu\"; valid: int-mac");
    }

    @Test
    void theListingSaysWhatEachPeRuns() throws Exception {
        JsonNode list = JSON.readTree(bitsweep("pes", "--json").out());
        assertThat(list).hasSize(9);
        for (JsonNode pe : list)
            assertThat(pe.get("formats").asText()).as(pe.get("id").asText()).isNotBlank();
        assertThat(list.get(0).get("formats").asText()).startsWith("weights and activations int2..int16");
        assertThat(bitsweep("pes").out()).contains("lmul", "runs weights and activations of the same mantissa width");
        assertThat(bitsweep("pes", "describe", "--help").out()).contains("--weights", "--activations", "--node",
                "--accumulator-bits", "--overflow", "--json");
    }
}
