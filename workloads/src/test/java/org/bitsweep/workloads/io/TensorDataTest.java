package org.bitsweep.workloads.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorDataTest {

    @Test
    void theTwoDimensionalViewKeepsTheLastDimensionAsColumns() {
        // (2, 3, 4): cols = 4, rows = 2·3 = 6
        TensorData t = new TensorData("w", new int[] {2, 3, 4}, new float[24]);
        assertThat(t.rows()).isEqualTo(6);
        assertThat(t.cols()).isEqualTo(4);
        assertThat(t.shapeString()).isEqualTo("2×3×4");
    }

    @Test
    void aVectorIsOneRowAndAScalarIsOneByOne() {
        TensorData vector = new TensorData("b", new int[] {5}, new float[5]);
        assertThat(vector.rows()).isEqualTo(1);
        assertThat(vector.cols()).isEqualTo(5);
        assertThat(vector.shapeString()).isEqualTo("5");
        TensorData scalar = new TensorData("s", new int[] {}, new float[] {7});
        assertThat(scalar.rows()).isEqualTo(1);
        assertThat(scalar.cols()).isEqualTo(1);
        assertThat(scalar.shapeString()).isEqualTo("scalar");
    }

    @Test
    void keepsNanAndInfinityAsRead() {
        TensorData t = new TensorData("w", new int[] {3}, new float[] {Float.NaN, Float.POSITIVE_INFINITY, -0f});
        assertThat(t.data()).containsExactly(Float.NaN, Float.POSITIVE_INFINITY, -0f);
    }

    @Test
    void copiesItsArraysInAndOut() {
        int[] shape = {2};
        float[] data = {1, 2};
        TensorData t = new TensorData("w", shape, data);
        shape[0] = 9;
        data[0] = 9;
        t.data()[1] = 9;
        t.shape()[0] = 9;
        assertThat(t.shape()).containsExactly(2);
        assertThat(t.data()).containsExactly(1, 2);
        assertThat(t).isEqualTo(new TensorData("w", new int[] {2}, new float[] {1, 2}));
    }

    @Test
    void rejectsAShapeThatDoesNotMatchTheValues() {
        assertThatThrownBy(() -> new TensorData("w", new int[] {3, 4}, new float[10]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("w: shape [3, 4] needs 12 values, got 10");
        assertThatThrownBy(() -> new TensorData("w", new int[] {0, 4}, new float[0]))
                .hasMessage("w: every dimension must be >= 1, got shape [0, 4]");
        assertThatThrownBy(() -> new TensorData("w", new int[] {65536, 65536}, new float[1]))
                .hasMessage("w: shape [65536, 65536] holds more than 2147483647 values");
    }
}
