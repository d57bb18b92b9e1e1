package org.bitsweep.workloads.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    static Network randomCnn() {
        Network net = FashionModels.cnn();
        Trainer.initialize(net, new SplittableRandom(11));
        return net;
    }

    @Test
    void aWrittenModelReadsBackBitForBitWithItsMetadata(@TempDir Path dir) {
        Path file = dir.resolve("cnn.safetensors");
        ModelFile.write(file, randomCnn(), Map.of("seed", "11", TrainedModel.TEST_CORRECT_FP32, "1234"));
        TrainedModel back = ModelFile.read(file);
        assertThat(back.network().sameParameters(randomCnn())).isTrue();
        assertThat(back.metadata()).containsEntry("format", ModelFile.FORMAT).containsEntry("model", "fmnist-cnn")
                .containsEntry("seed", "11");
        assertThat(back.recordedCorrectFp32()).isEqualTo(1234);
    }

    @Test
    void theFileIsSafetensorsWithPyTorchShapedConvolutions() {
        byte[] bytes = ModelFile.bytes(randomCnn(), Map.of());
        long headerBytes = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerBytes % 8).isZero();
        String header = new String(bytes, 8, (int) headerBytes, StandardCharsets.UTF_8);
        assertThat(header).contains("\"conv1.weight\":{\"dtype\":\"F32\",\"shape\":[8,1,5,5],\"data_offsets\":[0,800]}",
                "\"fc2.bias\":{\"dtype\":\"F32\",\"shape\":[10]");
        // 105,194 parameters of 4 bytes after the header.
        assertThat(bytes.length - 8 - headerBytes).isEqualTo(4L * 105_194);
    }

    @Test
    void aMissingOrDamagedFileSaysWhatIsWrongAndHowToFixIt(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none.safetensors");
        assertThatThrownBy(() -> ModelFile.read(missing)).isInstanceOf(UserInputException.class)
                .hasMessage(missing + ": no such file; write one with bitsweep train --out " + missing);
        byte[] bytes = ModelFile.bytes(randomCnn(), Map.of());
        Path cut = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> ModelFile.read(cut)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(cut + ": tensor \"fc2.bias\": data_offsets [420736,420776] do not hold 10 "
                        + "floats within the 420772 data bytes; this is not a BitSweep model file");
        Path text = Files.writeString(dir.resolve("text.safetensors"), "hello, world");
        assertThatThrownBy(() -> ModelFile.read(text)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(text + ": header length ");
    }
}
