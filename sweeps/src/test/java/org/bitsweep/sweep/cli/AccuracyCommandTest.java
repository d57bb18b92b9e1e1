package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.TrainedModel;
import org.junit.jupiter.api.Test;

class AccuracyCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reproducesTheRecordedFp32FigureRunAfterRun() throws Exception {
        TrainedModel shipped = FashionModels.shipped("fmnist-mlp");
        BitSweepCliTest.Run first = bitsweep("accuracy", "--model", "fmnist-mlp", "--weights", "int8", "--activations",
                "int8", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode j = JSON.readTree(first.out());
        assertThat(j.get("model").asText()).isEqualTo("fmnist-mlp");
        assertThat(j.get("images").asInt()).isEqualTo(10_000);
        assertThat(j.get("correct_fp32").asInt()).isEqualTo(shipped.recordedCorrectFp32());
        assertThat(j.get("top1_fp32").asDouble()).isEqualTo(shipped.recordedCorrectFp32() / 10_000.0);
        assertThat(j.get("top1").asDouble()).isBetween(j.get("top1_fp32").asDouble() - 0.005, 1.0);
        assertThat(j.get("weight_granularity").asText()).isEqualTo("channel:0");
        assertThat(j.get("dot_products").asText()).isEqualTo("integer codes, exact");
        BitSweepCliTest.Run second = bitsweep("accuracy", "--model", "fmnist-mlp", "--weights", "int8",
                "--activations", "int8", "--json");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void fp32WeightsAndActivationsAreTheFp32FigureAndTheTableShowsBoth() {
        BitSweepCliTest.Run r = bitsweep("accuracy", "--model", "fmnist-mlp", "--weights", "fp32", "--activations", "fp32");
        assertThat(r.code()).as(r.err()).isZero();
        int correct = FashionModels.shipped("fmnist-mlp").recordedCorrectFp32();
        String figure = "%6.2f %%  (%d / 10000)".formatted(correct / 100.0, correct);
        assertThat(r.out()).contains("top-1         " + figure, "top-1 FP32    " + figure,
                "dot products  fp32 over dequantized values");
    }

    @Test
    void badInputExitsWithTwoAndOneMessage() {
        BitSweepCliTest.Run model = bitsweep("accuracy", "--model", "fmnist-vit", "--weights", "int8", "--activations",
                "int8");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).isEqualTo("bitsweep: unknown model \"fmnist-vit\"; valid: fmnist-mlp, fmnist-cnn"
                + System.lineSeparator());
        BitSweepCliTest.Run format = bitsweep("accuracy", "--model", "fmnist-cnn", "--weights", "int99",
                "--activations", "int8");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).startsWith("bitsweep: --weights: unknown format \"int99\"; valid: int2..int16")
                .doesNotContain("\tat ");
        BitSweepCliTest.Run mx = bitsweep("accuracy", "--model", "fmnist-cnn", "--weights", "int8", "--activations",
                "mxfp8-e4m3");
        assertThat(mx.code()).isEqualTo(2);
        assertThat(mx.err()).contains("activations: mxfp8-e4m3 shares scales within blocks or groups");
        BitSweepCliTest.Run accumulator = bitsweep("accuracy", "--model", "fmnist-cnn", "--weights", "int8",
                "--activations", "int8", "--accumulator", "wrap:99");
        assertThat(accumulator.code()).isEqualTo(2);
        assertThat(accumulator.err()).contains("--accumulator: \"wrap:99\"; valid: exact, wrap:BITS, saturate:BITS");
    }

    @Test
    void helpNamesEveryOption() {
        BitSweepCliTest.Run help = bitsweep("accuracy", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--model", "--weights", "--activations", "--weight-clip", "--activation-clip",
                "--accumulator", "--model-file", "--json", "first 512 training images");
    }
}
