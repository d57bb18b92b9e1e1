package org.bitsweep.workloads.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;

class ActivationOutliersTest {

    @Test
    void theDefaultsAreTheDataFilesEachWithItsSourceOrEstimate() {
        ActivationOutliers d = ActivationOutliers.defaults();
        // LLM.int8(): about 0.1 % of feature dimensions, up to 20x, in about 75 % of tokens.
        assertThat(d.channelFraction()).isEqualTo(0.001);
        assertThat(d.magnitude()).isEqualTo(20);
        assertThat(d.tokenFraction()).isEqualTo(0.75);
        assertThat(ActivationOutliers.sources()).hasSize(5).allSatisfy(p -> assertThat(p.citation())
                .matches("(source|estimate): .{40,}"));
        assertThat(ActivationOutliers.sources().get(0).citation()).contains("LLM.int8()", "0.1 %");
        assertThat(ActivationOutliers.none().channels(4096)).isZero();
    }

    @Test
    void outlierChannelsAreLargeInTheirShareOfTokensWithOneSignEach() {
        // 0.1 % of 4096 = 4.096 → 4 channels. Each is large (about 20 = 20 bulk standard deviations, spread 10 %) in
        // a binomial 75 % of 400 tokens: over 4 channels the share's standard error is √(0.75·0.25/1600) = 1.1 %.
        // The N(0, 1) bulk stays below the 6.0 threshold: 1.6 M draws beyond 6σ have probability 3·10^-3.
        ActivationOutliers d = ActivationOutliers.defaults();
        int tokens = 400;
        int hidden = 4096;
        Tensor x = d.sample("x", tokens, hidden, 11);
        int[] channels = d.outlierChannels(hidden, 11);
        assertThat(channels).hasSize(4);
        int large = 0;
        double sum = 0;
        for (int c : channels) {
            int sign = 0;
            for (int t = 0; t < tokens; t++) {
                float v = x.get(t, c);
                if (Math.abs(v) >= 6) {
                    large++;
                    sum += Math.abs(v);
                    int s = v > 0 ? 1 : -1;
                    assertThat(sign == 0 || sign == s).as("channel %d keeps one sign", c).isTrue();
                    sign = s;
                }
            }
        }
        assertThat(large / (4.0 * tokens)).isBetween(0.75 - 0.045, 0.75 + 0.045);
        assertThat(sum / large).isBetween(20 * 0.98, 20 * 1.02);
        java.util.Set<Integer> outlier = new java.util.HashSet<>();
        for (int c : channels)
            outlier.add(c);
        for (int i = 0; i < x.size(); i++)
            if (!outlier.contains(i % hidden))
                assertThat(Math.abs(x.data()[i])).as("bulk element %d", i).isLessThan(6);
    }

    @Test
    void sameSeedSameActivations() {
        ActivationOutliers d = ActivationOutliers.defaults();
        assertThat(d.sample("x", 8, 512, 5).data()).containsExactly(d.sample("x", 8, 512, 5).data());
        assertThat(d.sample("x", 8, 512, 6).data()).isNotEqualTo(d.sample("x", 8, 512, 5).data());
    }

    @Test
    void settingsOutOfRangeAreUserErrors() {
        assertThatThrownBy(() -> ActivationOutliers.defaults().withChannelFraction(1.5))
                .isInstanceOf(UserInputException.class).hasMessageContaining("valid: 0 to 1");
        assertThatThrownBy(() -> ActivationOutliers.defaults().withMagnitude(-2))
                .isInstanceOf(UserInputException.class).hasMessageContaining("outlier magnitude: -2.0");
    }
}
