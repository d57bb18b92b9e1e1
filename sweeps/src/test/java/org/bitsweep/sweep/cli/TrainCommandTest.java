package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.IdxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withoutTheTrainingSetItSaysHowToInstallIt(@TempDir Path dir) {
        BitSweepCliTest.Run r = bitsweep("train", "--model", "fmnist-cnn", "--seed", "1", "--out",
                dir.resolve("m.safetensors").toString(), "--data", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("train-images-idx3-ubyte.gz: no such file",
                "apt-get install dataset-fashion-mnist").doesNotContain("\tat ");
    }

    @Test
    void aRetrainedModelIsTheSameFileTwiceAndAccuracyReproducesItsFigure(@TempDir Path dir) throws Exception {
        // The 512 shipped training images stand in for the 60,000, so the test needs no Debian package.
        IdxWriter.writeImages(dir.resolve("train-images-idx3-ubyte.gz"), FashionMnist.calibration());
        IdxWriter.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), FashionMnist.calibration());
        Path one = dir.resolve("one.safetensors");
        Path two = dir.resolve("two.safetensors");
        BitSweepCliTest.Run r = bitsweep("train", "--model", "fmnist-mlp", "--seed", "3", "--epochs", "1", "--data",
                dir.toString(), "--out", one.toString(), "--quiet", "--json", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = JSON.readTree(r.out());
        assertThat(summary.get("seed").asText()).isEqualTo("3");
        assertThat(summary.get("train_images").asText()).isEqualTo("fashion-mnist train, 512 images");
        assertThat(bitsweep("train", "--model", "fmnist-mlp", "--seed", "3", "--epochs", "1", "--data", dir.toString(),
                "--out", two.toString(), "--quiet", "--threads", "2").code()).isZero();
        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
        BitSweepCliTest.Run accuracy = bitsweep("accuracy", "--model", "fmnist-mlp", "--model-file", one.toString(),
                "--weights", "fp32", "--activations", "fp32", "--json");
        assertThat(accuracy.code()).as(accuracy.err()).isZero();
        assertThat(JSON.readTree(accuracy.out()).get("correct_fp32").asText())
                .isEqualTo(summary.get("test_correct_fp32").asText());
    }

    @Test
    void helpNamesTheOptions() {
        BitSweepCliTest.Run help = bitsweep("train", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--model", "--seed", "--out", "--epochs", "--data", "--threads");
    }
}
