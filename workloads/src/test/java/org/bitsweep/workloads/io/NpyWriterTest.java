package org.bitsweep.workloads.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSameBytesAsNumpy() throws IOException, URISyntaxException {
        // numpy_f4_2x3.npy is np.save of np.arange(6).reshape(2, 3) / 4 as <f4 (NumPy 2.4.6)
        Path ours = dir.resolve("ours.npy");
        NpyWriter.write(ours, new TensorData("a", new int[] {2, 3}, new float[] {0, 0.25f, 0.5f, 0.75f, 1, 1.25f}));
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(NpyReaderTest.resource("numpy_f4_2x3.npy")));
    }

    @Test
    void theDataStartsAtAMultipleOf64Bytes() {
        // "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" is 59 characters, plus 21 − 1 spare spaces
        // for the first dimension to grow: 79; with the 10-byte prelude and the newline, 90, padded up to 128.
        byte[] header = NpyWriter.header(new int[] {2, 3});
        assertThat(header).hasSize(128);
        assertThat(header[8] & 0xff | (header[9] & 0xff) << 8).isEqualTo(118);
        String text = new String(header, 10, 118, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith(" \n");
        // a scalar has no first dimension to grow: 55 characters + 10 + 1 = 66, padded up to 128 as well
        assertThat(NpyWriter.header(new int[] {})).hasSize(128);
    }

    @Test
    void roundTripsEveryValueIncludingNanInfinityAndNegativeZero() {
        Path p = dir.resolve("t.npy");
        TensorData t = new TensorData("t", new int[] {2, 1, 3},
                new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0f, Float.MIN_VALUE, Float.MAX_VALUE, 1e-3f});
        NpyWriter.write(p, t);
        assertThat(NpyReader.read(p)).isEqualTo(t);
    }

    @Test
    void anUnwritablePathIsAUserError() {
        Path p = dir.resolve("missing-folder").resolve("t.npy");
        assertThatThrownBy(() -> NpyWriter.write(p, new TensorData("t", new int[] {1}, new float[] {1})))
                .isInstanceOf(UserInputException.class)
                .hasMessage(p + ": cannot write: no such file or folder");
    }
}
