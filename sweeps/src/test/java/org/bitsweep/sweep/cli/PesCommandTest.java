package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import java.util.ArrayList;
import java.util.List;

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
    void theGroupSizeSetsEachMacsShareOfTheDequantization() throws Exception {
        // bitmod4 × fp16 into 48 bits at 45 nm. One dequantization: 11 · (59-bit add 0.184375 + 59-bit write 0.531)
        // + 59-bit shift 0.837874 + fp32 add 0.9 + 32-bit write 0.288 = 9.894999 pJ (BitModPeTest derives each).
        // Groups of 32 carry 9.894999 · (1/32 − 1/128) = 0.231914 pJ per MAC more than groups of 128.
        double g32 = energy("bitmod", "bitmod4", "fp16", "48", "--group-size", "32");
        double g128 = energy("bitmod", "bitmod4", "fp16", "48", "--group-size", "128");
        assertThat(g32 - g128).isCloseTo(0.231914, within(1e-5));
        // Without --group-size bitmod spreads it over 128 MACs, as before traces carried a group size.
        assertThat(energy("bitmod", "bitmod4", "fp16", "48")).isCloseTo(g128, within(1e-12));
        // int4 × int8 into 24 bits on int-mac: one rescale is 2.496765 pJ (IntMacPeTest), 1/32 of it 0.078024 pJ per
        // MAC; without --group-size int-mac is the bare MAC.
        assertThat(energy("int-mac", "int4", "int8", "24", "--group-size", "32")
                - energy("int-mac", "int4", "int8", "24")).isCloseTo(0.078024, within(1e-5));
        BitSweepCliTest.Run table = bitsweep("pes", "describe", "int-mac", "--weights", "int4", "--activations", "int8",
                "--group-size", "32");
        assertThat(table.out()).contains("group size      32 weights per scale: 1/32 of a dequantization per MAC");
        BitSweepCliTest.Run zero = bitsweep("pes", "describe", "int-mac", "--weights", "int4", "--activations", "int8",
                "--group-size", "0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).startsWith("bitsweep: --group-size: 0 is not a group size");
    }

    private static double energy(String pe, String weights, String activations, String accBits, String... more)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("pes", "describe", pe, "--weights", weights, "--activations",
                activations, "--accumulator-bits", accBits, "--json"));
        args.addAll(List.of(more));
        BitSweepCliTest.Run r = bitsweep(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out()).get("energy_per_mac_pj").asDouble();
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
                "--accumulator-bits", "--overflow", "--group-size", "--json");
    }
}
