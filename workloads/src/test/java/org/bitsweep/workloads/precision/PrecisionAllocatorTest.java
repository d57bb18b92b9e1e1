package org.bitsweep.workloads.precision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.Network;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;

class PrecisionAllocatorTest {
    static SensitivityTable table(long[] parameters, double[][] drop, double[][] bits, List<String> formats) {
        List<SensitivityTable.Layer> layers = new ArrayList<>();
        for (int l = 0; l < parameters.length; l++) {
            List<SensitivityTable.Cell> cells = new ArrayList<>();
            for (int f = 0; f < formats.size(); f++)
                cells.add(new SensitivityTable.Cell(formats.get(f), 0.9 - drop[l][f], drop[l][f], bits[l][f]));
            layers.add(new SensitivityTable.Layer("l" + l, parameters[l], cells));
        }
        return new SensitivityTable("test", "int8", "int8 tensor", 1000, 0.9, formats, layers);
    }

    /** Every allocation, the least drop within the budget, then the least bits among those: the brute force. */
    static int[] bruteForce(SensitivityTable t, double limitBits) {
        int layers = t.layers().size();
        int formats = t.formats().size();
        int[] best = null;
        double bestDrop = Double.POSITIVE_INFINITY;
        double bestBits = Double.POSITIVE_INFINITY;
        int[] pick = new int[layers];
        for (long code = 0; code < Math.pow(formats, layers); code++) {
            long c = code;
            double drop = 0;
            double bits = 0;
            for (int l = 0; l < layers; l++) {
                pick[l] = (int) (c % formats);
                c /= formats;
                SensitivityTable.Layer layer = t.layers().get(l);
                drop += layer.cells().get(pick[l]).drop();
                bits += layer.parameters() * layer.cells().get(pick[l]).weightBitsPerElement();
            }
            if (bits > limitBits)
                continue;
            if (drop < bestDrop - 1e-9 || Math.abs(drop - bestDrop) <= 1e-9 && bits < bestBits) {
                best = pick.clone();
                bestDrop = Math.min(drop, bestDrop);
                bestBits = bits;
            }
        }
        return best;
    }

    @Test
    void twoLayersByHand() {
        // Layer 0 (100 weights) loses 5 points at 4 bits, layer 1 (300 weights) loses 1. A budget of 6 bits per
        // weight is 2,400 bits: both at 8 bits cost 3,200; l0 at 4 and l1 at 8 cost 400 + 2,400 = 2,800; l0 at 8 and
        // l1 at 4 cost 800 + 1,200 = 2,000 (drop 1); both at 4 cost 1,600 (drop 6). So l1 goes to 4 bits.
        SensitivityTable t = table(new long[] {100, 300}, new double[][] {{0, 0.05}, {0, 0.01}},
                new double[][] {{8, 4}, {8, 4}}, List.of("int8", "int4"));
        Allocation a = PrecisionAllocator.allocate(t, new Budget.BitsPerWeight(6));
        assertThat(a.formats()).containsExactly(Map.entry("l0", "int8"), Map.entry("l1", "int4"));
        assertThat(a.predictedDrop()).isCloseTo(0.01, within(1e-12));
        assertThat(a.bitsPerWeight()).isEqualTo(5.0);             // 2,000 bits / 400 weights
    }

    @Test
    void matchesBruteForceOnRandomTables() {
        // The solver's answers are certified by listing every allocation where that is possible; this also counts
        // how often the ILP alone was right (it is not always: see PrecisionAllocator).
        int certified = 0;
        int solved = 0;
        SplittableRandom random = new SplittableRandom(777);
        for (int trial = 0; trial < 400; trial++) {
            int layers = random.nextInt(2, 6);
            List<String> formats = List.of("int2", "int4", "int8").subList(0, random.nextInt(2, 4));
            long[] parameters = new long[layers];
            double[][] drop = new double[layers][formats.size()];
            double[][] bits = new double[layers][formats.size()];
            for (int l = 0; l < layers; l++) {
                parameters[l] = 8L * random.nextInt(2, 12_500);        // × bits per weight: whole bits
                for (int f = 0; f < formats.size(); f++) {
                    bits[l][f] = (2 << f) + 16.0 / (random.nextBoolean() ? 32 : 128);
                    // Drops in whole images of 1,000, some negative, many equal: ties on purpose.
                    drop[l][f] = (random.nextInt(-3, 40) >> f) / 1000.0;
                }
            }
            SensitivityTable t = table(parameters, drop, bits, formats);
            double perWeight = random.nextDouble(2.2, 8.5);
            int[] expected = bruteForce(t, Math.floor(perWeight * t.parameters()));
            String what = "trial %d, %.3f bits per weight".formatted(trial, perWeight);
            if (expected == null) {
                assertThatThrownBy(() -> PrecisionAllocator.allocate(t, new Budget.BitsPerWeight(perWeight)))
                        .as(what).isInstanceOf(UserInputException.class).hasMessageContaining("below the cheapest");
                continue;
            }
            Allocation a = PrecisionAllocator.allocate(t, new Budget.BitsPerWeight(perWeight));
            double expectedDrop = 0;
            double expectedBits = 0;
            for (int l = 0; l < layers; l++) {
                expectedDrop += drop[l][expected[l]];
                expectedBits += parameters[l] * bits[l][expected[l]];
            }
            assertThat(a.predictedDrop()).as(what).isCloseTo(expectedDrop, within(1e-9));
            assertThat(a.cost()).as(what).isCloseTo(expectedBits, within(1e-6 * expectedBits));
            assertThat(a.cost()).as(what).isLessThanOrEqualTo(perWeight * t.parameters() * (1 + 1e-9));
            solved++;
            if (a.solver().endsWith("certified by exhaustive search"))
                certified++;
        }
        assertThat(certified).as("ILP answers certified, of %d", solved).isGreaterThanOrEqualTo(solved * 95 / 100);
    }

    @Test
    void anEnergyBudgetSpendsTheGivenPicojoules() {
        // Same table as by hand, priced in pJ: l0 costs 10 (int8) or 4 (int4), l1 costs 30 or 12. With 35 pJ,
        // {int8, int4} costs 22 with drop 1 point; {int8, int8} 40 is over; {int4, int8} 34, drop 5.
        SensitivityTable t = table(new long[] {100, 300}, new double[][] {{0, 0.05}, {0, 0.01}},
                new double[][] {{8, 4}, {8, 4}}, List.of("int8", "int4"));
        Allocation a = PrecisionAllocator.allocate(t, new Budget.EnergyPj(Map.of(
                "l0", Map.of("int8", 10.0, "int4", 4.0), "l1", Map.of("int8", 30.0, "int4", 12.0)), 35));
        assertThat(a.formats()).containsEntry("l0", "int8").containsEntry("l1", "int4");
        assertThat(a.cost()).isEqualTo(22.0);
        assertThatThrownBy(() -> PrecisionAllocator.allocate(t, new Budget.EnergyPj(Map.of(
                "l0", Map.of("int8", 10.0)), 35))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("no energy given for layer l0 at int4");
    }

    @Test
    void theFashionMlpsAllocationIsTheBestOfAllTwentySevenByMeasuredSensitivity() {
        // 3 layers × {int2, int4, int8} weights per output channel, int8 activations, on 300 test images.
        Network mlp = FashionModels.shipped(FashionModels.MLP).network();
        Map<String, QuantConfig> candidates = new LinkedHashMap<>();
        for (String f : List.of("int2", "int4", "int8"))
            candidates.put(f, QuantConfig.of(Formats.parse(f), Granularity.channel(0)));
        InferenceConfig reference = InferenceConfig.of(candidates.get("int8"),
                QuantConfig.of(Formats.parse("int8"), Granularity.TENSOR));
        SensitivityTable t = LayerSensitivity.measure(mlp, "int8", reference, candidates, FashionMnist.test().first(300),
                FashionMnist.calibration());
        assertThat(t.parameters()).isEqualTo(784 * 256 + 256 * 128 + 128 * 10);
        // int8 for one layer is the reference itself: no drop.
        for (SensitivityTable.Layer l : t.layers())
            assertThat(l.cells().get(2).drop()).as(l.name()).isZero();
        double budget = 4.5;
        Allocation a = PrecisionAllocator.allocate(t, new Budget.BitsPerWeight(budget));
        int[] expected = bruteForce(t, Math.floor(budget * t.parameters()));
        for (int l = 0; l < 3; l++)
            assertThat(a.formats().get(t.layers().get(l).name())).isEqualTo(t.formats().get(expected[l]));
        // The chosen formats, run together, are a configuration like any other.
        Map<String, Optional<QuantConfig>> layers = new LinkedHashMap<>();
        a.formats().forEach((layer, f) -> layers.put(layer, Optional.of(candidates.get(f))));
        ReferenceInference chosen = ReferenceInference.prepare(mlp, reference.withLayerWeights(layers),
                FashionMnist.calibration());
        assertThat(chosen.weightBitsPerElement()).isCloseTo(a.bitsPerWeight(), within(1e-9));
    }
}
