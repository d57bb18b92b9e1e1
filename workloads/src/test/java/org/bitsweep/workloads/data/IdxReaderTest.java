package org.bitsweep.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    /** A gzip'd IDX file: magic, sizes, then {@code data}, as the MNIST page lays it out. */
    static Path idx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims)
            b.putInt(d);
        b.put(data);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(b.array());
        }
        return file;
    }

    @Test
    void readsImagesAndLabelsAsWritten(@TempDir Path dir) throws IOException {
        // Two 2×3 images; 0xFF must come back as 255, not -1.
        byte[] pixels = {0, 1, 2, 3, 4, 5, (byte) 255, 7, 8, 9, 10, 11};
        IdxReader.Images images = IdxReader.readImages(idx(dir.resolve("i.gz"), 0x803, new int[] {2, 2, 3}, pixels));
        assertThat(images.count()).isEqualTo(2);
        assertThat(images.rows()).isEqualTo(2);
        assertThat(images.cols()).isEqualTo(3);
        assertThat(images.pixels()).containsExactly(pixels);
        byte[] labels = IdxReader.readLabels(idx(dir.resolve("l.gz"), 0x801, new int[] {2}, new byte[] {9, 0}));
        LabelledImages set = LabelledImages.of("t", images, "l.gz", labels, 10);
        assertThat(set.label(0)).isEqualTo(9);
        float[] x = new float[6];
        set.normalized(1, x);
        assertThat(x[0]).isEqualTo(1f);   // 255 / 255
        assertThat(x[1]).isEqualTo(7 / 255f);
    }

    @Test
    void theWriterIsTheReadersInverse(@TempDir Path dir) {
        LabelledImages first = FashionMnist.calibration().first(3);
        IdxWriter.writeImages(dir.resolve("i.gz"), first);
        IdxWriter.writeLabels(dir.resolve("l.gz"), first);
        assertThat(IdxReader.readImages(dir.resolve("i.gz")).pixels()).containsExactly(first.pixels());
        assertThat(IdxReader.readLabels(dir.resolve("l.gz"))).containsExactly(first.labels());
    }

    @Test
    void aLabelsFileIsNotAnImagesFile(@TempDir Path dir) throws IOException {
        Path labels = idx(dir.resolve("l.gz"), 0x801, new int[] {2}, new byte[] {1, 2});
        assertThatThrownBy(() -> IdxReader.readImages(labels)).isInstanceOf(UserInputException.class)
                .hasMessage(labels + ": magic number 0x00000801, expected 0x00000803 (idx3-ubyte); this is not an IDX "
                        + "file of images (count × rows × cols unsigned bytes)");
    }

    @Test
    void truncatedAndOverlongDataAreCorrupt(@TempDir Path dir) throws IOException {
        Path shortFile = idx(dir.resolve("s.gz"), 0x803, new int[] {2, 2, 2}, new byte[7]);
        assertThatThrownBy(() -> IdxReader.readImages(shortFile)).isInstanceOf(UserInputException.class)
                .hasMessage(shortFile + ": the sizes (2×2×2) say 8 data bytes but the file holds 7; the file is truncated");
        Path longFile = idx(dir.resolve("x.gz"), 0x801, new int[] {2}, new byte[3]);
        assertThatThrownBy(() -> IdxReader.readLabels(longFile)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("more data than the sizes (2) say");
        Path header = idx(dir.resolve("h.gz"), 0x803, new int[] {2}, new byte[0]);
        assertThatThrownBy(() -> IdxReader.readImages(header)).isInstanceOf(UserInputException.class)
                .hasMessage(header + ": size of dimension 1: the file ends inside the header; the file is truncated");
        Path zero = idx(dir.resolve("z.gz"), 0x803, new int[] {0, 28, 28}, new byte[0]);
        assertThatThrownBy(() -> IdxReader.readImages(zero)).hasMessageContaining("size of dimension 0 is 0");
    }

    @Test
    void aFileThatIsNotGzipOrEndsInsideTheStreamSaysSo(@TempDir Path dir) throws IOException {
        Path plain = Files.write(dir.resolve("plain"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> IdxReader.readLabels(plain)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(plain + ": not gzip data (Not in GZIP format)");
        Path whole = idx(dir.resolve("w.gz"), 0x801, new int[] {1000}, new byte[1000]);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> IdxReader.readLabels(cut)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(cut.toString());
    }

    @Test
    void aMissingTrainingSetSaysHowToInstallIt(@TempDir Path dir) {
        assertThatThrownBy(() -> FashionMnist.train(dir)).isInstanceOf(UserInputException.class)
                .hasMessage(dir.resolve("train-images-idx3-ubyte.gz") + ": no such file; the training images come "
                        + "from Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist, which "
                        + "installs them in /usr/share/datasets/fashion-mnist), or give a folder holding "
                        + "train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz");
    }

    @Test
    void labelsThatAreNoClassOrDoNotMatchTheImagesAreRejected(@TempDir Path dir) throws IOException {
        IdxReader.Images two = new IdxReader.Images(2, 1, 1, new byte[2]);
        assertThatThrownBy(() -> LabelledImages.of("t", two, "l.gz", new byte[] {3, 10}, 10))
                .hasMessage("l.gz: label 10 of image 1 is not a class; valid: 0 .. 9");
        assertThatThrownBy(() -> LabelledImages.of("t", two, "l.gz", new byte[] {3}, 10))
                .hasMessageStartingWith("l.gz: 1 labels for 2 images");
    }

    @Test
    void theShippedTestSetHasAThousandImagesOfEachClass() {
        LabelledImages test = FashionMnist.test();
        assertThat(test.count()).isEqualTo(10_000);
        assertThat(test.rows()).isEqualTo(28);
        int[] perClass = new int[10];
        for (int i = 0; i < test.count(); i++)
            perClass[test.label(i)]++;
        assertThat(perClass).containsOnly(1000);
        // The first training images and labels, as the MNIST-format files list them (9 = ankle boot, 0 = T-shirt).
        LabelledImages calibration = FashionMnist.calibration();
        assertThat(calibration.count()).isEqualTo(512);
        assertThat(new int[] {calibration.label(0), calibration.label(1), calibration.label(2), calibration.label(3)})
                .containsExactly(9, 0, 0, 3);
    }
}
