package org.bitsweep.workloads.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.bitsweep.workloads.UserInputException;

/**
 * The JSON header of a safetensors file, and where its data buffer lies. Only the tensor asked for is checked in
 * depth, so a checkpoint that also holds, say, int64 position ids still yields its float weights.
 */
final class SafetensorsHeader {
    static final String METADATA_KEY = "__metadata__";
    private static final int LENGTH_BYTES = 8;
    // The limit of the reference implementation (MAX_HEADER_SIZE in huggingface/safetensors, src/tensor.rs).
    private static final long MAX_HEADER_BYTES = 100_000_000;
    private static final int MAX_NAMES_LISTED = 40;
    private static final Map<String, ElementType> DTYPES =
            Map.of("F32", ElementType.FLOAT32, "F16", ElementType.FLOAT16, "BF16", ElementType.BFLOAT16);
    private static final String VALID_DTYPES = "F32, F16, BF16";
    private static final String EXAMPLE = "{\"w\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [0, 16]}}";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One tensor's entry, checked against the dtypes we decode and against the data buffer. */
    record Entry(String name, ElementType type, int[] shape, long begin, long end) {
        Entry {
            shape = shape.clone();
        }

        int elements() {
            return (int) ((end - begin) / type.bytes());
        }
    }

    private final String file;
    private final long bufferStart;
    private final long bufferBytes;
    private final Map<String, JsonNode> tensors;

    private SafetensorsHeader(String file, long bufferStart, long bufferBytes, Map<String, JsonNode> tensors) {
        this.file = file;
        this.bufferStart = bufferStart;
        this.bufferBytes = bufferBytes;
        this.tensors = tensors;
    }

    /** Reads the length and the JSON header, and nothing of the data. */
    static SafetensorsHeader read(FileChannel channel, String file) throws IOException {
        long fileBytes = channel.size();
        if (fileBytes < LENGTH_BYTES)
            throw new UserInputException(("%s: header length: the file has only %d bytes; a safetensors file "
                    + "starts with an 8-byte header length").formatted(file, fileBytes));
        long headerBytes = readFully(channel, 0, LENGTH_BYTES).getLong();
        if (Long.compareUnsigned(headerBytes, fileBytes - LENGTH_BYTES) > 0)
            throw new UserInputException(("%s: header length: says %s bytes, but the file has only %d bytes after "
                    + "the 8-byte length field; the file is truncated or is not a safetensors file")
                    .formatted(file, Long.toUnsignedString(headerBytes), fileBytes - LENGTH_BYTES));
        if (headerBytes > MAX_HEADER_BYTES)
            throw new UserInputException("%s: header length: %d bytes is over the %d that safetensors allows"
                    .formatted(file, headerBytes, MAX_HEADER_BYTES));
        JsonNode root = parse(file, readFully(channel, LENGTH_BYTES, (int) headerBytes).array());
        Map<String, JsonNode> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties())
            if (!e.getKey().equals(METADATA_KEY))
                tensors.put(e.getKey(), e.getValue());
        long bufferStart = LENGTH_BYTES + headerBytes;
        return new SafetensorsHeader(file, bufferStart, fileBytes - bufferStart, tensors);
    }

    /** The tensor names in the order the header lists them. */
    List<String> names() {
        return List.copyOf(tensors.keySet());
    }

    /** Where the data buffer starts in the file, in bytes; data offsets count from here. */
    long bufferStart() {
        return bufferStart;
    }

    /** Checks one tensor's entry: its dtype, its shape, and that its offsets hold exactly its data. */
    Entry entry(String name) {
        JsonNode node = tensors.get(name);
        if (node == null)
            throw new UserInputException("%s: tensor \"%s\": not in the file; valid: %s"
                    .formatted(file, name, listed(names())));
        String where = "%s: tensor \"%s\"".formatted(file, name);
        if (name.isBlank())
            throw new UserInputException(where + ": a tensor name must not be blank");
        if (!node.isObject())
            throw new UserInputException("%s: is %s, not an object; valid: e.g. %s"
                    .formatted(where, node, EXAMPLE));
        JsonNode dtypeNode = node.path("dtype");
        ElementType type = DTYPES.get(dtypeNode.asText());
        if (!dtypeNode.isTextual() || type == null)
            throw new UserInputException("%s: dtype: %s is not supported; valid: %s"
                    .formatted(where, dtypeNode.isMissingNode() ? "missing" : dtypeNode, VALID_DTYPES));
        int[] shape = shape(where, node.path("shape"));
        long elements = 1;
        for (int dim : shape)
            elements *= dim;
        long[] offsets = offsets(where, node.path("data_offsets"));
        long spanBytes = offsets[1] - offsets[0];
        if (spanBytes != elements * type.bytes())
            throw new UserInputException(("%s: data_offsets: [%d, %d] span %d bytes, but shape %s of %s needs %d "
                    + "(%d values × %d bytes); valid: [%d, %d]").formatted(where, offsets[0], offsets[1], spanBytes,
                    node.path("shape"), dtypeNode.asText(), elements * type.bytes(), elements, type.bytes(),
                    offsets[0], offsets[0] + elements * type.bytes()));
        if (offsets[1] > bufferBytes)
            throw new UserInputException(("%s: data_offsets: [%d, %d] end past the data buffer, which has %d bytes; "
                    + "the file is truncated or its header is wrong").formatted(where, offsets[0], offsets[1],
                    bufferBytes));
        return new Entry(name, type, shape, offsets[0], offsets[1]);
    }

    /** Names for an error message, cut short for checkpoints with hundreds of tensors. */
    static String listed(List<String> names) {
        if (names.isEmpty())
            return "none, the file holds no tensors";
        String shown = names.stream().limit(MAX_NAMES_LISTED).collect(Collectors.joining(", "));
        return names.size() <= MAX_NAMES_LISTED ? shown
                : "%s and %d more".formatted(shown, names.size() - MAX_NAMES_LISTED);
    }

    private static JsonNode parse(String file, byte[] header) {
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at byte " + (LENGTH_BYTES + e.getLocation().getByteOffset());
            throw new UserInputException("%s: header: invalid JSON%s: %s; valid: a JSON object like %s"
                    .formatted(file, at, e.getOriginalMessage().replace('\n', ' '), EXAMPLE), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from a byte array", e);
        }
        if (root == null || !root.isObject())
            throw new UserInputException("%s: header: is %s, not a JSON object; valid: a JSON object like %s"
                    .formatted(file, root == null ? "empty" : root.getNodeType().toString().toLowerCase(), EXAMPLE));
        return root;
    }

    private static int[] shape(String where, JsonNode shape) {
        if (!shape.isArray())
            throw new UserInputException("%s: shape: %s is not a list of integers; valid: e.g. [], [3], [3, 4]"
                    .formatted(where, shape.isMissingNode() ? "missing" : shape));
        int[] dims = new int[shape.size()];
        long elements = 1;
        for (int i = 0; i < dims.length; i++) {
            JsonNode dim = shape.get(i);
            if (!dim.isIntegralNumber() || !dim.canConvertToLong() || dim.asLong() < 1)
                throw new UserInputException(("%s: shape: %s has %s; this tool reads only tensors with at least one "
                        + "value, so every dimension must be an integer >= 1").formatted(where, shape, dim));
            elements *= Math.min(dim.asLong(), Integer.MAX_VALUE + 1L);   // below 2^62 while checked step by step
            if (elements > Integer.MAX_VALUE)
                throw new UserInputException("%s: shape: %s holds more than %d values, the most one tensor can hold"
                        .formatted(where, shape, Integer.MAX_VALUE));
            dims[i] = (int) dim.asLong();
        }
        return dims;
    }

    private static long[] offsets(String where, JsonNode offsets) {
        boolean ok = offsets.isArray() && offsets.size() == 2;
        for (int i = 0; ok && i < 2; i++)
            ok = offsets.get(i).isIntegralNumber() && offsets.get(i).canConvertToLong() && offsets.get(i).asLong() >= 0;
        if (!ok || offsets.get(0).asLong() > offsets.get(1).asLong())
            throw new UserInputException(("%s: data_offsets: %s is not [begin, end] with 0 <= begin <= end; "
                    + "valid: e.g. [0, 16], byte offsets into the data after the header")
                    .formatted(where, offsets.isMissingNode() ? "missing" : offsets));
        return new long[] {offsets.get(0).asLong(), offsets.get(1).asLong()};
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0)
                throw new IOException("file ended at byte %d while reading the header".formatted(at));
            at += n;
        }
        return buffer.flip();
    }
}
