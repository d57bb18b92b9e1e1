package org.bitsweep.workloads.io;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TensorFileProperties {

    @Property(tries = 200, seed = "1729")
    void npyWriteThenReadGivesTheSameTensor(@ForAll("shapes") List<Integer> dims, @ForAll("bits") int seedBits)
            throws IOException {
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        float[] values = values(shape, seedBits);
        Path dir = Files.createTempDirectory("npy");
        try {
            Path p = dir.resolve("t.npy");
            TensorData t = new TensorData("t", shape, values);
            NpyWriter.write(p, t);
            assertThat(NpyReader.read(p)).isEqualTo(t);
            assertThat((Files.size(p) - 4L * values.length) % 64).isZero();   // the data starts on a 64-byte boundary
        } finally {
            deleteTree(dir);
        }
    }

    @Property(tries = 200, seed = "1729")
    void fortranOrderIsTheTransposeOfTheReversedShape(@ForAll("shapes") List<Integer> dims) {
        // Column-major data of shape (d0, .., dn) is row-major data of (dn, .., d0), axes reversed: fill a
        // column-major array with its own linear index and check each row-major position against the formula.
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        int n = 1;
        for (int d : shape)
            n *= d;
        float[] columnMajor = new float[n];
        for (int i = 0; i < n; i++)
            columnMajor[i] = i;
        float[] rowMajor = NpyReader.toRowMajor(columnMajor, shape);
        int[] index = new int[shape.length];
        for (int k = 0; k < n; k++) {
            int rest = k;
            for (int a = shape.length - 1; a >= 0; a--) {
                index[a] = rest % shape[a];
                rest /= shape[a];
            }
            int offset = 0;
            for (int a = shape.length - 1; a >= 0; a--)
                offset = offset * shape[a] + index[a];
            assertThat(rowMajor[k]).isEqualTo(offset);
        }
    }

    @Property(tries = 100, seed = "1729")
    void float16SafetensorsAndNpyAgree(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 0xffff) Integer> codes) throws IOException {
        int[] raw = codes.stream().mapToInt(Integer::intValue).toArray();
        Path dir = Files.createTempDirectory("f16");
        try {
            Path st = TensorFileBytes.write(dir, "m.safetensors", new TensorFileBytes.Safetensors()
                    .add("w", "F16", new int[] {raw.length}, TensorFileBytes.codes16(LITTLE_ENDIAN, raw)).bytes());
            Path npy = TensorFileBytes.write(dir, "w.npy", TensorFileBytes.npy(1,
                    TensorFileBytes.dict("<f2", false, "(" + raw.length + ",)"),
                    TensorFileBytes.codes16(LITTLE_ENDIAN, raw)));
            float[] fromSafetensors = SafetensorsReader.read(st).data();
            assertThat(NpyReader.read(npy).data()).containsExactly(fromSafetensors);
            for (int i = 0; i < raw.length; i++)
                assertThat(Float.floatToRawIntBits(fromSafetensors[i]))
                        .isEqualTo(Float.floatToRawIntBits(HalfFloats.float16ToFloat((short) raw[i])));
        } finally {
            deleteTree(dir);
        }
    }

    @Provide
    Arbitrary<List<Integer>> shapes() {
        return Arbitraries.integers().between(1, 6).list().ofMinSize(0).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> bits() {
        return Arbitraries.integers();
    }

    /** Values from every corner of float32: raw bit patterns, so NaN, ±∞, ±0 and subnormals all appear. */
    private static float[] values(int[] shape, int seedBits) {
        int n = 1;
        for (int d : shape)
            n *= d;
        float[] values = new float[n];
        int x = seedBits;
        for (int i = 0; i < n; i++) {
            x = x * 1_103_515_245 + 12_345;   // a linear congruential step; any bit pattern will do
            values[i] = Float.intBitsToFloat(x);
        }
        return values;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }
}
