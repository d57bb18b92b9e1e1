package org.bitsweep.pe.fpga;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.Network;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** The shipped CNN run through FPGA units' own arithmetic ({@link FpgaMacUnit#macSupplier()}). */
class FpgaInferenceTest {
    static final LabelledImages IMAGES = FashionMnist.test().first(200);
    static final Network CNN = FashionModels.shipped(FashionModels.CNN).network();
    /** The CNN's longest dot product: the first dense layer, 16·7·7 = 784 inputs. */
    static final long K = 784;

    static InferenceConfig config(String format) {
        return InferenceConfig.of(QuantConfig.of(Formats.parse(format), Granularity.parse("channel:0")),
                QuantConfig.of(Formats.parse(format), Granularity.parse("tensor")));
    }

    static ReferenceInference prepare(InferenceConfig c) {
        return ReferenceInference.prepare(CNN, c, FashionMnist.calibration());
    }

    static FpgaMacUnit unit(String format, String accumulator) {
        return FpgaMacUnit.of(OperandFormats.of(Formats.parse(format), Formats.parse(format)), accumulator, K, 1);
    }

    @Test
    void anExactIntegerUnitGivesTheExactIntegerPathsPredictions() {
        // int8 × int8 over 784 terms in the study's 8 + 8 + 10 + 1 = 27 bits never overflows, so the unit's sums are
        // the exact integer loops' sums, and so are the predictions.
        InferenceConfig c = config("int8");
        assertThat(prepare(c.withArithmetic(unit("int8", "exact").macSupplier())).predict(IMAGES))
                .isEqualTo(prepare(c).predict(IMAGES));
    }

    @Test
    void anExactMinifloatUnitAgreesWithTheDequantizedReference() {
        // The unit sums e2m1 codes' products exactly in fixed point and scales once; the reference sums dequantized
        // values in fp32. Both are (nearly) exact, so their predictions agree on all but rare near-ties.
        InferenceConfig c = config("e2m1fin");
        int[] reference = prepare(c).predict(IMAGES);
        int[] fpga = prepare(c.withArithmetic(unit("e2m1fin", "exact").macSupplier())).predict(IMAGES);
        int same = 0;
        for (int i = 0; i < reference.length; i++)
            same += reference[i] == fpga[i] ? 1 : 0;
        assertThat(same).as("predictions that agree, of %d", reference.length).isGreaterThanOrEqualTo(198);
    }
}
