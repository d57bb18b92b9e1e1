package org.bitsweep.sweep.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.file.SweepFileReader;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;

/** A sweep whose accuracy axis is a Fashion-MNIST model's top-1, with and without the PEs' own arithmetic. */
class Top1AccuracyTest {
    static final int IMAGES = 400;

    static String sweep(boolean throughPe) {
        return """
                workload: fmnist-mlp
                accuracy: {metric: top1, model: fmnist-mlp, images: %d, through_pe: %s}
                quantization: {weights: [int4, int8], activations: int8, granularity: channel:0}
                target: {pe: int-mac, array: 8x8, accumulator_bits: [16, 32]}
                """.formatted(IMAGES, throughPe);
    }

    static List<Double> top1(boolean throughPe, List<DesignPoint> points, Evaluator[] evaluator) throws Exception {
        SweepFile s = SweepFileReader.read("sweep.yaml", new StringReader(sweep(throughPe)));
        DesignSpace space = new DesignSpace(s);
        Evaluator e = new Evaluator(space);
        int column = s.columns().header().indexOf("top1");
        List<Double> top1 = new ArrayList<>();
        for (Iterator<DesignPoint> it = space.points(0); it.hasNext(); ) {
            DesignPoint p = it.next();
            points.add(p);
            top1.add((Double) e.evaluate(p).values().get(column));
        }
        evaluator[0] = e;
        return top1;
    }

    /** What bitsweep accuracy computes for the same quantization, with or without int-mac's arithmetic. */
    static double direct(String weights, Integer accumulatorBits) {
        InferenceConfig c = InferenceConfig.of(QuantConfig.of(Formats.parse(weights), Granularity.channel(0)),
                QuantConfig.of(Formats.parse("int8"), Granularity.TENSOR));
        if (accumulatorBits != null)
            c = c.withArithmetic(new IntMacPe(new PeParams(accumulatorBits, Overflow.WRAP)).macSupplier());
        return ReferenceInference.prepare(FashionModels.shipped("fmnist-mlp").network(), c, FashionMnist.calibration())
                .evaluate(FashionMnist.test().first(IMAGES)).top1();
    }

    @Test
    void throughThePeEachAccumulatorWidthGetsItsOwnAccuracy() throws Exception {
        List<DesignPoint> points = new ArrayList<>();
        Evaluator[] e = new Evaluator[1];
        List<Double> top1 = top1(true, points, e);
        assertThat(points).hasSize(4);
        for (int i = 0; i < points.size(); i++) {
            DesignPoint p = points.get(i);
            assertThat(top1.get(i)).as("%s acc %d", p.quantization().weights().name(), ((PeArraySpec) p.target()).accumulatorBits())
                    .isEqualTo(direct(p.quantization().weights().name(), ((PeArraySpec) p.target()).accumulatorBits().getAsInt()));
        }
        // One measurement per (weights, accumulator): 2 × 2.
        assertThat(e[0].accuracyEvaluations()).isEqualTo(4);
        // A 16-bit accumulator wraps on int8 × int8 sums of 784 terms; the 32-bit one does not.
        int int8acc16 = indexOf(points, "int8", 16);
        int int8acc32 = indexOf(points, "int8", 32);
        assertThat(top1.get(int8acc16)).isLessThan(top1.get(int8acc32) - 0.2);
    }

    @Test
    void withReferenceDotProductsTheAccumulatorDoesNotMatter() throws Exception {
        List<DesignPoint> points = new ArrayList<>();
        Evaluator[] e = new Evaluator[1];
        List<Double> top1 = top1(false, points, e);
        for (int i = 0; i < points.size(); i++)
            assertThat(top1.get(i)).isEqualTo(direct(points.get(i).quantization().weights().name(), null));
        assertThat(e[0].accuracyEvaluations()).isEqualTo(2);
    }

    private static int indexOf(List<DesignPoint> points, String weights, int accumulatorBits) {
        for (int i = 0; i < points.size(); i++)
            if (points.get(i).quantization().weights().name().equals(weights) && ((PeArraySpec) points.get(i).target()).accumulatorBits().equals(java.util.OptionalInt.of(accumulatorBits)))
                return i;
        throw new AssertionError("no point " + weights + " " + accumulatorBits);
    }
}
