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
 * Reads one array from a NumPy .npy file, format version 1.0, 2.0 or 3.0: the magic {@code \x93NUMPY}, a major and
 * a minor version byte, the header length (uint16 little-endian in 1.0, uint32 in 2.0 and 3.0), the header (a
 * Python dict literal, latin-1 in 1.0 and 2.0, UTF-8 in 3.0), then the raw data.
 *
 * <p>Accepted dtypes ({@code descr}): {@code <f4 >f4} (float32), {@code <f2 >f2} (float16), and bfloat16 under the
 * names it really gets. NumPy has no bfloat16; ml_dtypes registers one as a legacy user dtype of kind {@code 'V'}
 * (void), byte order {@code '='} and size 2 ({@code GetCustomFloatDescrProto} in
 * {@code jax-ml/ml_dtypes:ml_dtypes/_src/floats.cc}, which explains that kind {@code 'f'} would make NumPy 1.x
 * confuse it with float16). {@code np.save} writes a legacy dtype's {@code dtype.str} ({@code dtype_to_descr} in
 * {@code numpy/lib/format.py}), which for that prototype is {@code '<V2'} on a little-endian machine; ml_dtypes issue
 * #41 ("bfloat16 &amp; other custom dtypes incompatible with np.save") shows {@code np.load} of such a file giving
 * raw 2-byte voids, and issue #216 quotes the {@code '<V1'} headers of its 1-byte types. So we read {@code '<V2'} as
 * bfloat16 ({@code '>V2'} from a big-endian machine), and also {@code '|V2'}, which is what the voids of a file
 * loaded with {@code np.load} are saved as again, and {@code 'bfloat16'}, which is what a header gets when written
 * by hand from {@code str(a.dtype)}, the workaround shown in issue #41. A 2-byte void is not always bfloat16, but
 * ml_dtypes has no other 2-byte type, and Keras makes the same assumption for h5py files.
 *
 * <p>{@code fortran_order: True} arrays are reordered to row-major, so callers always see C order. Object arrays,
 * structured dtypes, and arrays with a zero dimension are rejected.
 */
public final class NpyReader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int VERSION_END = MAGIC.length + 2;
    // NumPy refuses headers over 10,000 characters unless told to trust the file; allow more, but not without bound.
    private static final long MAX_HEADER_BYTES = 1 << 20;

    private NpyReader() {
    }

    /**
     * @return the array, named after the file without {@code .npy}, in row-major order
     * @throws UserInputException when the file cannot be read or is not a .npy file of an accepted dtype
     */
    public static TensorData read(Path path) {
        String file = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long fileBytes = channel.size();
            ByteBuffer prelude = readUpTo(channel, 0, VERSION_END + 4);
            checkMagic(file, prelude);
            if (prelude.limit() < VERSION_END)
                throw new UserInputException(file + ": version: the file ends inside the version bytes; "
                        + "the file is truncated");
            int major = prelude.get(MAGIC.length) & 0xff;
            int minor = prelude.get(MAGIC.length + 1) & 0xff;
            if (major < 1 || major > 3 || minor != 0)
                throw new UserInputException("%s: version: %d.%d is not a .npy format version; valid: 1.0, 2.0, 3.0"
                        .formatted(file, major, minor));
            int lengthBytes = major == 1 ? 2 : 4;
            if (prelude.limit() < VERSION_END + lengthBytes)
                throw new UserInputException(file + ": header: the file ends inside the header length field; "
                        + "the file is truncated");
            long headerBytes = major == 1 ? prelude.getShort(VERSION_END) & 0xffffL
                    : prelude.getInt(VERSION_END) & 0xffff_ffffL;
            if (headerBytes > MAX_HEADER_BYTES)
                throw new UserInputException(("%s: header: the header length field says %d bytes; a float "
                        + "array's header is well under %d").formatted(file, headerBytes, MAX_HEADER_BYTES));
            long dataStart = VERSION_END + lengthBytes + headerBytes;
            if (dataStart > fileBytes)
                throw new UserInputException(("%s: header: the header length field says %d bytes, but only %d "
                        + "bytes follow it; the file is truncated").formatted(file, headerBytes,
                        fileBytes - VERSION_END - lengthBytes));
            ByteBuffer headerBuffer = readUpTo(channel, VERSION_END + lengthBytes, (int) headerBytes);
            String headerText = new String(headerBuffer.array(), 0, headerBuffer.limit(),
                    major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            NpyHeader header = NpyHeader.parse(file, headerText);
            long dataBytes = fileBytes - dataStart;
            if (dataBytes != header.dataBytes())
                throw new UserInputException(("%s: header says shape %s of %s = %d bytes of data, file has %d; "
                        + "a .npy file holds exactly the data its header declares").formatted(file,
                        NpyHeader.pythonTuple(header.shape()), header.descr(), header.dataBytes(), dataBytes));
            float[] values = ElementReader.read(channel, dataStart, header.elements(), header.type(),
                    header.order());
            return new TensorData(stem(path), header.shape(),
                    header.fortranOrder() ? toRowMajor(values, header.shape()) : values);
        } catch (IOException e) {
            throw IoErrors.cannot("read", file, e);
        }
    }

    private static ByteBuffer readUpTo(FileChannel channel, long position, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long at = position;
        int n;
        while (buffer.hasRemaining() && (n = channel.read(buffer, at)) >= 0)
            at += n;
        return buffer.flip();
    }

    private static void checkMagic(String file, ByteBuffer prelude) {
        boolean ok = prelude.limit() >= MAGIC.length;
        for (int i = 0; ok && i < MAGIC.length; i++)
            ok = prelude.get(i) == MAGIC[i];
        if (!ok) {
            StringBuilder start = new StringBuilder();
            for (int i = 0; i < Math.min(prelude.limit(), MAGIC.length); i++) {
                int b = prelude.get(i) & 0xff;
                start.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : "\\x%02x".formatted(b));
            }
            throw new UserInputException(("%s: magic: the file starts with \"%s\"; a .npy file starts with "
                    + "\"\\x93NUMPY\" (a .npz is a zip of .npy files: unzip it first)").formatted(file, start));
        }
    }

    /**
     * Column-major (Fortran) data of {@code shape} in row-major order. Walks the row-major indices like an odometer,
     * last axis fastest, keeping the matching column-major offset, whose stride for an axis is the product of the
     * dimensions before it.
     */
    static float[] toRowMajor(float[] columnMajor, int[] shape) {
        int axes = shape.length;
        int[] stride = new int[axes];
        for (int a = 0; a < axes; a++)
            stride[a] = a == 0 ? 1 : stride[a - 1] * shape[a - 1];
        int[] index = new int[axes];
        float[] rowMajor = new float[columnMajor.length];
        int offset = 0;
        for (int k = 0; k < rowMajor.length; k++) {
            rowMajor[k] = columnMajor[offset];
            for (int a = axes - 1; a >= 0; a--) {
                offset += stride[a];
                if (++index[a] < shape[a])
                    break;
                offset -= stride[a] * shape[a];
                index[a] = 0;
            }
        }
        return rowMajor;
    }

    private static String stem(Path path) {
        Path name = path.getFileName();
        String s = name == null ? path.toString() : name.toString();
        return s.endsWith(".npy") && s.length() > 4 ? s.substring(0, s.length() - 4) : s;
    }
}
