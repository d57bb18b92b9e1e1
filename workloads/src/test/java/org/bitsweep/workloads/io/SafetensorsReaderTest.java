package org.bitsweep.workloads.io;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bitsweep.workloads.io.TensorFileBytes.codes16;
import static org.bitsweep.workloads.io.TensorFileBytes.f4;
import static org.bitsweep.workloads.io.TensorFileBytes.safetensors;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsReaderTest {
    static final String EXAMPLE = "{\"w\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [0, 16]}}";

    @TempDir
    Path dir;

    private Path file(byte[] bytes) {
        return TensorFileBytes.write(dir, "m.safetensors", bytes);
    }

    /** Three tensors, one per dtype, and metadata, which the reader skips. */
    private Path threeTensors() {
        return file(new TensorFileBytes.Safetensors()
                .metadata("format", "pt")
                .add("layer.weight", "F32", new int[] {2, 2}, f4(LITTLE_ENDIAN, 1, -2, 0.5f, 3e-39f))
                // float16: 0x3c00 = 1, 0x3555 = 1365/4096 (the float16 nearest 1/3), 0x7bff = 65504, 0xfc00 = −∞
                .add("layer.half", "F16", new int[] {4}, codes16(LITTLE_ENDIAN, 0x3c00, 0x3555, 0x7bff, 0xfc00))
                // bfloat16: 0x4049 → 0x40490000 = 3.140625, 0x7fc0 → NaN
                .add("layer.bf", "BF16", new int[] {1, 2}, codes16(LITTLE_ENDIAN, 0x4049, 0x7fc0))
                .bytes());
    }

    @Test
    void listsTheTensorNamesInHeaderOrderWithoutMetadata() {
        assertThat(SafetensorsReader.names(threeTensors())).containsExactly("layer.weight", "layer.half", "layer.bf");
    }

    @Test
    void readsF32F16AndBf16Exactly() {
        Path p = threeTensors();
        TensorData w = SafetensorsReader.read(p, "layer.weight");
        assertThat(w.name()).isEqualTo("layer.weight");
        assertThat(w.shape()).containsExactly(2, 2);
        assertThat(w.data()).containsExactly(1, -2, 0.5f, 3e-39f);
        assertThat(SafetensorsReader.read(p, "layer.half").data())
                .containsExactly(1, 0.333251953125f, 65504, Float.NEGATIVE_INFINITY);
        TensorData bf = SafetensorsReader.read(p, "layer.bf");
        assertThat(bf.shape()).containsExactly(1, 2);
        assertThat(bf.data()).containsExactly(3.140625f, Float.NaN);
    }

    @Test
    void readsTheOnlyTensorWithoutAName() {
        Path p = file(new TensorFileBytes.Safetensors().add("bias", "F32", new int[] {}, f4(LITTLE_ENDIAN, 7))
                .bytes());
        TensorData t = SafetensorsReader.read(p);
        assertThat(t.name()).isEqualTo("bias");
        assertThat(t.shape()).isEmpty();
        assertThat(t.data()).containsExactly(7);
    }

    @Test
    void withoutANameSeveralTensorsAreListed() {
        Path p = threeTensors();
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": holds 3 tensors; name one of them: layer.weight, layer.half, layer.bf");
    }

    @Test
    void anUnknownNameListsTheValidNames() {
        Path p = threeTensors();
        assertThatThrownBy(() -> SafetensorsReader.read(p, "layer.wieght")).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": tensor \"layer.wieght\": not in the file; "
                        + "valid: layer.weight, layer.half, layer.bf");
    }

    @Test
    void aHeaderLengthPastTheEndOfTheFileIsReported() {
        // 8-byte length 1000, then only 20 bytes
        byte[] bytes = ByteBuffer.allocate(28).order(LITTLE_ENDIAN).putLong(1000).array();
        Path p = file(bytes);
        assertThatThrownBy(() -> SafetensorsReader.names(p)).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": header length: says 1000 bytes, but the file has only 20 bytes after the 8-byte "
                        + "length field; the file is truncated or is not a safetensors file");
        // a length with the top bit set is a huge unsigned number, not a negative one
        Path q = file(ByteBuffer.allocate(8).order(LITTLE_ENDIAN).putLong(-1).array());
        assertThatThrownBy(() -> SafetensorsReader.names(q)).hasMessageStartingWith(
                q + ": header length: says 18446744073709551615 bytes, but the file has only 0 bytes");
        Path tiny = file(new byte[3]);
        assertThatThrownBy(() -> SafetensorsReader.names(tiny)).hasMessage(tiny + ": header length: the file has "
                + "only 3 bytes; a safetensors file starts with an 8-byte header length");
    }

    @Test
    void invalidJsonSaysWhere() {
        Path p = file(safetensors("{\"w\": {\"dtype\": \"F32\",}}", new byte[0]));
        assertThatThrownBy(() -> SafetensorsReader.names(p)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(p + ": header: invalid JSON at byte ")
                .hasMessageEndingWith("; valid: a JSON object like " + EXAMPLE);
        Path array = file(safetensors("[1, 2]", new byte[0]));
        assertThatThrownBy(() -> SafetensorsReader.names(array))
                .hasMessage(array + ": header: is array, not a JSON object; valid: a JSON object like " + EXAMPLE);
    }

    @Test
    void anUnknownDtypeIsNamedAndTheValidOnesListed() {
        Path p = file(safetensors("{\"ids\": {\"dtype\": \"I64\", \"shape\": [2], \"data_offsets\": [0, 16]}}",
                new byte[16]));
        assertThatThrownBy(() -> SafetensorsReader.read(p, "ids")).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": tensor \"ids\": dtype: \"I64\" is not supported; valid: F32, F16, BF16");
    }

    @Test
    void anUnsupportedNeighbourDoesNotStopReadingASupportedTensor() {
        Path p = file(new TensorFileBytes.Safetensors().add("ids", "I64", new int[] {1}, new byte[8])
                .add("w", "F32", new int[] {1}, f4(LITTLE_ENDIAN, 2)).bytes());
        assertThat(SafetensorsReader.read(p, "w").data()).containsExactly(2);
    }

    @Test
    void offsetsThatDoNotMatchTheShapeGiveTheRightSpan() {
        // [3, 4] of F32 is 12 values × 4 bytes = 48 bytes; the offsets span 40
        Path p = file(safetensors("{\"w\": {\"dtype\": \"F32\", \"shape\": [3, 4], \"data_offsets\": [0, 40]}}",
                new byte[48]));
        assertThatThrownBy(() -> SafetensorsReader.read(p, "w")).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": tensor \"w\": data_offsets: [0, 40] span 40 bytes, but shape [3,4] of F32 needs "
                        + "48 (12 values × 4 bytes); valid: [0, 48]");
    }

    @Test
    void offsetsPastTheBufferAreReported() {
        // the header is right, but the buffer holds only 40 of the 48 bytes
        Path p = file(safetensors("{\"w\": {\"dtype\": \"BF16\", \"shape\": [24], \"data_offsets\": [0, 48]}}",
                new byte[40]));
        assertThatThrownBy(() -> SafetensorsReader.read(p, "w")).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": tensor \"w\": data_offsets: [0, 48] end past the data buffer, which has 40 bytes; "
                        + "the file is truncated or its header is wrong");
        Path q = file(safetensors("{\"w\": {\"dtype\": \"F16\", \"shape\": [2], \"data_offsets\": [4, 0]}}",
                new byte[4]));
        assertThatThrownBy(() -> SafetensorsReader.read(q, "w")).hasMessage(q + ": tensor \"w\": data_offsets: "
                + "[4,0] is not [begin, end] with 0 <= begin <= end; valid: e.g. [0, 16], byte offsets into the data "
                + "after the header");
    }

    @Test
    void readsATensorAtItsOffsetWithoutTheOthers() {
        // the second tensor starts 8 bytes into the buffer; trailing header spaces are allowed by the format
        byte[] buffer = new byte[16];
        System.arraycopy(f4(LITTLE_ENDIAN, 9, 10), 0, buffer, 8, 8);
        Path p = file(safetensors("{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}, "
                + "\"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [8, 16]}}   ", buffer));
        assertThat(SafetensorsReader.read(p, "b").data()).containsExactly(9, 10);
        assertThat(SafetensorsReader.read(p, "a").data()).containsExactly(0, 0);
    }

    @Test
    void badShapesAreUserErrors() {
        Path p = file(safetensors("{\"w\": {\"dtype\": \"F32\", \"shape\": [2, 0], \"data_offsets\": [0, 0]}}",
                new byte[0]));
        assertThatThrownBy(() -> SafetensorsReader.read(p, "w")).hasMessage(p + ": tensor \"w\": shape: [2,0] has 0; "
                + "this tool reads only tensors with at least one value, so every dimension must be an integer >= 1");
        Path q = file(safetensors("{\"w\": {\"dtype\": \"F32\", \"data_offsets\": [0, 0]}}", new byte[0]));
        assertThatThrownBy(() -> SafetensorsReader.read(q, "w"))
                .hasMessage(q + ": tensor \"w\": shape: missing is not a list of integers; "
                        + "valid: e.g. [], [3], [3, 4]");
    }

    @Test
    void aLargeBufferIsReadInChunks() {
        // 600,000 F32 values = 2.4 MB, more than two of the reader's 1 MiB chunks; value i is i
        float[] values = new float[600_000];
        for (int i = 0; i < values.length; i++)
            values[i] = i;
        Path p = file(new TensorFileBytes.Safetensors().add("w", "F32", new int[] {600, 1000},
                f4(LITTLE_ENDIAN, values)).bytes());
        assertThat(SafetensorsReader.read(p, "w").data()).isEqualTo(values);
    }
}
