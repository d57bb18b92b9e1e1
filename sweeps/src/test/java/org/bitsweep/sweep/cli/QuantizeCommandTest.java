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

    @Test
    void aCastThatOverflowsToNaNSaysSoWithoutAStackTrace(@TempDir Path dir) throws Exception {
        // 465 is beyond E4M3's 448 and rounds away from it; OCP E4M3 (fn) casts overflow to NaN by default.
        Path in = dir.resolve("x.npy");
        NpyWriter.write(in, new TensorData("x", new int[] {1, 3},
                new float[] {465, 1, 2}));
        BitSweepCliTest.Run r = bitsweep("quantize", "--format", "fp8-e4m3", "--granularity", "none", "--input",
                in.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fp8-e4m3 cast with overflow nan: 1 of 3 values became NaN (the first: 465.0 at "
                + "index 0, beyond the largest finite 448.0)", "use --overflow saturate").doesNotContain("\tat ");
        BitSweepCliTest.Run saturate = bitsweep("quantize", "--format", "fp8-e4m3", "--granularity", "none",
                "--overflow", "saturate", "--input", in.toString(), "--json");
        assertThat(saturate.code()).as(saturate.err()).isZero();
        // 465 → 448: the error is 17, Σx² = 465² + 1 + 4; MSE = 17²/3.
        assertThat(JSON.readTree(saturate.out()).get("mse").asDouble()).isEqualTo(289.0 / 3);
    }

    @Test
    void anOptionTheFormatCannotUseIsAnErrorNotIgnored() {
        BitSweepCliTest.Run scale = bitsweep("quantize", "--format", "mxint8", "--scale-format", "e5m0",
                "--synthetic", "gaussian", "--shape", "4,32");
        assertThat(scale.code()).isEqualTo(2);
        assertThat(scale.err()).contains("--scale-format e5m0: mxint8 stores its block scales in e8m0; valid for "
                + "mxint8: e8m0");
        assertThat(bitsweep("quantize", "--format", "mxint8", "--scale-format", "fp16", "--synthetic", "gaussian",
                "--shape", "4,32").err()).contains("valid for mxint8: e8m0");
        assertThat(bitsweep("quantize", "--format", "mxint8", "--scale-format", "e8m0", "--synthetic", "gaussian",
                "--shape", "4,32").code()).isZero();
        assertThat(bitsweep("quantize", "--format", "mxfp4", "--clip", "mse", "--synthetic", "gaussian",
                "--shape", "4,32").err()).contains("calibration mse does not apply; use minmax");
        assertThat(bitsweep("quantize", "--format", "int8", "--overflow", "nan", "--synthetic", "gaussian",
                "--shape", "4,32").err()).contains("--overflow nan applies to casts (granularity none)");
        assertThat(bitsweep("quantize", "--format", "nvfp4", "--scale-format", "e8m0", "--synthetic", "gaussian",
                "--shape", "4,32").err()).contains("nvfp4 stores its block scales in fp8-e4m3");
    }

    @Test
    void skippingEveryValueLeavesNothingToMeasure(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("w.npy");
        NpyWriter.write(in, new TensorData("w", new int[] {1, 2}, new float[] {Float.NaN, Float.POSITIVE_INFINITY}));
        BitSweepCliTest.Run r = bitsweep("quantize", "--format", "int8", "--input", in.toString(), "--nan", "skip");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("all 2 values are NaN or infinite, so --nan skip leaves nothing to measure");
    }
}
