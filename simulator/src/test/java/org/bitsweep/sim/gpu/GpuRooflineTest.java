package org.bitsweep.sim.gpu;

import org.bitsweep.sim.gpu.target.GpuTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.junit.jupiter.api.Test;

/** The time model on cases worked by hand: one bound by DRAM, one by the tensor cores, one by the CUDA cores. */
class GpuRooflineTest {
    static final GemmOperands FP16 = GemmOperands.of(Formats.parse("fp16"), Formats.parse("fp16"), GemmOperands.PER_CHANNEL);

    /**
     * FP16 decode GEMV, 1 × 4096 × 4096 on an A100 40 GB. Bytes: weights 4096·4096·2 = 33,554,432, activations
     * 4096·2 = 8,192, outputs 4096·2 = 8,192, in all 33,570,816; at 1555 GB/s that is 21.589 µs, plus the 1 µs launch.
     * The 64-column tiles (64 of them, under 108 SMs: no split-K, so no partial sums) win; their tensor time is
     * 2·16·64·4096 / (312e12 / 108) = 2.9 µs, far below.
     */
    @Test
    void anFp16DecodeGemvOnA100IsBoundByDram() {
        GemmResult r = GpuTarget.of("a100-40gb", "dense-mma").gemm(new GemmShape(1, 4096, 4096), FP16);
        assertThat(r.bound()).isEqualTo(GpuResource.DRAM);
        assertThat(r.dramBytes()).isEqualTo(33_570_816);
        assertThat(r.seconds()).isCloseTo(33_570_816 / 1555e9 + 1e-6, within(1e-12));
        assertThat(r.times().tensorSeconds()).isCloseTo(2.0 * 16 * 64 * 4096 / (312e12 / 108), within(1e-12));
        assertThat(r.launches().get(0).launch().tiles().tileN()).isEqualTo(64);
    }

    /**
     * FP16 4096³ on an H100 SXM: 128-row tiles; with 256-column tiles there are 32·16 = 512 tiles, ⌈512/132⌉ = 4
     * waves of 2·128·256·4096 = 268,435,456 operations per SM at 989.4e12/132 per second: 4·268,435,456·132/989.4e12 =
     * 143.25 µs (128- and 64-column tiles give 8 and 16 waves of half and a quarter as much: the same). The ideal
     * 2·4096³/989.4e12 = 138.91 µs is 3.1 % less: the last wave is 3.88/4 full. DRAM, 3·32 MiB at 3.35 TB/s, is 30 µs.
     */
    @Test
    void anFp16Gemm4096CubedOnH100IsBoundByTheTensorCores() {
        GemmResult r = GpuTarget.of("h100-sxm", "dense-mma").gemm(new GemmShape(4096, 4096, 4096), FP16);
        assertThat(r.bound()).isEqualTo(GpuResource.TENSOR_CORE);
        double expected = 4.0 * 268_435_456 * 132 / 989.4e12;
        assertThat(r.times().tensorSeconds()).isCloseTo(expected, within(1e-12));
        assertThat(r.seconds()).isCloseTo(expected + 1e-6, within(1e-12));
        assertThat(expected / (2.0 * Math.pow(4096, 3) / 989.4e12)).isCloseTo(4 / (512.0 / 132), within(1e-9));
    }

    /**
     * W4A4 with groups of 128 on both operands, 2048 × 4096 × 4096 on an A100, Atom's 128 × 128 × 128 tiles: 16·32 =
     * 512 tiles, ⌈512/108⌉ = 5 waves. Per tile, each of the 16,384 outputs dequantizes 32 group partial sums at 1.5
     * conversions each and its epilogue packs half an FP16 pair: 16,384·48.5 = 794,624 conversions at 16 per clock
     * per SM at 1.41 GHz = 35.22 µs. The tile's INT4 MMAs, 2·128·128·4096 / (1248e12/108), take 11.62 µs, and its
     * issue, 16,384·(33 + 8 + 48.5) lanes at 128 per clock, 8.13 µs: the conversions bound the kernel, 5·35.22 =
     * 176.1 µs against 58.1 µs of tensor time.
     */
    @Test
    void w4a4GroupDequantizationAtLargeBatchOnA100IsBoundByTheCudaCores() {
        GemmOperands w4a4 = GemmOperands.of(IntFormat.signed(4), IntFormat.signed(4), 128);
        GemmResult r = GpuTarget.of("a100-40gb", "atom-w4a4").gemm(new GemmShape(2048, 4096, 4096), w4a4);
        assertThat(r.bound()).isEqualTo(GpuResource.CUDA_CORE);
        double expected = 5 * 794_624 / (16 * 1.41e9);
        assertThat(r.times().cudaCoreSeconds()).isCloseTo(expected, within(1e-12));
        assertThat(r.times().tensorSeconds()).isCloseTo(5 * 2.0 * 128 * 128 * 4096 / (1248e12 / 108), within(1e-12));
        assertThat(r.seconds()).isCloseTo(expected + 1e-6, within(1e-12));
    }

    @Test
    void cyclesAreSecondsAtTheBoostClockAndEnergyIsBoardPowerTimesTime() {
        GemmResult r = GpuTarget.of("a100-40gb", "dense-mma").gemm(new GemmShape(1, 4096, 4096), FP16);
        assertThat(r.cycles()).isEqualTo((long) Math.ceil(r.seconds() * 1.41e9));
        assertThat(r.energyPj()).isCloseTo(400 * r.seconds() * 1e12, within(1e-3));
        assertThat(r.energyIsEstimate()).isTrue();
        assertThat(r.columns()).containsKeys(GpuColumns.NAMES.toArray(String[]::new));
        assertThat(r.columns().get("bound")).isEqualTo("dram");
    }

    /**
     * Split-K fills the SMs: a 16 × 4096 × 4096 FP16 GEMM on an A100 has 32 tiles of 128 columns; 108 / 32 = 3
     * slices, each walking ⌈128 / 3⌉ = 43 k-steps of 32, and writing 2 · 2 partial tiles of FP32 through DRAM.
     */
    @Test
    void splitKCutsKUntilTheTilesCoverTheSms() {
        TilePlan p = TilePlan.of(new GemmShape(16, 4096, 4096), 1, 16, 128, 32, 108, true);
        assertThat(p.splitK()).isEqualTo(3);
        assertThat(p.tiles()).isEqualTo(96);
        assertThat(p.waves(108)).isEqualTo(1);
        assertThat(p.kSlice(4096)).isEqualTo(43 * 32);
    }
}
