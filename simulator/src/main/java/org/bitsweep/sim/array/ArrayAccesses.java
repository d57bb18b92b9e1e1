package org.bitsweep.sim.array;

/**
 * Elements the PE array moves between itself and its buffers over one GEMM (not bits: the operands' widths come from
 * the trace).
 *
 * @param activationReads reads of A from the activation buffer
 * @param weightReads     reads of B from the weight buffer
 * @param outputWrites    writes into the output buffer: finished outputs, or partial sums when they accumulate there
 * @param outputReads     partial sums read back to be added to (0 when the PEs hold the sums)
 */
public record ArrayAccesses(long activationReads, long weightReads, long outputWrites, long outputReads) {
    public ArrayAccesses {
        if (activationReads < 0 || weightReads < 0 || outputWrites < 0 || outputReads < 0)
            throw new IllegalArgumentException("access counts must be >= 0");
    }
}
