package org.bitsweep.workloads.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes .npy and safetensors files byte by byte, independently of the readers under test, so that tests can make
 * both good files and precisely broken ones. Values are given as raw codes, so a test states the exact bits.
 */
final class TensorFileBytes {
    private TensorFileBytes() {
    }

    /** float32 values in the given byte order. */
    static byte[] f4(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values)
            b.putInt(Float.floatToRawIntBits(v));
        return b.array();
    }

    /** 16-bit codes (float16 or bfloat16) in the given byte order. */
    static byte[] codes16(ByteOrder order, int... codes) {
        ByteBuffer b = ByteBuffer.allocate(codes.length * 2).order(order);
        for (int c : codes)
            b.putShort((short) c);
        return b.array();
    }

    /**
     * A .npy file: magic, version {@code major}.0, the header length (2 bytes for 1.0, 4 for 2.0 and 3.0), the dict
     * padded with spaces and a newline to a multiple of 64 bytes, then {@code data}.
     */
    static byte[] npy(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        int prelude = 6 + 2 + lengthBytes;
        int headerBytes = dict.length() + 1;
        headerBytes += (64 - (prelude + headerBytes) % 64) % 64;
        ByteBuffer b = ByteBuffer.allocate(prelude + headerBytes + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1)
            b.putShort((short) headerBytes);
        else
            b.putInt(headerBytes);
        String padded = dict + " ".repeat(headerBytes - dict.length() - 1) + "\n";
        b.put(padded.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        return b.put(data).array();
    }

    /** The header dict NumPy writes, for a descr, an axis order and a shape such as {@code "(2, 3)"}. */
    static String dict(String descr, boolean fortranOrder, String shape) {
        return "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }"
                .formatted(descr, fortranOrder ? "True" : "False", shape);
    }

    /** A safetensors file: 8-byte little-endian header length, the header as given, then the buffer. */
    static byte[] safetensors(String headerJson, byte[] buffer) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length + buffer.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).put(buffer).array();
    }

    static Path write(Path dir, String fileName, byte[] bytes) {
        try {
            return Files.write(dir.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a well-formed safetensors file, tensors laid out back to back in the order added. */
    static final class Safetensors {
        private final List<String> entries = new ArrayList<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private String metadata = "";

        Safetensors add(String name, String dtype, int[] shape, byte[] data) {
            int begin = buffer.size();
            buffer.writeBytes(data);
            entries.add("\"%s\": {\"dtype\": \"%s\", \"shape\": %s, \"data_offsets\": [%d, %d]}".formatted(name, dtype,
                    Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]")),
                    begin, buffer.size()));
            return this;
        }

        Safetensors metadata(String key, String value) {
            metadata = "\"__metadata__\": {\"%s\": \"%s\"}, ".formatted(key, value);
            return this;
        }

        byte[] bytes() {
            return safetensors("{" + metadata + String.join(", ", entries) + "}", buffer.toByteArray());
        }
    }
}
