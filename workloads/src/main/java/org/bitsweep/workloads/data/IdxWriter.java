package org.bitsweep.workloads.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.bitsweep.workloads.UserInputException;

/** Writes gzip'd IDX files of unsigned bytes, the inverse of {@link IdxReader}: e.g. a subset of a data set. */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** {@code images}' pixels as an {@code idx3-ubyte.gz} file. */
    public static void writeImages(Path file, LabelledImages images) {
        write(file, IdxReader.IMAGES_MAGIC, new int[] {images.count(), images.rows(), images.cols()}, images.pixels());
    }

    /** {@code images}' labels as an {@code idx1-ubyte.gz} file. */
    public static void writeLabels(Path file, LabelledImages images) {
        write(file, IdxReader.LABELS_MAGIC, new int[] {images.count()}, images.labels());
    }

    private static void write(Path file, int magic, int[] dims, byte[] data) {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
            out.writeInt(magic);
            for (int d : dims)
                out.writeInt(d);
            out.write(data);
        } catch (IOException e) {
            throw new UserInputException("%s: cannot write: %s".formatted(file, e.getMessage()), e);
        }
    }
}
