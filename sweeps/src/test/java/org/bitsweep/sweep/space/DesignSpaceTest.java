package org.bitsweep.sweep.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.file.SweepFileReader;
import org.bitsweep.workloads.format.IntFormat;
import org.junit.jupiter.api.Test;

class DesignSpaceTest {

    static PeArraySpec t(DesignPoint p) {
        return (PeArraySpec) p.target();
    }

    static DesignSpace space(String yaml) throws Exception {
        SweepFile s = SweepFileReader.read("s.yaml", new StringReader(yaml));
        return new DesignSpace(s);
    }

    @Test
    void theSpaceIsTheProductOfItsAxesWithTheLastVaryingFastest() throws Exception {
        DesignSpace space = space("""
                workload: llama-2-7b:decode
                quantization: {weights: [int2, int4, int8], activations: [int8, int16]}
                target: {array: [8, 16], clock_mhz: [500, 1000]}
                """);
        // 3 weights × 2 activations × 2 arrays × 2 clocks.
        assertThat(space.size()).isEqualTo(24);
        assertThat(t(space.point(0)).clockMhz()).isEqualTo(500);
        assertThat(t(space.point(1)).clockMhz()).isEqualTo(1000);
        assertThat(t(space.point(2)).array().rows()).isEqualTo(16);
        DesignPoint last = space.point(23);
        assertThat(last.quantization().weights()).isEqualTo(IntFormat.signed(8));
        assertThat(last.quantization().activations()).isEqualTo(IntFormat.signed(16));
        List<DesignPoint> iterated = new ArrayList<>();
        space.points(0).forEachRemaining(iterated::add);
        assertThat(iterated).hasSize(24);
        for (int i = 0; i < 24; i++)
            assertThat(iterated.get(i)).isEqualTo(space.point(i));
    }

    @Test
    void zippedAxesVaryTogetherAsOneDigit() throws Exception {
        DesignSpace space = space("""
                workload: llama-2-7b:decode
                quantization: {weights: [int4, int8], activations: [int8, int16]}
                target: {array: [8, 16, 32]}
                zip: [[quantization.weights, quantization.activations]]
                """);
        // (int4, int8) and (int8, int16) only: 2 × 3 arrays = 6 points.
        assertThat(space.size()).isEqualTo(6);
        assertThat(space.point(0).quantization().weights()).isEqualTo(IntFormat.signed(4));
        assertThat(space.point(0).quantization().activations()).isEqualTo(IntFormat.signed(8));
        assertThat(space.point(3).quantization().weights()).isEqualTo(IntFormat.signed(8));
        assertThat(space.point(3).quantization().activations()).isEqualTo(IntFormat.signed(16));
    }

    @Test
    void parameterConstraintsSkipPointsBeforeTheyRun() throws Exception {
        DesignSpace space = space("""
                workload: llama-2-7b:decode
                quantization: {weights: int4, activations: int8}
                target: {rows: [8, 16, 32], cols: [8, 16, 32]}
                derived: {pes_k: pes / 1024}
                constraints: ["rows <= cols", "pes_k < 1"]
                """);
        // rows <= cols leaves 6 of 9; pes < 1024 drops 32x32: (8,8) (8,16) (8,32) (16,16) (16,32).
        List<String> kept = new ArrayList<>();
        space.points(0).forEachRemaining(p -> kept.add(t(p).array().toString()));
        assertThat(kept).containsExactly("8x8", "8x16", "8x32", "16x16", "16x32");
    }
}
