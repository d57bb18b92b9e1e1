package org.bitsweep.workloads.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.bitsweep.workloads.UserInputException;

/**
 * Reads tensors from a safetensors file (Hugging Face): an 8-byte little-endian header length N, N bytes of UTF-8
 * JSON mapping each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (plus an optional
 * {@code "__metadata__"} map of strings, ignored here), then the data buffer, into which the offsets point.
 *
 * <p>Decodes {@code F32}, {@code F16} and {@code BF16}, little-endian as the format fixes. Only the header and the
 * bytes of the requested tensor are read, at their file position, so one layer of a multi-GB checkpoint costs only
 * its own size.
 */
public final class SafetensorsReader {
    private SafetensorsReader() {
    }

    /**
     * @return the tensor names in header order, without {@code __metadata__}
     * @throws UserInputException when the file cannot be read or its header is not a safetensors header
     */
    public static List<String> names(Path path) {
        String file = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return SafetensorsHeader.read(channel, file).names();
        } catch (IOException e) {
            throw IoErrors.cannot("read", file, e);
        }
    }

    /**
     * @throws UserInputException when the file cannot be read, the name is not in it (the message lists the names),
     *                            or the tensor's entry is of another dtype or does not match the data
     */
    public static TensorData read(Path path, String tensorName) {
        String file = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(channel, SafetensorsHeader.read(channel, file), tensorName);
        } catch (IOException e) {
            throw IoErrors.cannot("read", file, e);
        }
    }

    /**
     * The file's only tensor, for files that hold one.
     *
     * @throws UserInputException when the file holds several tensors (the message lists them) or none
     */
    public static TensorData read(Path path) {
        String file = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            SafetensorsHeader header = SafetensorsHeader.read(channel, file);
            List<String> names = header.names();
            if (names.isEmpty())
                throw new UserInputException(file + ": holds no tensors; valid: a file with at least one");
            if (names.size() != 1)
                throw new UserInputException("%s: holds %d tensors; name one of them: %s"
                        .formatted(file, names.size(), SafetensorsHeader.listed(names)));
            return read(channel, header, names.get(0));
        } catch (IOException e) {
            throw IoErrors.cannot("read", file, e);
        }
    }

    private static TensorData read(FileChannel channel, SafetensorsHeader header, String tensorName)
            throws IOException {
        SafetensorsHeader.Entry entry = header.entry(tensorName);
        float[] values = ElementReader.read(channel, header.bufferStart() + entry.begin(), entry.elements(),
                entry.type(), ByteOrder.LITTLE_ENDIAN);
        return new TensorData(entry.name(), entry.shape(), values);
    }
}
