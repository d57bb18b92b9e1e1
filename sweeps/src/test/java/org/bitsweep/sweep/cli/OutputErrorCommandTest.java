package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitsweep.workloads.io.NpyWriter;
import org.bitsweep.workloads.io.TensorData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputErrorCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MLP = Path.of("..", "workloads", "src", "main", "resources", "models", "fmnist-mlp.safetensors")
            .toString();
    /** Small synthetic layers: 16 tokens × 64 outputs × 512 inputs, with 1 outlier channel (0.1 % of 512, at least one). */
    static final String[] SMALL = {"--tokens", "16", "--outputs", "64", "--hidden", "512"};

    static JsonNode run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("output-error", "--json"));
        all.addAll(Arrays.asList(args));
        BitSweepCliTest.Run r = bitsweep(all.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    static BitSweepCliTest.Run fails(String... args) {
        List<String> all = new ArrayList<>(List.of("output-error"));
        all.addAll(Arrays.asList(args));
        BitSweepCliTest.Run r = bitsweep(all.toArray(String[]::new));
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\tat ");
        return r;
    }

    @Test
    void activationFormatsMoveTheOutputError() throws Exception {
        JsonNode w4a16 = run(concat(SMALL, "--weights", "int4:group:128", "--activations", "fp16"));
        JsonNode w4a4 = run(concat(SMALL, "--weights", "int4:group:128", "--activations", "int4"));
        assertThat(w4a16.fieldNames()).toIterable().contains("output_sqnr_db", "output_mse", "output_cosine",
                "weight_bits_per_element", "activation_bits_per_element", "dot_products", "defaults", "layers");
        assertThat(w4a16.get("activation_granularity").asText()).isEqualTo("none");
        assertThat(w4a4.get("activation_granularity").asText()).isEqualTo("channel:0");
        assertThat(w4a4.get("output_sqnr_db").asDouble()).isLessThan(w4a16.get("output_sqnr_db").asDouble() - 6);
        assertThat(w4a4.get("synthetic").asBoolean()).isTrue();
        assertThat(w4a4.get("defaults").get("outlier_magnitude").get("citation").asText()).contains("LLM.int8()");
    }

    @Test
    void decompositionReportsItsOutlierColumnsAndMacs() throws Exception {
        // 1 outlier channel of 512: 16·64·1 = 1,024 MACs in fp16 and 16·64·511 = 523,264 in int8.
        JsonNode j = run(concat(SMALL, "--weights", "int8", "--activations", "int8", "--decompose"));
        JsonNode layer = j.get("layers").get(0);
        assertThat(j.get("decomposition_threshold").asDouble()).isEqualTo(6.0);
        assertThat(layer.get("outlier_columns").asInt()).isEqualTo(1);
        assertThat(layer.get("outlier_macs").asLong()).isEqualTo(1024);
        assertThat(layer.get("regular_macs").asLong()).isEqualTo(523_264);
        assertThat(layer.get("outlier_format").asText()).isEqualTo("fp16");
        assertThat(j.get("defaults").get("decomposition_threshold").get("citation").asText()).contains("alpha = 6.0");
        double plain = run(concat(SMALL, "--weights", "int8", "--activations", "int8")).get("output_sqnr_db").asDouble();
        assertThat(j.get("output_sqnr_db").asDouble()).isGreaterThan(plain + 6);
    }

    @Test
    void aWideIntegerAccumulatorThroughThePeEqualsExactSumsAndANarrowOneWraps() throws Exception {
        String[] w4a8 = concat(SMALL, "--weights", "int4", "--activations", "int8");
        double exact = run(w4a8).get("output_sqnr_db").asDouble();
        JsonNode pe = run(concat(w4a8, "--pe", "int-mac", "--accumulator-bits", "32"));
        assertThat(pe.get("output_sqnr_db").asDouble()).isCloseTo(exact, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(pe.get("dot_products").asText()).startsWith("MAC by MAC through PE int-mac");
        // A 12-bit accumulator holds -2048 … 2047, the 12 bits one int4 × int8 product needs: sums of 512 of them
        // leave it, wrap around, and the error grows.
        double narrow = run(concat(w4a8, "--pe", "int-mac", "--accumulator-bits", "12")).get("output_sqnr_db").asDouble();
        assertThat(narrow).isLessThan(exact - 6);
    }

    @Test
    void realWeightsComeFromASafetensorsFileOneLayerPerName() throws Exception {
        JsonNode j = run("--weight-file", MLP + ":fc1.weight,fc2.weight", "--weights", "int4", "--activations", "int8",
                "--tokens", "8");
        assertThat(j.get("layers")).hasSize(2);
        assertThat(j.get("layers").get(0).get("name").asText()).isEqualTo("fc1.weight");
        assertThat(j.get("layers").get(0).get("k").asInt()).isEqualTo(784);
        assertThat(j.get("layers").get(1).get("n").asInt()).isEqualTo(128);
        assertThat(j.get("synthetic").asBoolean()).isTrue();   // the activations still are
    }

    @Test
    void theAttentionPathPutsTheKeysInTheKvFormat() throws Exception {
        JsonNode kv4 = run("--attention", "--activations", "int8", "--kv", "int4", "--context", "64", "--tokens", "8");
        JsonNode kv8 = run("--attention", "--activations", "int8", "--kv", "int8", "--context", "64", "--tokens", "8");
        assertThat(kv4.get("product").asText()).isEqualTo("Q·Kᵀ");
        assertThat(kv4.get("kv").asText()).isEqualTo("int4");
        assertThat(kv4.get("layers").get(0).get("k").asInt()).isEqualTo(128);
        assertThat(kv4.get("output_sqnr_db").asDouble()).isLessThan(kv8.get("output_sqnr_db").asDouble());
    }

    @Test
    void queriesFromAFileFixTheHeadDimensionOfSyntheticKeys(@TempDir Path dir) throws Exception {
        Path q = dir.resolve("q.npy");
        float[] values = new float[4 * 64];
        for (int i = 0; i < values.length; i++)
            values[i] = (float) Math.sin(i);
        NpyWriter.write(q, new TensorData("q", new int[] {4, 64}, values));
        JsonNode j = run("--attention", "--activation-file", q.toString(), "--activations", "int8", "--kv", "int8",
                "--context", "32", "--outliers", "none");
        assertThat(j.get("layers").get(0).get("k").asInt()).isEqualTo(64);
        assertThat(j.get("layers").get(0).get("m").asInt()).isEqualTo(4);
        assertThat(j.get("key_outliers").asText()).contains("no outlier channels");
    }

    @Test
    void badInputIsOneLineNamingWhatIsValid(@TempDir Path dir) throws Exception {
        assertThat(fails("--weight-file", MLP + ":fc9.weight", "--weights", "int4", "--activations", "int8").err())
                .contains("tensor \"fc9.weight\": not in the file; valid: fc1.weight, fc1.bias, fc2.weight");
        Path x = dir.resolve("x.npy");
        NpyWriter.write(x, new TensorData("x", new int[] {2, 100}, new float[200]));
        assertThat(fails("--weight-file", MLP + ":fc1.weight", "--activation-file", x.toString(), "--weights", "int4",
                "--activations", "int8").err()).contains("activations x are [2, 100] and weights fc1.weight are [256, 784]");
        Path nan = dir.resolve("nan.npy");
        float[] values = new float[784];
        values[3] = Float.NaN;
        Arrays.fill(values, 4, 784, 0.5f);
        NpyWriter.write(nan, new TensorData("a", new int[] {1, 784}, values));
        assertThat(fails("--weight-file", MLP + ":fc1.weight", "--activation-file", nan.toString(), "--weights", "int4",
                "--activations", "int8").err()).contains("has 1 NaN or infinite values", "choose --nan zero");
        assertThat(run("--weight-file", MLP + ":fc1.weight", "--activation-file", nan.toString(), "--weights", "int4",
                "--activations", "int8", "--nan", "zero").get("output_sqnr_db").asDouble()).isGreaterThan(10);
        assertThat(fails("--activations", "int8").err()).contains("--weights FORMAT[:GRANULARITY] is required");
        assertThat(fails("--attention", "--activations", "int8").err()).contains("--attention needs --kv");
        assertThat(fails("--weights", "nvfp4", "--activations", "nvfp4", "--pe", "fp-mac").err())
                .contains("fp-mac cannot run w:nvfp4 a:nvfp4");
        assertThat(fails("--weights", "int4:channel:1", "--activations", "int8", "--pe", "int-mac").err())
                .contains("a scale per column changes along K");
        assertThat(fails("--weights", "int4", "--activations", "int8", "--outliers", "some").err())
                .contains("valid: default, none");
        assertThat(fails("--weights", "mxfp4:group:64", "--activations", "int8").err())
                .contains("--weights mxfp4:group:64:", "use granularity group:32");
    }

    @Test
    void helpDescribesTheCommand() {
        BitSweepCliTest.Run r = bitsweep("output-error", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--decompose", "--attention", "output_sqnr_db");
    }

    static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
