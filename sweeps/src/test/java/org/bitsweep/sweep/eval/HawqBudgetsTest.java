package org.bitsweep.sweep.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bitsweep.sweep.eval.OutputAccuracyTest.number;
import static org.bitsweep.sweep.eval.OutputAccuracyTest.rows;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.bitsweep.sweep.space.SweepLoader;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.precision.LayerSensitivity;
import org.bitsweep.workloads.precision.SensitivityTable;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;

/**
 * quantization.allocate: HAWQ-V3's bit budgets as a sweep axis. The allocator itself is certified against exhaustive
 * search in workloads' PrecisionAllocatorTest (random tables, and the measured MLP); here the sweep's own choice is
 * checked against brute force on the MLP, and the example's front on the CNN.
 */
class HawqBudgetsTest {
    /** The CNN's weight layers: weights and output rows (one FP16 scale each at channel:0). */
    static final Map<String, long[]> CNN = Map.of("conv1", new long[] {8 * 25, 8}, "conv2", new long[] {16 * 200, 16},
            "fc1", new long[] {128 * 784, 128}, "fc2", new long[] {10 * 128, 10});

    static Map<String, String> assignment(Object text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : text.toString().split(";"))
            m.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        return m;
    }

    @Test
    void theExampleGivesAnAccuracyVersusBitsFrontWithEachLayersFormat() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode sweep = (ObjectNode) yaml.readTree(Path.of("..", "examples", "hawq-budgets.yaml").toFile());
        ((ObjectNode) sweep.get("accuracy")).put("images", 150);
        List<Map<String, Object>> rows = rows(SweepLoader.load("hawq-budgets.yaml",
                new StringReader(yaml.writeValueAsString(sweep))));
        assertThat(rows).hasSize(13);                       // 2.25, 2.75, …, 8.25
        double lastDrop = Double.POSITIVE_INFINITY;
        Set<String> distinct = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            assertThat((Boolean) r.get("feasible")).as(r.get("reason").toString()).isTrue();
            Map<String, String> a = assignment(r.get("allocation"));
            assertThat(a.keySet()).containsExactly("conv1", "conv2", "fc1", "fc2");
            // Σ weights·bits of each layer's format, plus a 16-bit scale per output row (8 + 16 + 128 + 10 = 162 rows,
            // 2,592 bits), over the 105,032 weights: what the trace stores, and at most the budget.
            double bits = 2_592;
            for (Map.Entry<String, String> e : a.entrySet())
                bits += CNN.get(e.getKey())[0] * Formats.parse(e.getValue()).bits();
            assertThat(number(r, "mean_weight_bits")).isCloseTo(bits / 105_032, within(1e-9))
                    .isLessThanOrEqualTo(number(r, "budget_bits"));
            // A looser budget never forces a larger predicted drop.
            assertThat(number(r, "predicted_drop")).isLessThanOrEqualTo(lastDrop + 1e-12);
            lastDrop = number(r, "predicted_drop");
            distinct.add(r.get("allocation").toString());
        }
        // 2.25 bits per weight leaves fc1, 95.5 % of the weights, in int2 (int3 alone would be 3·100,352/105,032 = 2.87).
        assertThat(assignment(rows.get(0).get("allocation"))).containsEntry("fc1", "int2");
        assertThat(distinct).hasSizeGreaterThanOrEqualTo(3);
        // Points sharing an allocation share one top-1 measurement: the front's x steps with the allocation.
        assertThat(rows.get(0).get("$evaluations")).isEqualTo(distinct.size());
    }

    @Test
    void theSweepsChoiceForOneBudgetIsTheBruteForceOptimumOnTheMlp() throws Exception {
        int images = 200;
        List<Map<String, Object>> rows = rows(SweepLoader.load("sweep.yaml", new StringReader("""
                workload: fmnist-mlp
                accuracy: {metric: top1, model: fmnist-mlp, images: %d, through_pe: false}
                quantization:
                  weights: int8
                  activations: int8
                  granularity: channel:0
                  allocate: {budget_bits: [2.0, 4.5], candidates: [int2, int4, int8]}
                target: {pe: int-mac, array: 8x8}
                """.formatted(images))));
        // Every layer in int2 stores 2 bits a weight and a 16-bit scale per row: 2 + 16·394 / 234,752 = 2.0269 bits,
        // above a budget of 2.
        assertThat((Boolean) rows.get(0).get("feasible")).isFalse();
        assertThat(rows.get(0).get("reason").toString()).startsWith("accuracy refused: budget 2.0000 bits per weight "
                + "is below the cheapest allocation (every layer at its cheapest format): 2.0269 bits per weight");

        // The same sensitivities measured apart, and all 27 allocations listed.
        Map<String, QuantConfig> candidates = new LinkedHashMap<>();
        for (String f : List.of("int2", "int4", "int8"))
            candidates.put(f, QuantConfig.of(Formats.parse(f), Granularity.channel(0)));
        InferenceConfig reference = InferenceConfig.of(candidates.get("int8"),
                QuantConfig.of(Formats.parse("int8"), Granularity.TENSOR));
        SensitivityTable t = LayerSensitivity.measure(FashionModels.shipped("fmnist-mlp").network(), "int8", reference,
                candidates, FashionMnist.test().first(images), FashionMnist.calibration());
        double limit = Math.floor(4.5 * t.parameters());
        int[] best = null;
        double bestDrop = Double.POSITIVE_INFINITY;
        double bestBits = Double.POSITIVE_INFINITY;
        for (int code = 0; code < 27; code++) {
            int[] pick = {code % 3, code / 3 % 3, code / 9};
            double drop = 0;
            double bits = 0;
            for (int l = 0; l < 3; l++) {
                SensitivityTable.Layer layer = t.layers().get(l);
                drop += layer.cells().get(pick[l]).drop();
                bits += layer.parameters() * layer.cells().get(pick[l]).weightBitsPerElement();
            }
            if (bits <= limit && (drop < bestDrop - 1e-9 || Math.abs(drop - bestDrop) <= 1e-9 && bits < bestBits)) {
                best = pick;
                bestDrop = drop;
                bestBits = bits;
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (int l = 0; l < 3; l++)
            expected.put(t.layers().get(l).name(), t.formats().get(best[l]));
        Map<String, Object> row = rows.get(1);
        assertThat(assignment(row.get("allocation"))).isEqualTo(expected);
        assertThat(number(row, "predicted_drop")).isCloseTo(bestDrop, within(1e-12));
        assertThat(number(row, "mean_weight_bits")).isCloseTo(bestBits / t.parameters(), within(1e-9));
        // The point's top-1 is the chosen mix run as any configuration is.
        Map<String, Optional<QuantConfig>> layers = new LinkedHashMap<>();
        expected.forEach((l, f) -> layers.put(l, Optional.of(candidates.get(f))));
        assertThat(number(row, "top1")).isEqualTo(ReferenceInference.prepare(FashionModels.shipped("fmnist-mlp")
                .network(), reference.withLayerWeights(layers), FashionMnist.calibration())
                .evaluate(FashionMnist.test().first(images)).top1());
    }

    @Test
    void allocationMistakesAreNamedWithTheirLines() {
        String base = """
                workload: fmnist-mlp
                accuracy: {metric: %s, model: fmnist-mlp, images: 100}
                quantization:
                  weights: int8
                  activations: int8
                  granularity: channel:0
                  allocate: %s
                target: {pe: int-mac, array: 8x8}
                """;
        assertThatThrownBy(() -> SweepLoader.load("sweep.yaml", new StringReader(base.formatted("top1",
                "{budget_bits: 4, candidates: [int4]}")))).isInstanceOf(UserInputException.class)
                .hasMessage("sweep.yaml:7: quantization.allocate.candidates: expected a list of two or more weight "
                        + "formats a layer may get, e.g. [int2, int4, int8]");
        assertThatThrownBy(() -> SweepLoader.load("sweep.yaml", new StringReader(base.formatted("top1",
                "{candidates: [int4, int8], metric: output_sqnr_db, budgets: 3}")))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("sweep.yaml:7: quantization.allocate.budgets: unknown key; valid: budget_bits, "
                        + "candidates, metric")
                .hasMessageContaining("sweep.yaml:7: quantization.allocate.budget_bits: missing; it is required")
                .hasMessageContaining("sweep.yaml:7: quantization.allocate.metric: unknown sensitivity metric "
                        + "\"output_sqnr_db\"; valid: top1");
        assertThatThrownBy(() -> SweepLoader.load("sweep.yaml", new StringReader(base.formatted("top1",
                "{budget_bits: 4, candidates: [int4, int8]}").replace("workload: fmnist-mlp", "workload: fmnist-cnn"))))
                .isInstanceOf(UserInputException.class).hasMessage("sweep.yaml:7: quantization.allocate: allocates "
                        + "formats to the layers of accuracy.model fmnist-mlp (fc1, fc2, fc3), but workload fmnist-cnn has "
                        + "no layer fc3; its weight layers are: conv1, conv2, fc1, fc2; run the model itself (workload: "
                        + "fmnist-mlp)");
        assertThatThrownBy(() -> SweepLoader.load("sweep.yaml", new StringReader(base.formatted("weight_sqnr_db",
                "{budget_bits: 4, candidates: [int4, int8]}").replace(", model: fmnist-mlp, images: 100", ""))))
                .isInstanceOf(UserInputException.class).hasMessage("sweep.yaml:7: quantization.allocate: allocates "
                        + "per-layer formats by each layer's top-1 drop, measured on accuracy.model; set "
                        + "accuracy.metric: top1 and accuracy.model (fmnist-mlp, fmnist-cnn), not weight_sqnr_db");
    }
}
