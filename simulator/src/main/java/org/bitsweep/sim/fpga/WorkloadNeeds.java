package org.bitsweep.sim.fpga;

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
 */
record WorkloadNeeds(OperandFormats formats, long longestReduction, long weights, long activations) {
    static WorkloadNeeds of(List<LayerTrace> layers) {
        if (layers.isEmpty())
            throw new IllegalArgumentException("empty trace");
        OperandFormats formats = layers.get(0).formats();
        long k = 0;
        long weights = 0;
        long activations = 0;
        for (LayerTrace t : layers) {
            if (!t.formats().equals(formats))
                throw new UserInputException("layer %s runs %s, but layer %s runs %s; an FPGA accelerator builds one "
                        .formatted(t.layer().name(), t.formats(), layers.get(0).layer().name(), formats)
                        + "MAC unit for one pair of formats");
            GemmShape s = t.layer().shape();
            k = Math.max(k, s.k());
            if (t.layer().kind() == LayerKind.WEIGHT)
                weights = Math.addExact(weights, t.layer().weights());
            activations = Math.max(activations, Math.max(Math.multiplyExact(s.m(), s.k()),
                    Math.multiplyExact(s.m(), s.n())));
        }
        return new WorkloadNeeds(formats, k, weights, activations);
    }
}
