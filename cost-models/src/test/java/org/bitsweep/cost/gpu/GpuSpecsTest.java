package org.bitsweep.cost.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GpuSpecsTest {

    @Test
    void theIssuesFiveGpusAndTheH20AreBundled() {
        assertThat(GpuSpecs.ids()).containsExactly("a100-40gb", "a100-80gb", "h100-sxm", "rtx-4090", "l40s", "h20");
    }

    @Test
    void theTwoA100sDifferOnlyInMemory() {
        GpuSpec small = GpuSpecs.find("a100-40gb").orElseThrow(), big = GpuSpecs.find("a100-80gb").orElseThrow();
        assertThat(small.memoryGbps().value()).isEqualTo(1555);
        assertThat(big.memoryGbps().value()).isEqualTo(2039);
        assertThat(big.sms()).isEqualTo(small.sms());
        assertThat(big.tensor()).isEqualTo(small.tensor());
    }

    /**
     * The transcribed peaks are whole MMA units: A100 FP16 312e12 / (108 SMs x 1.41e9) = 2049 ≈ 4 tensor cores x 256
     * FMA x 2; INT8 twice that, INT4 four times, binary sixteen times. H100 FP16 989.4e12 / (132 x 1.83e9, the
     * tensor clock) = 4096; RTX 4090 FP16 with FP32 accumulate 165.2e12 / (128 x 2.52e9) = 512.
     */
    @Test
    void tensorPeaksAreWholeMmaUnitsPerSmPerClock() {
        GpuSpec a100 = GpuSpecs.find("a100-40gb").orElseThrow();
        double perClock = 108 * 1.41e9;
        assertThat(a100.tensor(TensorType.FP16, "fp32").orElseThrow().denseTops() * 1e12 / perClock)
                .isCloseTo(2048, within(2048 * 1e-3));
        assertThat(a100.tensor(TensorType.INT8, "int32").orElseThrow().denseTops() * 1e12 / perClock)
                .isCloseTo(4096, within(4096 * 1e-3));
        assertThat(a100.tensor(TensorType.INT4, "int32").orElseThrow().denseTops() * 1e12 / perClock)
                .isCloseTo(8192, within(8192 * 1e-3));
        assertThat(a100.tensor(TensorType.BINARY, "int32").orElseThrow().denseTops() * 1e12 / perClock)
                .isCloseTo(32768, within(32768 * 1e-3));
        GpuSpec h100 = GpuSpecs.find("h100-sxm").orElseThrow();
        assertThat(h100.tensor(TensorType.FP16, "fp32").orElseThrow().denseTops() * 1e12 / (132 * 1.83e9))
                .isCloseTo(4096, within(4096 * 1e-3));
        GpuSpec rtx = GpuSpecs.find("rtx-4090").orElseThrow();
        assertThat(rtx.tensor(TensorType.FP16, "fp32").orElseThrow().denseTops() * 1e12 / (128 * 2.52e9))
                .isCloseTo(512, within(512 * 2e-3));
    }

    /** FP32 CUDA-core peak = SMs x clock x lanes x 2: A100 108 x 1.41 GHz x 64 x 2 = 19.49 TFLOPS (datasheet 19.5). */
    @Test
    void fp32LanesReproduceThePublishedVectorPeaks() {
        assertThat(fp32Tflops("a100-40gb")).isCloseTo(19.5, within(0.05));
        assertThat(fp32Tflops("h100-sxm")).isCloseTo(66.9, within(0.1));
        assertThat(fp32Tflops("rtx-4090")).isCloseTo(82.6, within(0.1));
        assertThat(fp32Tflops("l40s")).isCloseTo(91.6, within(0.1));
    }

    @Test
    void hopperListsNoInt4AndNoBinaryAndAdaNoBinary() {
        assertThat(GpuSpecs.find("h100-sxm").orElseThrow().has(TensorType.INT4)).isFalse();
        assertThat(GpuSpecs.find("h100-sxm").orElseThrow().has(TensorType.BINARY)).isFalse();
        assertThat(GpuSpecs.find("rtx-4090").orElseThrow().has(TensorType.BINARY)).isFalse();
        assertThat(GpuSpecs.find("a100-40gb").orElseThrow().has(TensorType.FP8)).isFalse();
    }

    @Test
    void theAccumulatorPreferenceFallsBackToFp32() {
        GpuSpec rtx = GpuSpecs.find("rtx-4090").orElseThrow();
        assertThat(rtx.tensor(TensorType.FP16, "fp16").orElseThrow().denseTops()).isEqualTo(330.3);
        assertThat(rtx.tensor(TensorType.BF16, "fp16").orElseThrow().denseTops()).isEqualTo(165.2);
    }

    @Test
    void everyH20FigureIsAnEstimateBecauseNvidiaPublishesNoDatasheet() {
        GpuSpec h20 = GpuSpecs.find("h20").orElseThrow();
        assertThat(h20.memoryGbps().estimate()).isTrue();
        assertThat(h20.smCount().estimate()).isTrue();
        assertThat(h20.tensor()).allMatch(r -> r.provenance().estimate());
        assertThat(h20.cudaCore().values()).allMatch(Sourced::estimate);
    }

    @Test
    void aFigureWithoutProvenanceIsRejectedWithItsFileAndField() {
        String yaml = """
                gpu: x
                name: X
                compute_capability: "8.0"
                tensor:
                  - {type: fp16, accumulate: fp32, dense_tops: 1, instructions: [m16n8k16], source: s}
                cuda_core:
                  - {class: fp32, per_sm_per_clock: 1, source: s}
                sm_count: {value: 1}
                """;
        assertThatThrownBy(() -> GpuSpecs.parse("gpu/x.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("gpu/x.yaml: sm_count: has neither source: nor estimate:; every entry needs exactly one");
        String lacking = yaml.replace("sm_count: {value: 1}", "sm_count: {value: 1, source: s}");
        assertThatThrownBy(() -> GpuSpecs.parse("gpu/x.yaml", new ByteArrayInputStream(lacking.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("gpu/x.yaml: boost_clock_mhz: missing");
    }

    private static double fp32Tflops(String id) {
        GpuSpec g = GpuSpecs.find(id).orElseThrow();
        return g.sms() * g.boostClockMhz().value() * 1e6 * g.cudaCore().get(CudaCoreClass.FP32).value() * 2 / 1e12;
    }
}
