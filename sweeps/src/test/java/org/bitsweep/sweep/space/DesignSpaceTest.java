package org.bitsweep.sweep.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.bitsweep.sweep.file.SweepFile;
import org.bitsweep.sweep.file.SweepFileReader;
import org.bitsweep.workloads.format.IntFormat;
import org.junit.jupiter.api.Test;

class DesignSpaceTest {

    @Test
    void theSpaceIsTheProductOfItsAxesWithTheLastVaryingFastest() throws Exception {
        SweepFile s = SweepFileReader.read("s.yaml", new StringReader("""
                workload: llama-2-7b:decode
                quantization: {weights: [int2, int4, int8], activations: [int8, int16]}
                hardware: {array: [8, 16], clock_mhz: [500, 1000]}
                """));
        DesignSpace space = new DesignSpace(s);
        // 3 weights × 2 activations × 2 arrays × 2 clocks.
        assertThat(space.size()).isEqualTo(24);
        assertThat(space.point(0).clockMhz()).isEqualTo(500);
        assertThat(space.point(1).clockMhz()).isEqualTo(1000);
        assertThat(space.point(2).array().rows()).isEqualTo(16);
        // Point 23 is the last value of every axis.
        DesignPoint last = space.point(23);
        assertThat(last.weights()).isEqualTo(IntFormat.signed(8));
        assertThat(last.activations()).isEqualTo(IntFormat.signed(16));
        List<DesignPoint> iterated = new ArrayList<>();
        space.forEach(iterated::add);
        assertThat(iterated).hasSize(24);
        for (int i = 0; i < 24; i++)
            assertThat(iterated.get(i)).isEqualTo(space.point(i));
    }
}
