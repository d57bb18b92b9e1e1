package org.bitsweep.workloads.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The models BitSweep ships: the accuracy targets, the recorded figures, and W8A8 close to FP32. */
class ShippedModelsTest {
    static final QuantConfig INT8_CHANNEL = QuantConfig.of(IntFormat.signed(8), Granularity.channel(0));
    static final QuantConfig INT8_TENSOR = QuantConfig.of(IntFormat.signed(8), Granularity.TENSOR);

    @ParameterizedTest
    @CsvSource({"fmnist-mlp, 0.88, 235146", "fmnist-cnn, 0.90, 105194"})
    void reachesItsTargetAndReproducesTheRecordedFigureAndW8A8StaysWithinHalfAPoint(String name, double target,
                                                                                   long parameters) {
        TrainedModel model = FashionModels.shipped(name);
        assertThat(model.network().parameterCount()).isEqualTo(parameters);
        LabelledImages test = FashionMnist.test();
        Accuracy fp32 = ReferenceInference.fp32(model.network()).evaluate(test);
        assertThat(fp32.top1()).isGreaterThanOrEqualTo(target);
        assertThat(fp32.correct()).isEqualTo(model.recordedCorrectFp32());
        assertThat(fp32.images()).isEqualTo(model.recordedTestImages());
        ReferenceInference w8a8 = ReferenceInference.prepare(model.network(),
                InferenceConfig.of(INT8_CHANNEL, INT8_TENSOR), FashionMnist.calibration());
        assertThat(w8a8.config().integerDotProducts()).isTrue();
        // Within 0.5 points: at most 50 of the 10,000 images fewer.
        assertThat(w8a8.evaluate(test).correct()).isGreaterThanOrEqualTo(fp32.correct() - 50);
    }

    @Test
    void theManifestSaysWhatTheFilesSay() throws Exception {
        JsonNode manifest;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/manifest.yaml")) {
            manifest = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        for (JsonNode entry : manifest.get("models")) {
            Map<String, String> metadata = FashionModels.shipped(entry.get("model").asText()).metadata();
            for (String key : new String[] {"seed", "epochs", "batch_size", "learning_rate", "lr_schedule", "momentum",
                    "weight_decay", "gradient_shards", "train_images", "test_correct_fp32", "test_images",
                    "test_top1_fp32"})
                assertThat(entry.get(key).asText()).as("%s %s", entry.get("model").asText(), key)
                        .isEqualTo(metadata.get(key));
        }
    }

    @Test
    void aSuppliedArithmeticThatIsExactGivesTheSameLogitsAsTheVectorizedLoops() {
        // The same sums, one MAC call at a time in k order: the hook a PE's arithmetic plugs into.
        Network cnn = FashionModels.shipped(FashionModels.CNN).network();
        InferenceConfig exact = InferenceConfig.of(INT8_CHANNEL, INT8_TENSOR);
        ReferenceInference fast = ReferenceInference.prepare(cnn, exact, FashionMnist.calibration());
        ReferenceInference oneByOne = ReferenceInference.prepare(cnn,
                exact.withArithmetic(MacSupplier.named("one-by-one", f -> (acc, a, w) -> acc + a * w)),
                FashionMnist.calibration());
        LabelledImages some = FashionMnist.test().first(20);
        float[] image = new float[784];
        for (int i = 0; i < some.count(); i++) {
            some.normalized(i, image);
            assertThat(oneByOne.logits(image)).containsExactly(fast.logits(image));
        }
        assertThat(Arrays.equals(oneByOne.predict(some), fast.predict(some))).isTrue();
    }
}
