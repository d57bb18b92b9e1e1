package org.bitsweep.sim.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitsweep.workloads.model.GemmShape;
import org.junit.jupiter.api.Test;

/** Per fold 2R + C + k·c − 2 cycles (fill R + C − 2, stream k·c, drain R); ⌈m/R⌉·⌈n/C⌉ folds. */
class OutputStationaryArrayTest {

    @Test
    void oneFullFold() {
        // 4×4 array, m = n = 4, k = 8: one fold of 2·4 + 4 + 8 − 2 = 18 cycles.
        assertThat(new OutputStationaryArray(4, 4).cycles(new GemmShape(4, 4, 8), 1)).isEqualTo(18);
    }

    @Test
    void shapesThatAreNotMultiplesOfTheArrayPayFullFoldsAtTheEdges() {
        // m = 5 → ⌈5/4⌉ = 2 row folds, n = 9 → ⌈9/4⌉ = 3 column folds: 6 folds of 8 + 4 + 3 − 2 = 13 cycles = 78.
        OutputStationaryArray a = new OutputStationaryArray(4, 4);
        GemmShape s = new GemmShape(5, 9, 3);
        assertThat(a.folds(s)).isEqualTo(6);
        assertThat(a.cycles(s, 1)).isEqualTo(78);
    }

    @Test
    void rectangularArrayOnAllama2DecodeProjection() {
        // 8 rows × 16 cols, m = 1, n = k = 4096: 1 · 256 folds of 16 + 16 + 4096 − 2 = 4126 cycles = 1,056,256.
        assertThat(new OutputStationaryArray(8, 16).cycles(new GemmShape(1, 4096, 4096), 1)).isEqualTo(1_056_256);
    }

    @Test
    void prefillUpProjectionOnA32x32Array() {
        // m = 2048 → 64 row folds, n = 11008 → 344 column folds: 22,016 folds of 64 + 32 + 4096 − 2 = 4190 cycles.
        assertThat(new OutputStationaryArray(32, 32).cycles(new GemmShape(2048, 11008, 4096), 1))
                .isEqualTo(22_016L * 4190);
    }

    @Test
    void multiCycleMacsStretchOnlyTheStream() {
        // 3 cycles per MAC: 8 + 4 + 8·3 − 2 = 34.
        assertThat(new OutputStationaryArray(4, 4).cycles(new GemmShape(4, 4, 8), 3)).isEqualTo(34);
    }

    @Test
    void operandsAreReReadOncePerFoldOfTheOtherDimension() {
        // m = 5, n = 9, k = 3 on 4×4: activations 3 column folds · 5 · 3 = 45; weights 2 row folds · 9 · 3 = 54.
        OutputStationaryArray a = new OutputStationaryArray(4, 4);
        assertThat(a.activationReads(new GemmShape(5, 9, 3))).isEqualTo(45);
        assertThat(a.weightReads(new GemmShape(5, 9, 3))).isEqualTo(54);
    }

    @Test
    void impossibleArraysAreRejected() {
        assertThatThrownBy(() -> new OutputStationaryArray(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutputStationaryArray(4, 5000)).isInstanceOf(IllegalArgumentException.class);
    }
}
