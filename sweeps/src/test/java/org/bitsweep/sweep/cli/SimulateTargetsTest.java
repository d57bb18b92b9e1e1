package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code simulate} on a GPU and on an FPGA accelerator: the same options as sweep files, and --target. */
class SimulateTargetsTest {
    static final String[] W4A8_DECODE = {"--workload", "llama-2-7b:decode", "--weights", "int4", "--activations",
            "int8"};
    static final String[] E2M1_CNN = {"--workload", "fmnist-cnn", "--weights", "e2m1fin", "--activations", "e2m1fin",
            "--granularity", "channel:0"};

    static String[] with(String[] base, String... more) {
        List<String> a = new ArrayList<>(List.of(base));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static JsonNode json(String... args) throws Exception {
        BitSweepCliTest.Run r = SimulateCommandTest.simulate(with(args, "--json"));
        assertThat(r.code()).as(r.err()).isZero();
        return SimulateCommandTest.JSON.readTree(r.out());
    }

    static void assertError(String message, String... args) {
        BitSweepCliTest.Run r = SimulateCommandTest.simulate(args);
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
    }

    @Test
    void targetGpuIdIsShorthandForKindGpuAndGpuId() throws Exception {
        JsonNode shorthand = json(with(W4A8_DECODE, "--target", "gpu:h100-sxm"));
        JsonNode longhand = json(with(W4A8_DECODE, "--kind", "gpu", "--gpu", "h100-sxm"));
        assertThat(shorthand).isEqualTo(longhand);
        assertThat(shorthand.get("kind").asText()).isEqualTo("gpu");
        assertThat(shorthand.get("kernel").asText()).isEqualTo("auto");
        assertThat(shorthand.get("kernels_run").asText()).isEqualTo("qserve-w4a8+dense-mma");
        assertThat(shorthand.get("energy_is_estimate").asBoolean()).isTrue();
        // The run is its layers one after another; each names the kernel that ran it.
        double sum = 0;
        for (JsonNode layer : shorthand.get("layers"))
            sum += layer.get("seconds").asDouble();
        assertThat(shorthand.get("seconds").asDouble()).isCloseTo(sum, within(sum * 1e-9));
        assertThat(shorthand.get("layers").get(0).get("kernel").asText()).isEqualTo("qserve-w4a8");
        assertThat(shorthand.get("layers").get(3).get("kernel").asText()).isEqualTo("dense-mma");
    }

    @Test
    void targetPeArrayPeIsShorthandForThePe() throws Exception {
        String[] point = {"--workload", "gemm:64x64x64", "--weights", "int4", "--activations", "int8", "--array",
                "8x8"};
        assertThat(json(with(point, "--target", "pe-array:bit-serial")))
                .isEqualTo(json(with(point, "--kind", "pe-array", "--pe", "bit-serial")));
        assertThat(json(with(point, "--target", "pe-array")).get("pe").asText()).isEqualTo("int-mac");
    }

    @Test
    void theGpuTableNamesEachLayersKernel() {
        BitSweepCliTest.Run r = SimulateCommandTest.simulate(with(W4A8_DECODE, "--target", "gpu:a100-80gb",
                "--kernel", "abq-binary"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("llama-2-7b:decode on a100-80gb, kernel abq-binary (ran abq-binary+dense-mma)",
                "each resource alone (s): dram", "left out of the kernels' published timings");
    }

    @Test
    void aKernelTheGpuCannotRunNamesTheOptionAndWhatTheGpuRuns() {
        assertError("--kernel: kernel dense-mma cannot run w:fp8-e4m3 a:fp8-e4m3 on a100-40gb: a100-40gb has no fp8 "
                + "tensor cores; a100-40gb has tensor types fp16, bf16, tf32, int8, int4, binary and runs: dense-mma",
                "--target", "gpu:a100-40gb", "--kernel", "dense-mma", "--workload", "gemm:16x64x64", "--weights",
                "fp8-e4m3", "--activations", "fp8-e4m3");
        assertError("--gpu: no GPU kernel runs w:int4 a:int4 on h100-sxm", "--target", "gpu:h100-sxm",
                "--workload", "gemm:16x64x64", "--weights", "int4", "--activations", "int4");
    }

    @Test
    void theShorthandIsCheckedLikeTheOptionsItStandsFor() {
        assertError("--gpu: missing; it is required (a100-40gb, a100-80gb, h100-sxm, rtx-4090, l40s, h20; or --target "
                + "gpu:ID)", with(W4A8_DECODE, "--target", "gpu"));
        assertError("--target: unknown GPU \"h100\"; valid: a100-40gb", with(W4A8_DECODE, "--target", "gpu:h100"));
        assertError("--target: unknown target kind \"tpu\"", with(W4A8_DECODE, "--target", "tpu:v4"));
        assertError("--target gpu:h100-sxm and --kind pe-array disagree", with(W4A8_DECODE, "--target",
                "gpu:h100-sxm", "--kind", "pe-array"));
        assertError("--target gpu:h100-sxm and --gpu a100-40gb both name the gpu", with(W4A8_DECODE, "--target",
                "gpu:h100-sxm", "--gpu", "a100-40gb"));
        assertError("--array is an option of kind pe-array, not of gpu; gpu takes: --gpu, --kernel",
                with(W4A8_DECODE, "--target", "gpu:h100-sxm", "--array", "8x8"));
    }

    @Test
    void anFpgaRunReportsItsUnitResourcesAndLayers() throws Exception {
        JsonNode j = json(with(E2M1_CNN, "--target", "fpga:xcvc1902"));
        assertThat(j.get("kind").asText()).isEqualTo("fpga");
        assertThat(j.get("device").asText()).isEqualTo("xcvc1902");
        assertThat(j.get("mac_unit").asText()).isEqualTo("fpga-minifloat-mac");
        assertThat(j.get("bound_by").asText()).isEqualTo("lut");
        assertThat(j.get("resources").get("lut").get("fraction_of_device").asDouble()).isCloseTo(0.7, within(0.001));
        assertThat(j.get("resources").get("lut").get("used").asDouble())
                .isEqualTo(j.get("lut").asDouble());
        assertThat(j.get("unit").get("accumulator").asText()).isEqualTo("exact");
        assertThat(j.get("layers")).hasSize(4);
        assertThat(j.get("sources").get(0).asText()).startsWith("device xcvc1902 resource counts");
        BitSweepCliTest.Run table = SimulateCommandTest.simulate(with(E2M1_CNN, "--kind", "fpga", "--lanes", "4"));
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("fmnist-cnn on xcvc1902:", "fpga-minifloat-mac units", "4 lanes",
                "bound by lut", "bram18");
    }

    @Test
    void anFpgaThatCannotRunThePointNamesTheOption() {
        assertError("--device: an FPGA MAC unit cannot run w:int4 a:e2m1fin; it runs integer weights",
                "--target", "fpga:xczu7ev", "--workload", "fmnist-cnn", "--weights", "int4", "--activations",
                "e2m1fin", "--granularity", "channel:0");
        assertError("--weight-ram: xczu3eg has no UltraRAM; use --weight-ram bram or auto",
                with(E2M1_CNN, "--target", "fpga:xczu3eg", "--weight-ram", "uram"));
        assertError("--resource-limits: \"lut=2\": each share must be in (0, 1]",
                with(E2M1_CNN, "--target", "fpga", "--resource-limits", "lut=2"));
        assertError("--accumulator: fixed:8:wrap with w:e2m1fin a:e2m1fin: a 8-bit accumulator cannot hold one aligned",
                with(E2M1_CNN, "--target", "fpga", "--accumulator", "fixed:8"));
    }
}
