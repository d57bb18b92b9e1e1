package org.bitsweep.sim.fpga;

import java.util.ArrayList;
import java.util.List;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * What sizing an FPGA accelerator needs to know of a trace: its one pair of operand formats, its longest dot
 * product, its weights, and its largest activation tensor.
 *
 * @param longestReduction the largest k of any layer
 * @param weights          weight elements over all layers (attention layers have none: their B is activations)
 * @param activations      the most activation elements one layer reads or writes, max(m·k, m·n)
 * @param shapes           every layer's GEMM, for how many weight columns and activation rows run side by side
 */
record WorkloadNeeds(OperandFormats formats, long longestReduction, long weights, long activations,
                     List<GemmShape> shapes) {
    WorkloadNeeds {
        shapes = List.copyOf(new java.util.LinkedHashSet<>(shapes));   // each distinct GEMM once
    }

    /** The most weight columns any layer has side by side on {@code units} units: what the weight memory feeds. */
    long weightColumns(long units) {
        return shapes.stream().mapToLong(s -> Folding.of(units, s).columns()).max().orElseThrow();
    }

    /** The most activation rows any layer has side by side: what the activation buffer feeds. */
    long activationRows(long units) {
        return shapes.stream().mapToLong(s -> Folding.of(units, s).rows()).max().orElseThrow();
    }

    static WorkloadNeeds of(List<LayerTrace> layers) {
        if (layers.isEmpty())
            throw new IllegalArgumentException("empty trace");
        OperandFormats formats = layers.get(0).formats();
        long k = 0;
        long weights = 0;
        long activations = 0;
        List<GemmShape> shapes = new ArrayList<>();
        for (LayerTrace t : layers) {
            if (!t.formats().equals(formats))
                throw new UserInputException("layer %s runs %s, but layer %s runs %s; an FPGA accelerator builds one "
                        .formatted(t.layer().name(), t.formats(), layers.get(0).layer().name(), formats)
                        + "MAC unit for one pair of formats");
            GemmShape s = t.layer().shape();
            shapes.add(s);
            k = Math.max(k, s.k());
            if (t.layer().kind() == LayerKind.WEIGHT)
                weights = Math.addExact(weights, t.layer().weights());
            activations = Math.max(activations, Math.max(Math.multiplyExact(s.m(), s.k()),
                    Math.multiplyExact(s.m(), s.n())));
        }
        return new WorkloadNeeds(formats, k, weights, activations, shapes);
    }
}
