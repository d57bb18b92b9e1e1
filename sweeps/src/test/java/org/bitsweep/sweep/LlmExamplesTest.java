package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/llm-decode.yaml and examples/llm-prefill.yaml, the study table of docs/simulator.md ("LLM inference:
 * LLaMA-2-7B decode and prefill"), cut to the dot-product-lane rows of a few memories: their compute cycles are
 * counted by hand, layer by layer, as the section does for q_proj.
 */
class LlmExamplesTest {
    /** Rows of a reduced example, keyed by "pe dram". */
    private static Map<String, CSVRecord> byPeAndDram(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("pe") + " " + r.get("dram"), r -> r));
    }

    private static long cycles(CSVRecord r, String column) {
        return Long.parseLong(r.get(column));
    }

    /**
     * Decode at batch 1 on the tall 256x4 array, dp: one token, so one column folds (⌈1/4⌉ = 1) and n folds over
     * the 256 rows. Per block (k = 4096 unless said; gate, up n = 11008, ⌈11008/256⌉ = 43; down k = 11008):
     * <ul>
     *   <li>int-mac, 1 lane, 1 cycle per MAC: q, k, v, o 4096·16 = 65,536 each; gate, up 4096·43 = 176,128 each;
     *       down 11008·16 = 176,128: 790,528. The int8 KV cache runs on the array, 32 heads: QKᵀ (n 2048, k 128)
     *       128·8 = 1,024, PV (n 128, k 2048) 2048·1 = 2,048, so (1,024 + 2,048)·32 = 98,304.
     *       32·(790,528 + 98,304) + LM head 4096·⌈32000/256⌉ = 512,000 → 28,954,624.</li>
     *   <li>bitmod, 4 lanes, 2 cycles per step (bitmod4, 2 weight bits a cycle): q, k, v, o 1024·2·16 = 32,768 each;
     *       gate, up 2048·43 = 88,064 each; down ⌈11008/4⌉·2·16 = 88,064: 395,264. Attention on the fp16 unit of
     *       256 lanes: 2·(2048·128)·32 / 256 = 65,536. 32·(395,264 + 65,536) + LM head 2048·125 = 256,000
     *       → 15,001,600.</li>
     *   <li>shift-add, 1 lane, 1 cycle: int-mac's linear layers, attention on the unit:
     *       32·(790,528 + 65,536) + 512,000 = 27,906,048.</li>
     * </ul>
     * The mapper may reorder tiles but cannot shorten a dp fold, so compute_cycles are these at every memory.
     */
    @Test
    void decodeOnTheTallArrayComputesWhatTheLanesCountAndWaitsOnDdr4(@TempDir Path dir) throws IOException {
        Path sweep = GpuFpgaSweepsTest.reduced("llm-decode.yaml", dir, "batch: \\[1, 16\\]", "batch: 1",
                "array: \\[64x16, 256x4\\]", "array: 256x4", "dataflow: \\[os, ws, is, dp\\]", "dataflow: dp",
                "dram: \\[ddr4, lpddr5, hbm2, hbm3\\]", "dram: [ddr4, hbm2]");
        Map<String, CSVRecord> rows = byPeAndDram(GpuFpgaSweepsTest.run(sweep, dir.resolve("out")));
        assertThat(rows).hasSize(6);
        for (String dram : List.of("ddr4", "hbm2")) {
            assertThat(cycles(rows.get("int-mac " + dram), "compute_cycles")).isEqualTo(28_954_624L);
            assertThat(cycles(rows.get("bitmod " + dram), "compute_cycles")).isEqualTo(15_001_600L);
            assertThat(cycles(rows.get("shift-add " + dram), "compute_cycles")).isEqualTo(27_906_048L);
        }
        // DDR4's 25.6 B per cycle: the 7.2 GB of W8A8 alone take 280 M cycles, ten times the compute.
        rows.values().stream().filter(r -> r.get("dram").equals("ddr4"))
                .forEach(r -> assertThat(r.get("bound")).as(r.get("pe")).isEqualTo("memory"));
        // On HBM2 (256 B per cycle) BitMoD's 4 lanes leave the array waiting on its weights and fp16 KV cache:
        // 6,607,077,376 weights · 4.140625 bits / 8 = 3,419,678,720 B, and 32 blocks · 2 · 2048 · 4096 · 2 B =
        // 1,073,741,824 B of cache, 4,493,420,544 B at the least, 17,552,424 cycles, above its 15,001,600.
        CSVRecord bitmod = rows.get("bitmod hbm2");
        assertThat(bitmod.get("bound")).isEqualTo("memory");
        long dramBytes = cycles(bitmod, "dram_bytes");
        assertThat(dramBytes).isBetween(4_493_420_544L, 4_493_420_544L * 101 / 100);
        assertThat(cycles(bitmod, "cycles")).isGreaterThanOrEqualTo(dramBytes / 256);
        assertThat(rows.get("int-mac hbm2").get("bound")).isEqualTo("compute");
        assertThat(rows.get("shift-add hbm2").get("bound")).isEqualTo("compute");
    }

    /**
     * Prefill of 512 tokens on 32x32, dp, int-mac W8A8 (1 lane, 1 cycle): the tokens fold 512/32 = 16 times over
     * the columns. Per block: q, k, v, o 4096·⌈4096/32⌉·16 = 8,388,608 each; gate, up 4096·344·16 = 22,544,384
     * each; down 11008·128·16 = 22,544,384: 101,187,584. Attention on the array, 32 heads: QKᵀ 512x512x128
     * 128·16·16 = 32,768, PV 512x128x512 512·4·16 = 32,768: 2,097,152. The LM head runs on the last position:
     * 4096·1000·1 = 4,096,000. 32·(101,187,584 + 2,097,152) + 4,096,000 = 3,309,207,552.
     */
    @Test
    void prefillOnTheSquareArrayIsComputeBoundAndCountedByHand(@TempDir Path dir) throws IOException {
        Path sweep = GpuFpgaSweepsTest.reduced("llm-prefill.yaml", dir, "dataflow: \\[os, ws, is, dp\\]",
                "dataflow: dp", "dram: \\[ddr4, lpddr5, hbm2, hbm3\\]", "dram: hbm2");
        Map<String, CSVRecord> rows = byPeAndDram(GpuFpgaSweepsTest.run(sweep, dir.resolve("out")));
        assertThat(rows).hasSize(3).allSatisfy((k, r) -> assertThat(r.get("bound")).as(k).isEqualTo("compute"));
        CSVRecord intMac = rows.get("int-mac hbm2");
        assertThat(cycles(intMac, "compute_cycles")).isEqualTo(3_309_207_552L);
        assertThat(Long.parseLong(intMac.get("tokens"))).isEqualTo(512);
        // Per token: the run's energy over its 512 tokens.
        assertThat(Double.parseDouble(intMac.get("energy_pj_per_token")) * 512)
                .isCloseTo(Double.parseDouble(intMac.get("energy_pj")), withinPercentage(1e-9));
    }
}
