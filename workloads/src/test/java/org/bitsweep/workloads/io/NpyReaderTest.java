package org.bitsweep.workloads.io;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bitsweep.workloads.io.TensorFileBytes.codes16;
import static org.bitsweep.workloads.io.TensorFileBytes.dict;
import static org.bitsweep.workloads.io.TensorFileBytes.f4;
import static org.bitsweep.workloads.io.TensorFileBytes.npy;

import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReaderTest {
    static final String VALID = "valid: '<f4', '>f4' (float32), '<f2', '>f2' (float16), "
            + "'<V2', '|V2', '>V2', 'bfloat16' (bfloat16, as ml_dtypes arrays are saved)";

    @TempDir
    Path dir;

    private Path file(byte[] bytes) {
        return TensorFileBytes.write(dir, "w.npy", bytes);
    }

    @Test
    void readsFloat32InBothByteOrders() {
        float[] values = {1, -2, 0.5f, 3e-39f};   // 3e-39 is a float32 subnormal, kept as is
        for (ByteOrder order : new ByteOrder[] {LITTLE_ENDIAN, BIG_ENDIAN}) {
            String descr = order == LITTLE_ENDIAN ? "<f4" : ">f4";
            TensorData t = NpyReader.read(file(npy(1, dict(descr, false, "(2, 2)"), f4(order, values))));
            assertThat(t.name()).isEqualTo("w");
            assertThat(t.shape()).containsExactly(2, 2);
            assertThat(t.data()).containsExactly(values);
        }
    }

    @Test
    void readsFloat16CodesExactlyInBothByteOrders() {
        // 0x3c00 = 1, 0xc000 = −2, 0x3800 = 2^−1, 0x0001 = 2^−24 (subnormal), 0x7c00 = +∞, 0x7e00 = NaN
        int[] codes = {0x3c00, 0xc000, 0x3800, 0x0001, 0x7c00, 0x7e00};
        float[] expected = {1, -2, 0.5f, 0x1p-24f, Float.POSITIVE_INFINITY, Float.NaN};
        assertThat(NpyReader.read(file(npy(1, dict("<f2", false, "(6,)"), codes16(LITTLE_ENDIAN, codes)))).data())
                .containsExactly(expected);
        assertThat(NpyReader.read(file(npy(1, dict(">f2", false, "(2, 3)"), codes16(BIG_ENDIAN, codes)))).data())
                .containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<V2", "|V2", "bfloat16"})
    void readsBfloat16UnderTheNamesMlDtypesFilesCarry(String descr) {
        // bfloat16 is the top half of a float32: 0x3f80 → 0x3f800000 = 1, 0x4049 → 0x40490000 = 3.140625
        byte[] data = codes16(LITTLE_ENDIAN, 0x3f80, 0x4049, 0xc000, 0x3f00);
        assertThat(NpyReader.read(file(npy(1, dict(descr, false, "(4,)"), data))).data())
                .containsExactly(1, 3.140625f, -2, 0.5f);
    }

    @Test
    void readsBigEndianBfloat16() {
        byte[] data = codes16(BIG_ENDIAN, 0x3f80, 0x4049);
        assertThat(NpyReader.read(file(npy(1, dict(">V2", false, "(2,)"), data))).data())
                .containsExactly(1, 3.140625f);
    }

    @Test
    void readsVersionsTwoAndThree() {
        for (int major : new int[] {2, 3}) {
            TensorData t = NpyReader.read(file(npy(major, dict("<f4", false, "(3,)"), f4(LITTLE_ENDIAN, 1, 2, 3))));
            assertThat(t.data()).as("version %d.0", major).containsExactly(1, 2, 3);
        }
    }

    @Test
    void reordersFortranOrderToRowMajor() {
        // [[1, 2, 3], [4, 5, 6]] in column-major order is 1, 4, 2, 5, 3, 6
        TensorData matrix = NpyReader.read(file(npy(1, dict("<f4", true, "(2, 3)"),
                f4(LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6))));
        assertThat(matrix.data()).containsExactly(1, 2, 3, 4, 5, 6);
        // (2, 2, 2) with value 100i + 10j + k; column-major runs i fastest, then j, then k
        TensorData cube = NpyReader.read(file(npy(1, dict("<f4", true, "(2, 2, 2)"),
                f4(LITTLE_ENDIAN, 0, 100, 10, 110, 1, 101, 11, 111))));
        assertThat(cube.data()).containsExactly(0, 1, 10, 11, 100, 101, 110, 111);
    }

    @Test
    void readsScalarsAndVectors() {
        TensorData scalar = NpyReader.read(file(npy(1, dict("<f4", false, "()"), f4(LITTLE_ENDIAN, 7))));
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.data()).containsExactly(7);
        TensorData vector = NpyReader.read(file(npy(1, dict("<f4", false, "(2,)"), f4(LITTLE_ENDIAN, 7, 8))));
        assertThat(vector.shape()).containsExactly(2);
    }

    @Test
    void readsHeadersWithKeysInAnyOrderAndDoubleQuotes() {
        String header = "{\"shape\": (1, 2), \"fortran_order\": False, \"descr\": \"<f4\"}";
        assertThat(NpyReader.read(file(npy(1, header, f4(LITTLE_ENDIAN, 5, 6)))).data()).containsExactly(5, 6);
    }

    @Test
    void readsFilesWrittenByNumpy() throws URISyntaxException {
        // np.arange(6).reshape(2, 3) / 4, saved by NumPy 2.4.6 (see src/test/resources/io/README.md)
        TensorData a = NpyReader.read(resource("numpy_f4_2x3.npy"));
        assertThat(a.name()).isEqualTo("numpy_f4_2x3");
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.data()).containsExactly(0, 0.25f, 0.5f, 0.75f, 1, 1.25f);
        // [[1, -2], [0.1, inf], [-0.0, 65504]] as Fortran-ordered float16; float16(0.1) is 0x2e66:
        // e = 11, f = 614: (1024 + 614)/1024 · 2^(11 − 15) = 1638/16384 = 0.0999755859375
        TensorData h = NpyReader.read(resource("numpy_f2_fortran_3x2.npy"));
        assertThat(h.shape()).containsExactly(3, 2);
        assertThat(h.data()).containsExactly(1, -2, 0.0999755859375f, Float.POSITIVE_INFINITY, -0f, 65504);
        assertThat(NpyReader.read(resource("numpy_f4_v3_4.npy")).data()).containsExactly(1, 2, 3, 4);
        TensorData scalar = NpyReader.read(resource("numpy_f4be_scalar.npy"));
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.data()).containsExactly(1.5f);
    }

    @Test
    void aWrongDataLengthSaysWhatTheHeaderPromised() {
        // (3, 4) of <f4 is 12 values × 4 bytes = 48 bytes; the file has 10 values = 40 bytes
        Path p = file(npy(1, dict("<f4", false, "(3, 4)"), f4(LITTLE_ENDIAN, new float[10])));
        assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": header says shape (3, 4) of <f4 = 48 bytes of data, file has 40; "
                        + "a .npy file holds exactly the data its header declares");
        // (5,) of <f2 is 10 bytes; 12 is too many as well
        Path q = file(npy(1, dict("<f2", false, "(5,)"), new byte[12]));
        assertThatThrownBy(() -> NpyReader.read(q))
                .hasMessageStartingWith(q + ": header says shape (5,) of <f2 = 10 bytes of data, file has 12;");
    }

    @Test
    void anUnknownDtypeListsTheValidOnes() {
        Path p = file(npy(1, dict("<i4", false, "(2,)"), new byte[8]));
        assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": descr: unknown dtype '<i4'; " + VALID + "; convert with a.astype(np.float32)");
    }

    @Test
    void objectArraysAreRefused() {
        Path p = file(npy(1, dict("|O", false, "(2,)"), new byte[16]));
        assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": descr: '|O' is an object array, pickled Python objects rather than numbers; "
                        + VALID + "; save with np.save(path, a.astype(np.float32))");
    }

    @Test
    void structuredDtypesAreRefused() {
        Path p = file(npy(1, "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (2,), }", new byte[8]));
        assertThatThrownBy(() -> NpyReader.read(p))
                .hasMessage(p + ": descr: [[x, <f4]] is a structured dtype; " + VALID);
    }

    @Test
    void aFileThatIsNotNpySaysWhatItStartsWith() {
        Path p = file("PK\u0003\u0004 zip".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": magic: the file starts with \"PK\\x03\\x04 z\"; a .npy file starts with "
                        + "\"\\x93NUMPY\" (a .npz is a zip of .npy files: unzip it first)");
    }

    @Test
    void aTruncatedHeaderIsReported() {
        byte[] whole = npy(1, dict("<f4", false, "(2,)"), f4(LITTLE_ENDIAN, 1, 2));
        // the dict is 57 characters, + 1 newline, padded so that 10 + header is 128: the length field says 118;
        // cut after 40 bytes, 40 − 10 = 30 follow the length field
        Path p = file(Arrays.copyOf(whole, 40));
        assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": header: the header length field says 118 bytes, but only 30 bytes follow it; "
                        + "the file is truncated");
        Path q = file(Arrays.copyOf(whole, 9));
        assertThatThrownBy(() -> NpyReader.read(q))
                .hasMessage(q + ": header: the file ends inside the header length field; the file is truncated");
    }

    @Test
    void anUnknownVersionListsTheKnownOnes() {
        byte[] bytes = npy(1, dict("<f4", false, "(1,)"), f4(LITTLE_ENDIAN, 1));
        bytes[6] = 4;
        Path p = file(bytes);
        assertThatThrownBy(() -> NpyReader.read(p))
                .hasMessage(p + ": version: 4.0 is not a .npy format version; valid: 1.0, 2.0, 3.0");
    }

    @Test
    void malformedHeadersSayWhereTheyGoWrong() {
        Path syntax = file(npy(1, "{'descr': '<f4', 'fortran_order': Fals, 'shape': (1,), }", new byte[4]));
        assertThatThrownBy(() -> NpyReader.read(syntax)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(syntax + ": header: not a Python literal at character 34: "
                        + "unexpected name 'Fals'");
        Path keys = file(npy(1, "{'descr': '<f4', 'shape': (1,), }", new byte[4]));
        assertThatThrownBy(() -> NpyReader.read(keys)).hasMessage(keys + ": header: has keys 'descr', 'shape'; "
                + "a .npy header has exactly 'descr', 'fortran_order' and 'shape'");
        Path empty = file(npy(1, dict("<f4", false, "(0, 3)"), new byte[0]));
        assertThatThrownBy(() -> NpyReader.read(empty)).hasMessage(empty + ": shape: dimension 0 is 0; this tool "
                + "reads only tensors with at least one value, so every dimension must be >= 1");
        Path notTuple = file(npy(1, dict("<f4", false, "(3)"), new byte[12]));
        assertThatThrownBy(() -> NpyReader.read(notTuple))
                .hasMessage(notTuple + ": shape: 3 is not a tuple of integers; valid: e.g. (), (3,), (3, 4)");
    }

    @Test
    void aMissingFileIsAUserError() {
        Path p = dir.resolve("absent.npy");
        assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(UserInputException.class)
                .hasMessage(p + ": cannot read: no such file or folder");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(NpyReaderTest.class.getResource("/io/" + name).toURI());
    }
}
