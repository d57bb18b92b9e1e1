package org.bitsweep.workloads.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.junit.jupiter.api.Test;

class LayerTraceTest {
    static final Layer UP = new Layer("mlp.up", new GemmShape(64, 11008, 4096));
    static final OperandFormats W8A8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));

    @Test
    void aTraceWithoutADecompositionReadsAsBefore() {
        LayerTrace t = new LayerTrace(UP, W8A8, 8.125, 8);
        assertThat(t.outliers()).isEmpty();
        assertThat(t.statistics()).isEmpty();
        assertThat(t).isEqualTo(new LayerTrace(UP, W8A8, 8.125, 8, null));
    }

    @Test
    void theOutlierColumnsSayHowManyMacsRunInFp16() {
        // 4 outlier columns of K = 4096: 64·11008·4 = 2,818,048 MACs in fp16 and 64·11008·4092 in int8.
        OutlierColumns o = new OutlierColumns(4, 4096, 6.0, Formats.parse("fp16"));
        LayerTrace t = new LayerTrace(UP, W8A8, 8.125, 8).withOutliers(o);
        assertThat(t.outliers()).contains(o);
        assertThat(o.outlierMacs(UP.shape())).isEqualTo(2_818_048L);
        assertThat(o.regularMacs(UP.shape())).isEqualTo(64L * 11008 * 4092);
        assertThat(o.outlierMacs(UP.shape()) + o.regularMacs(UP.shape())).isEqualTo(UP.shape().macs());
        assertThat(o.fraction()).isEqualTo(4 / 4096.0);
    }

    @Test
    void outlierColumnsMustCountTheLayersK() {
        assertThatThrownBy(() -> new LayerTrace(UP, W8A8, 8.125, 8)
                .withOutliers(new OutlierColumns(4, 11008, 6.0, Formats.parse("fp16"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer mlp.up has K = 4096");
    }
}
