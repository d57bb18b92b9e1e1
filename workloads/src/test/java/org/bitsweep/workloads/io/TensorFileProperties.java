package org.bitsweep.workloads.io;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.lists;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.bitsweep.testkit.Gen;
import org.junit.jupiter.api.Test;

class TensorFileProperties {

    @Test
    void npyWriteThenReadGivesTheSameTensor() {
        forAll(1729, 200, c -> {
            int[] shape = toArray(c.draw("dims", shapes()));
            float[] values = values(shape, c.draw("seedBits", bits()));
            Path dir = Files.createTempDirectory("npy");
            try {
                Path p = dir.resolve("t.npy");
                TensorData t = new TensorData("t", shape, values);
                NpyWriter.write(p, t);
                assertThat(NpyReader.read(p)).isEqualTo(t);
                assertThat((Files.size(p) - 4L * values.length) % 64).isZero();   // data starts on a 64-byte boundary
            } finally {
                deleteTree(dir);
            }
        });
    }

    @Test
    void fortranOrderIsTheTransposeOfTheReversedShape() {
        forAll(1729, 200, c -> {
            // Column-major data of shape (d0, .., dn) is row-major data of (dn, .., d0), axes reversed: fill a
            // column-major array with its own linear index and check each row-major position against the formula.
            int[] shape = toArray(c.draw("dims", shapes()));
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
                assertThat(rowMajor[k]).as("row-major position %d", k).isEqualTo(offset);
            }
        });
    }

    @Test
    void float16SafetensorsAndNpyAgree() {
        forAll(1729, 100, c -> {
            int[] raw = toArray(c.draw("codes", lists(ints(0, 0xffff), 1, 40)));
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
                    assertThat(Float.floatToRawIntBits(fromSafetensors[i])).as("code %04x", raw[i])
                            .isEqualTo(Float.floatToRawIntBits(HalfFloats.float16ToFloat((short) raw[i])));
            } finally {
                deleteTree(dir);
            }
        });
    }

    /** Up to four axes of 1 to 6, the empty shape (a scalar) included. */
    static Gen<List<Integer>> shapes() {
        return lists(ints(1, 6), 0, 4);
    }

    /** Any int, to seed {@link #values}. */
    static Gen<Integer> bits() {
        return ints();
    }

    private static int[] toArray(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
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
