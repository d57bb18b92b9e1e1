package org.bitsweep.workloads.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;

class PerLayerWeightsTest {
    static final Network CNN = FashionModels.shipped(FashionModels.CNN).network();
    static final QuantConfig INT8 = QuantConfig.of(Formats.parse("int8"), Granularity.channel(0));
    static final QuantConfig INT4 = QuantConfig.of(Formats.parse("int4"), Granularity.channel(0));
    static final QuantConfig A8 = QuantConfig.of(Formats.parse("uint8"), Granularity.TENSOR);
    static final LabelledImages IMAGES = FashionMnist.test().first(200);

    @Test
    void aPatternOverEveryLayerIsTheGlobalSetting() {
        float[][] global = ReferenceInference.prepare(CNN, InferenceConfig.of(INT4, A8), FashionMnist.calibration())
                .logits(IMAGES);
        float[][] patterned = ReferenceInference.prepare(CNN, InferenceConfig.of(INT8, A8).withLayerWeights(
                Map.of("*", Optional.of(INT4))), FashionMnist.calibration()).logits(IMAGES);
        assertThat(patterned).isDeepEqualTo(global);
    }

    @Test
    void eachLayerTakesItsMostSpecificPattern() {
        // conv* sets both convolutions to int4, fc2 keeps fp32 weights (dequantized path), fc1 the global int8.
        ReferenceInference r = ReferenceInference.prepare(CNN, InferenceConfig.of(INT8, A8).withLayerWeights(Map.of(
                "conv*", Optional.of(INT4), "fc2", Optional.empty())), FashionMnist.calibration());
        assertThat(r.layers()).extracting(ReferenceInference.LayerQuantization::weights)
                .containsExactly("int4 channel:0", "int4 channel:0", "int8 channel:0", "fp32");
        assertThat(r.dotProductPaths()).containsEntry("fc1", "exact integer sums (int)")
                .containsEntry("fc2", "fp32 over dequantized values");
        // 8·25 + 16·200 weights at 4 bits + 16 per channel, 784·128 at 8 + 16/784, 1,280 at 32.
        double bits = (200 * 4 + 8 * 16 + 3200 * 4 + 16 * 16 + 100_352 * 8 + 128 * 16 + 1280 * 32)
                / (200.0 + 3200 + 100_352 + 1280);
        assertThat(r.weightBitsPerElement()).isCloseTo(bits, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aPatternThatMatchesNoLayerIsRefusedWithTheLayersThereAre() {
        InferenceConfig c = InferenceConfig.of(INT8, A8).withLayerWeights(Map.of("lm_head", Optional.of(INT4)));
        assertThatThrownBy(() -> ReferenceInference.prepare(CNN, c, FashionMnist.calibration()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("quantization.layers: pattern \"lm_head\" matches no layer; the layers are: conv1, conv2, "
                        + "fc1, fc2");
    }
}
