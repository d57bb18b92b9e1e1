package org.bitsweep.workloads.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.bitsweep.workloads.UserInputException;

/**
 * Writes a tensor as a float32 little-endian .npy file, format 1.0, so that users can open our tensors with their
 * own tools. The bytes are those {@code np.save} writes for a C-ordered {@code <f4} array (NumPy 2.x,
 * {@code _write_array_header} in {@code numpy/lib/format.py}): the header dict in sorted key order, spare spaces so
 * the first dimension can grow to 21 digits in place, then spaces and a newline so the data starts at a multiple of
 * 64 bytes (NumPy's {@code ARRAY_ALIGN}, so a memory map of the data is aligned).
 */
public final class NpyWriter {
    private static final int ARRAY_ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int PRELUDE_BYTES = NpyReader.MAGIC.length + 2 + 2;
    private static final int CHUNK_FLOATS = 1 << 18;

    private NpyWriter() {
    }

    /**
     * Creates or replaces {@code path}.
     *
     * @throws UserInputException when the file cannot be written
     */
    public static void write(Path path, TensorData tensor) {
        float[] values = tensor.data();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(channel, ByteBuffer.wrap(header(tensor.shape())));
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
                chunk.clear();
                chunk.asFloatBuffer().put(values, from, Math.min(CHUNK_FLOATS, values.length - from));
                chunk.limit(Math.min(CHUNK_FLOATS, values.length - from) * Float.BYTES);
                writeFully(channel, chunk);
            }
        } catch (IOException e) {
            throw IoErrors.cannot("write", path.toString(), e);
        }
    }

    /** Magic, version 1.0, header length, and the padded header: everything before the data. */
    static byte[] header(int[] shape) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + NpyHeader.pythonTuple(shape) + ", }"
                + (shape.length == 0 ? "" : " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        int unpadded = PRELUDE_BYTES + dict.length() + 1;   // + 1 for the final newline
        int padded = dict.length() + 1 + ARRAY_ALIGN - unpadded % ARRAY_ALIGN;
        if (padded > 0xffff)
            throw new IllegalArgumentException("a %d-dimensional shape does not fit a .npy 1.0 header"
                    .formatted(shape.length));
        ByteBuffer header = ByteBuffer.allocate(PRELUDE_BYTES + padded).order(ByteOrder.LITTLE_ENDIAN);
        header.put(NpyReader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded);
        header.put((dict + " ".repeat(padded - dict.length() - 1) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        return header.array();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining())
            channel.write(buffer);
    }
}
