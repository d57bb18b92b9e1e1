package org.bitsweep.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AxisTest {
    @Test void rejectsABlankLabelBecauseTheUnitWouldBeLost() {
        assertThatThrownBy(() -> new Axis(" ", AxisScale.LINEAR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test void rejectsAMissingScale() {
        assertThatThrownBy(() -> new Axis("area (µm²)", null)).isInstanceOf(NullPointerException.class);
    }

    @Test void autoLeavesTheScaleToTheData() {
        assertThat(Axis.auto("area (µm²)")).isEqualTo(new Axis("area (µm²)", AxisScale.AUTO));
    }
}
