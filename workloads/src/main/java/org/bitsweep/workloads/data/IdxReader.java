package org.bitsweep.workloads.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.bitsweep.workloads.UserInputException;

/**
 * Reads gzip'd IDX files of unsigned bytes, the format MNIST and Fashion-MNIST ship in (LeCun et al., "THE MNIST
 * DATABASE of handwritten digits", section "FILE FORMATS FOR THE MNIST DATABASE"): a 4-byte magic number {@code 00 00
 * 08 D} (two zero bytes, data type 0x08 = unsigned byte, D the number of dimensions), D big-endian 32-bit sizes, then
 * the data, row-major. Images are {@code idx3} (count × rows × cols, magic 0x00000803); labels are {@code idx1}
 * (count, magic 0x00000801).
 *
 * <p>Every failure is a {@link UserInputException} naming the file: missing, not gzip, the wrong magic number, a
 * size field out of range, or data shorter or longer than the sizes say.
 */
public final class IdxReader {
    /** The data-type byte of unsigned bytes; IDX also defines signed bytes, shorts, ints, floats and doubles. */
    static final int UNSIGNED_BYTE = 0x08;
    static final int IMAGES_MAGIC = UNSIGNED_BYTE << 8 | 3;
    static final int LABELS_MAGIC = UNSIGNED_BYTE << 8 | 1;
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /** The images of an {@code idx3-ubyte.gz} file. */
    public static Images readImages(Path file) {
        try (InputStream in = open(file)) {
            return readImages(file.toString(), in);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /** The labels of an {@code idx1-ubyte.gz} file. */
    public static byte[] readLabels(Path file) {
        try (InputStream in = open(file)) {
            return readLabels(file.toString(), in);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /** @param file names the stream in error messages */
    public static Images readImages(String file, InputStream gzipped) {
        Array a = read(file, gzipped, IMAGES_MAGIC);
        return new Images(a.dims[0], a.dims[1], a.dims[2], a.data);
    }

    /** @param file names the stream in error messages */
    public static byte[] readLabels(String file, InputStream gzipped) {
        return read(file, gzipped, LABELS_MAGIC).data;
    }

    /** {@code count} images of {@code rows × cols} pixels, row-major, one unsigned byte per pixel. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public Images {
            if ((long) count * rows * cols != pixels.length)
                throw new IllegalArgumentException("%d images of %d×%d need %d pixels, got %d"
                        .formatted(count, rows, cols, (long) count * rows * cols, pixels.length));
        }
    }

    private record Array(int[] dims, byte[] data) {
    }

    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file))
            throw new NoSuchFileException(file.toString());
        return Files.newInputStream(file);
    }

    private static Array read(String file, InputStream gzipped, int magic) {
        try {
            InputStream in = new BufferedInputStream(new GZIPInputStream(gzipped, 1 << 16), 1 << 16);
            int found = readInt(file, in, "magic number");
            if (found != magic)
                throw new UserInputException(("%s: magic number 0x%08X, expected 0x%08X (%s); this is not an IDX file "
                        + "of %s").formatted(file, found, magic, magic == IMAGES_MAGIC ? "idx3-ubyte" : "idx1-ubyte",
                        magic == IMAGES_MAGIC ? "images (count × rows × cols unsigned bytes)" : "labels (unsigned bytes)"));
            int[] dims = new int[magic & 0xff];
            long bytes = 1;
            for (int d = 0; d < dims.length; d++) {
                dims[d] = readInt(file, in, "size of dimension " + d);
                if (dims[d] < 1)
                    throw new UserInputException("%s: size of dimension %d is %d; sizes must be >= 1"
                            .formatted(file, d, dims[d]));
                bytes *= dims[d];
                if (bytes > MAX_BYTES)
                    throw new UserInputException("%s: the sizes describe more than %d bytes; the header is corrupt"
                            .formatted(file, MAX_BYTES));
            }
            byte[] data = in.readNBytes((int) bytes);
            if (data.length < bytes)
                throw new UserInputException(("%s: the sizes (%s) say %d data bytes but the file holds %d; the file "
                        + "is truncated").formatted(file, dimsText(dims), bytes, data.length));
            if (in.read() != -1)
                throw new UserInputException(("%s: more data than the sizes (%s) say; the file is corrupt or not "
                        + "an IDX file").formatted(file, dimsText(dims)));
            return new Array(dims, data);
        } catch (ZipException e) {
            throw new UserInputException("%s: not gzip data (%s); IDX files are read gzip'd, as *-ubyte.gz"
                    .formatted(file, e.getMessage()), e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static int readInt(String file, InputStream in, String field) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4)
            throw new UserInputException("%s: %s: the file ends inside the header; the file is truncated"
                    .formatted(file, field));
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static String dimsText(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int d : dims)
            s.append(s.isEmpty() ? "" : "×").append(d);
        return s.toString();
    }

    private static UserInputException unreadable(String file, IOException e) {
        if (e instanceof NoSuchFileException)
            return new UserInputException(file + ": no such file", e);
        if (e instanceof EOFException)
            return new UserInputException(file + ": the gzip stream ends early; the file is truncated", e);
        if (e instanceof ZipException)
            return new UserInputException("%s: corrupt gzip data (%s)".formatted(file, e.getMessage()), e);
        return new UserInputException("%s: cannot read: %s".formatted(file, e.getMessage()), e);
    }
}
