package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitsweep.workloads.io.NpyReader;
import org.bitsweep.workloads.io.NpyWriter;
import org.bitsweep.workloads.io.TensorData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reportsTheFiveMetricsAsJson() throws Exception {
        BitSweepCliTest.Run r = bitsweep("quantize", "--format", "int4:group:128", "--synthetic", "student-t:4",
                "--shape", "64,256", "--seed", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.fieldNames()).toIterable().contains("mse", "sqnr_db", "kl", "cosine", "bits_per_element");
        assertThat(j.get("bits_per_element").asDouble()).isEqualTo(4.125);
        assertThat(j.get("synthetic").asBoolean()).isTrue();
        assertThat(j.get("cosine").asDouble()).isBetween(0.9, 1.0);
    }

    @Test
    void aCastOfExactValuesHasNoErrorAndDumpsTheValues(@TempDir Path dir) throws Exception {
        // 0.5, 1.5, -6 and 448 are all fp8-e4m3 values: the cast is exact, so SQNR is infinite and MSE 0.
        Path in = dir.resolve("x.npy");
        NpyWriter.write(in, new TensorData("x", new int[] {2, 2}, new float[] {0.5f, 1.5f, -6, 448}));
        Path out = dir.resolve("y.npy");
        BitSweepCliTest.Run r = bitsweep("quantize", "--format", "fp8-e4m3", "--granularity", "none", "--input",
                in.toString(), "--dump-dequantized", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("mse").asDouble()).isZero();
        assertThat(NpyReader.read(out).data()).containsExactly(0.5f, 1.5f, -6, 448);
    }

    @Test
    void nanInTheInputIsAnErrorUnlessAPolicyIsChosen(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("w.npy");
        NpyWriter.write(in, new TensorData("w", new int[] {2, 3}, new float[] {1, 2, 3, Float.NaN, 5, 6}));
        BitSweepCliTest.Run r = bitsweep("quantize", "--format", "int8", "--input", in.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("w.npy: tensor w has 1 NaN or infinite values (the first, NaN, at index 3: "
                + "row 1, col 0); choose --nan zero or --nan skip").doesNotContain("\tat ");
        BitSweepCliTest.Run skip = bitsweep("quantize", "--format", "int8", "--input", in.toString(), "--nan", "skip",
                "--json");
        assertThat(skip.code()).as(skip.err()).isZero();
        assertThat(JSON.readTree(skip.out()).get("sqnr_db").asDouble()).isGreaterThan(30);
    }

    @Test
    void badInputNamesWhatWouldBeValid(@TempDir Path dir) throws Exception {
        BitSweepCliTest.Run unknown = bitsweep("quantize", "--format", "int5x", "--synthetic", "gaussian", "--shape", "4,4");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown format \"int5x\"", "eXmY");
        Path in = dir.resolve("w.npy");
        NpyWriter.write(in, new TensorData("w", new int[] {2, 3}, new float[6]));
        BitSweepCliTest.Run shape = bitsweep("quantize", "--format", "int8", "--input", in.toString(), "--shape", "4,4");
        assertThat(shape.code()).isEqualTo(2);
        assertThat(shape.err()).contains("--shape 4,4 holds 16 values but", "has shape 2×3 (6 values)");
        BitSweepCliTest.Run group = bitsweep("quantize", "--format", "int4:group:5", "--synthetic", "gaussian", "--shape",
                "4,16");
        assertThat(group.code()).isEqualTo(2);
        assertThat(group.err()).contains("group size 5 does not divide the row length 16");
        assertThat(bitsweep("quantize", "--format", "fp4-e2m1", "--granularity", "none", "--overflow", "inf",
                "--synthetic", "gaussian", "--shape", "4,4").err()).contains("fp4-e2m1 has no infinity");
        assertThat(bitsweep("quantize", "--format", "int4", "--synthetic", "cauchy", "--shape", "4,4").err())
                .contains("valid: gaussian, student-t:NU");
    }
}
