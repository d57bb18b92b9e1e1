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
                "--accumulator", "--pe", "--accumulator-bits", "--overflow", "--images", "--model-file", "--json",
                "first 512 training images");
    }

    @Test
    void lMulAndBitModRunTheCnnThroughTheirOwnArithmetic() throws Exception {
        BitSweepCliTest.Run lmul = bitsweep("accuracy", "--model", "fmnist-cnn", "--pe", "lmul", "--weights",
                "fp8-e4m3", "--activations", "fp8-e4m3", "--images", "300", "--json");
        assertThat(lmul.code()).as(lmul.err()).isZero();
        JsonNode l = JSON.readTree(lmul.out());
        assertThat(l.get("pe").asText()).isEqualTo("lmul");
        assertThat(l.get("images").asInt()).isEqualTo(300);
        assertThat(l.get("dot_products").asText()).isEqualTo("MAC by MAC through PE lmul: codes of fp8-e4m3 "
                + "(activations) and fp8-e4m3 (weights); accumulator: fp32 bit pattern");
        // A trained CNN under an 8-bit approximate multiplier: far above chance (10 %), near its FP32 figure.
        assertThat(l.get("top1").asDouble()).isBetween(l.get("top1_fp32").asDouble() - 0.05, 1.0);

        BitSweepCliTest.Run bitmod = bitsweep("accuracy", "--model", "fmnist-cnn", "--pe", "bitmod",
                "--accumulator-bits", "48", "--weights", "bitmod4:group:128", "--activations", "fp16:none",
                "--images", "300");
        assertThat(bitmod.code()).as(bitmod.err()).isZero();
        assertThat(bitmod.out()).contains("fmnist-cnn on 300 Fashion-MNIST test images",
                "activations   fp16, a plain cast (no scale)",
                "dot products  MAC by MAC through PE bitmod: fixed point: activations in units of 2^-24, weights "
                        + "of 2^0; accumulator in units of 2^-24");
    }

    @Test
    void aPeThatCannotRunThePairSaysWhatItRuns() {
        // The accumulator is sized for the pair unless given (45 bits here); given too narrow, the PE says why.
        BitSweepCliTest.Run narrow = bitsweep("accuracy", "--model", "fmnist-cnn", "--pe", "bitmod", "--weights",
                "bitmod4:group:128", "--activations", "fp16:none", "--accumulator-bits", "32");
        assertThat(narrow.code()).isEqualTo(2);
        assertThat(narrow.err()).startsWith("bitsweep: bitmod cannot run w:bitmod4 a:fp16: a product needs a 45-bit "
                + "exact partial sum").contains("(set --accumulator-bits to at least 45)", "it runs weights: int2..int16")
                .doesNotContain("\tat ");
        BitSweepCliTest.Run ints = bitsweep("accuracy", "--model", "fmnist-cnn", "--pe", "lmul", "--weights", "int8",
                "--activations", "int8");
        assertThat(ints.code()).isEqualTo(2);
        assertThat(ints.err()).startsWith("bitsweep: lmul cannot run w:int8 a:int8: int8 is not a signed minifloat")
                .contains("it runs weights and activations of the same mantissa width");
        BitSweepCliTest.Run unknown = bitsweep("accuracy", "--model", "fmnist-cnn", "--pe", "tpu", "--weights", "int8",
                "--activations", "int8");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("bitsweep: unknown PE \"tpu\"; valid: int-mac, bit-serial, bit-pragmatic, bitmod");
        BitSweepCliTest.Run both = bitsweep("accuracy", "--model", "fmnist-cnn", "--pe", "int-mac", "--accumulator",
                "wrap:16", "--weights", "int8", "--activations", "int8");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--accumulator wrap:16 and --pe int-mac both say how to accumulate");
        BitSweepCliTest.Run knob = bitsweep("accuracy", "--model", "fmnist-cnn", "--accumulator-bits", "16",
                "--weights", "int8", "--activations", "int8");
        assertThat(knob.code()).isEqualTo(2);
        assertThat(knob.err()).contains("--accumulator-bits sets a PE's accumulator and needs --pe");
        BitSweepCliTest.Run images = bitsweep("accuracy", "--model", "fmnist-cnn", "--weights", "int8",
                "--activations", "int8", "--images", "0");
        assertThat(images.code()).isEqualTo(2);
        assertThat(images.err()).contains("--images: 0; valid: 1 to 10,000");
    }
}
