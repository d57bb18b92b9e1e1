package org.bitsweep.workloads.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void sameSeedSameTensorOtherSeedOtherTensor() {
        Tensor a = SyntheticTensors.gaussian("w", 16, 16, 1, 42);
        assertThat(SyntheticTensors.gaussian("w", 16, 16, 1, 42).data()).containsExactly(a.data());
        assertThat(SyntheticTensors.gaussian("w", 16, 16, 1, 43).data()).isNotEqualTo(a.data());
    }

    @Test
    void gaussianHasTheRequestedMomentsWithinSamplingError() {
        // 1M draws: the standard error of the mean is std/1000, of the variance about std²·sqrt(2/n) = 0.0014·std².
        Tensor t = SyntheticTensors.gaussian("w", 1000, 1000, 0.5, 1);
        double sum = 0;
        double sumSq = 0;
        for (float v : t.data()) {
            sum += v;
            sumSq += (double) v * v;
        }
        double mean = sum / t.size();
        assertThat(mean).isBetween(-0.002, 0.002);
        assertThat(sumSq / t.size() - mean * mean).isBetween(0.25 * 0.995, 0.25 * 1.005);
    }

    @Test
    void sqnrOfAKnownErrorIsDerivedByHand() {
        // signal Σx² = 9 + 16 = 25, noise Σ(x − x̂)² = 0.25 + 0 = 0.25: 10·log10(100) = 20 dB; mse = 0.25 / 2.
        Tensor t = new Tensor("t", 1, 2, new float[] {3, 4});
        float[] approx = {2.5f, 4};
        assertThat(TensorMetrics.sqnrDb(t, approx)).isEqualTo(20.0);
        assertThat(TensorMetrics.mse(t, approx)).isEqualTo(0.125);
        assertThat(TensorMetrics.sqnrDb(t, t.data())).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void nanElementsAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> new Tensor("w", 2, 2, new float[] {1, 2, Float.NaN, 4}))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("element 2 (row 1, col 0) is NaN");
    }

    @Test
    void everyMetricOfANonFiniteApproximationIsAClearError() {
        // 465 cast to E4M3 with NaN overflow: the approximation holds NaN, where no metric has a value.
        Tensor t = new Tensor("x", 1, 3, new float[] {465, 1, 2});
        float[] approx = {Float.NaN, 1, 2};
        for (java.util.function.Supplier<Double> metric : java.util.List.<java.util.function.Supplier<Double>>of(
                () -> TensorMetrics.mse(t, approx), () -> TensorMetrics.sqnrDb(t, approx),
                () -> TensorMetrics.cosine(t, approx), () -> TensorMetrics.klDivergence(t, approx)))
            assertThatThrownBy(metric::get).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("of tensor x is undefined: 1 of its 3 approximated values are not finite "
                            + "(the first, at index 0, is NaN for 465.0)");
    }

    @Test
    void sqnrAndCosineOfAllZerosAreClearErrors() {
        Tensor zeros = new Tensor("z", 1, 2, new float[2]);
        assertThatThrownBy(() -> TensorMetrics.sqnrDb(zeros, new float[2])).isInstanceOf(UserInputException.class)
                .hasMessageContaining("tensor z is all zeros: SQNR");
        assertThatThrownBy(() -> TensorMetrics.cosine(new Tensor("t", 1, 2, new float[] {1, 2}), new float[2]))
                .isInstanceOf(UserInputException.class).hasMessageContaining("its approximation is all zeros");
        assertThat(TensorMetrics.mse(zeros, new float[2])).isZero();
    }
}
