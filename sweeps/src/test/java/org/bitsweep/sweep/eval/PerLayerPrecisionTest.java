package org.bitsweep.sweep.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bitsweep.sweep.eval.OutputAccuracyTest.number;
import static org.bitsweep.sweep.eval.OutputAccuracyTest.rows;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.SweepLoader;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;

/** quantization.layers: weight formats per layer, for top1 on the Fashion-MNIST models and in the simulator's trace. */
class PerLayerPrecisionTest {
    static final int IMAGES = 300;

    static SweepFile load(String yaml) throws Exception {
        return SweepLoader.load("sweep.yaml", new StringReader(yaml));
    }

    static String mlp(String layers) {
        return """
                workload: fmnist-mlp
                accuracy: {metric: top1, model: fmnist-mlp, images: %d, through_pe: false}
                quantization: {weights: int8, activations: int8, granularity: channel:0%s}
                target: {pe: int-mac, array: 8x8}
                """.formatted(IMAGES, layers.isEmpty() ? "" : ", layers: " + layers);
    }

    /** What bitsweep accuracy measures with fc1's weights in int2 and the rest in int8. */
    static double direct(Map<String, String> layers) {
        Map<String, Optional<QuantConfig>> byLayer = new java.util.LinkedHashMap<>();
        layers.forEach((l, f) -> byLayer.put(l, Optional.of(QuantConfig.of(Formats.parse(f), Granularity.channel(0)))));
        InferenceConfig c = InferenceConfig.of(QuantConfig.of(Formats.parse("int8"), Granularity.channel(0)),
                QuantConfig.of(Formats.parse("int8"), Granularity.TENSOR)).withLayerWeights(byLayer);
        return ReferenceInference.prepare(FashionModels.shipped("fmnist-mlp").network(), c, FashionMnist.calibration())
                .evaluate(FashionMnist.test().first(IMAGES)).top1();
    }

    @Test
    void oneLayerInInt2IsWhatReferenceInferenceGivesAndWhatTheTraceStores() throws Exception {
        List<Map<String, Object>> uniform = rows(load(mlp("")));
        List<Map<String, Object>> mixed = rows(load(mlp("{fc1: int2}")));
        Map<String, Object> row = mixed.get(0);
        assertThat(number(row, "top1")).isEqualTo(direct(Map.of("fc1", "int2")));
        assertThat(number(row, "top1")).isNotEqualTo(number(uniform.get(0), "top1"));
        assertThat(row.get("layer_weights")).isEqualTo("fc1=int2");
        assertThat(uniform.get(0).get("layer_weights")).isEqualTo("");
        // Weights are stored with one FP16 scale per output row (channel:0). fc1: 256 rows of 784 in int2,
        // 200,704·2 + 256·16 = 405,504 bits; fc2: 32,768·8 + 128·16 = 264,192; fc3: 1,280·8 + 10·16 = 10,400.
        // 680,096 bits over 234,752 weights = 2.8971 bits per weight; the first layer alone stores 2 + 16/784.
        assertThat(number(row, "mean_weight_bits")).isCloseTo(680_096.0 / 234_752, within(1e-9));
        assertThat(number(row, "weight_bits_per_element")).isCloseTo(2 + 16.0 / 784, within(1e-9));
        // The simulator reads fc1's weights in int2: a quarter of its int8 bytes from DRAM.
        assertThat(number(row, "dram_bytes")).isLessThan(number(uniform.get(0), "dram_bytes") - 100_000);
    }

    @Test
    void aListOfMappingsIsAnAxisAndTheMostSpecificPatternWins() throws Exception {
        List<Map<String, Object>> rows = rows(load(mlp("[{fc1: int2}, {\"fc*\": int4, fc3: int8}]")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get("layer_weights")).isEqualTo("fc*=int4;fc3=int8");
        assertThat(number(rows.get(1), "top1")).isEqualTo(direct(Map.of("fc1", "int4", "fc2", "int4", "fc3", "int8")));
        assertThat(rows.get(0).get("$evaluations")).isEqualTo(2);
    }

    @Test
    void anLlmsLmHeadAndMlpsInInt8BesideInt4WeightsStoreWhatTheyShould() throws Exception {
        SweepFile s = load("""
                workload: llama-2-7b:decode
                accuracy: {metric: weight_sqnr_db, tensor: {rows: 16, cols: 256}}
                quantization:
                  weights: int4
                  activations: fp16
                  granularity: group:128
                  layers: {"lm_head": int8, "blocks.*.mlp.*": int8}
                target: {kind: gpu, gpu: rtx-4090}
                """);
        Map<String, Object> row = rows(s).get(0);
        // LLaMA-2-7B's weights: 32 blocks × (4·4096² + 3·4096·11,008) = 6,476,005,376, and the LM head
        // 32,000·4,096 = 131,072,000, 6,607,077,376 in all. Groups of 128 add 16/128 = 0.125 bits to each format.
        // The MLPs (32·3·4096·11,008 = 4,328,521,728) and the LM head go from 4.125 to 8.125 bits:
        // 4.125 + 4·(4,328,521,728 + 131,072,000) / 6,607,077,376 = 6.82488 bits per weight.
        assertThat(number(row, "mean_weight_bits"))
                .isCloseTo(4.125 + 4.0 * (4_328_521_728L + 131_072_000L) / 6_607_077_376L, within(1e-9));
        assertThat(row.get("kernels_run").toString()).contains("weight-only");
        assertThat((Boolean) row.get("feasible")).isTrue();
    }

    @Test
    void aPatternThatMatchesNoLayerIsRefusedNamingTheLayers() {
        assertThatThrownBy(() -> load(mlp("{fc9: int2}"))).isInstanceOf(UserInputException.class)
                .hasMessage("sweep.yaml:3: quantization.layers: workload fmnist-mlp: pattern \"fc9\" matches no layer; "
                        + "the layers are: fc1, fc2, fc3\n"
                        + "sweep.yaml:3: quantization.layers: accuracy.model fmnist-mlp: pattern \"fc9\" matches no "
                        + "layer; the layers are: fc1, fc2, fc3");
        assertThatThrownBy(() -> load(mlp("{fc1: int99}"))).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("sweep.yaml:3: quantization.layers: \"fc1\": unknown format \"int99\"");
        assertThatThrownBy(() -> load(mlp("{fc1: uint4}"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("uint4 is unsigned but weights are signed; use int4");
        assertThatThrownBy(() -> load(mlp("{fc1: mxint8}"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("quantization.layers: fc1: mxint8 shares one scale per block of 32; use "
                        + "granularity group:32");
    }
}
