package org.bitsweep.workloads.eval;

import org.bitsweep.workloads.format.MixtureFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantizedTensor;

/**
 * A quantized GEMM operand (rows × K, one scale per tensor, per row or per group of a row, or none) read the way a
 * MAC unit reads it: each element's grid value (its value before the scale) and the scale it shares with its group.
 * Groups are runs of consecutive elements of the row-major tensor, {@link #groupLength} long.
 */
final class GridOperand {
    private final QuantizedTensor q;
    private final int groupLength;
    /** Elements of a row between scale changes: the group, or the whole row for scales per tensor or per row. */
    private final int runAlongRow;

    /** @throws IllegalArgumentException for asymmetric or per-column scales ({@link GemmQuantization} refuses them) */
    GridOperand(QuantizedTensor q) {
        this.q = q;
        Granularity g = q.granularity();
        if (q.zeroPoints().length > 0 || (g instanceof Granularity.PerChannel ch && ch.axis() == 1))
            throw new IllegalArgumentException("a MAC operand needs symmetric scales constant along runs of a row, got "
                    + g + (q.zeroPoints().length > 0 ? " asymmetric" : ""));
        this.groupLength = g instanceof Granularity.PerGroup p ? p.size()
                : g instanceof Granularity.PerChannel ? q.cols() : q.rows() * q.cols();
        this.runAlongRow = g instanceof Granularity.PerGroup p ? p.size() : q.cols();
    }

    /** Elements along a row that share one scale. */
    int runAlongRow() {
        return runAlongRow;
    }

    /** The scale of element i (1 for a cast, which stores none). */
    double scale(int i) {
        return q.scales().length == 0 ? 1 : q.scales()[i / groupLength];
    }

    /**
     * The value element i's code stands for before its scale: a mixture reads it through its group's choice of type;
     * OliVe in pairs (2j, 2j + 1) counted from its group's start, the last element of an odd group alone (always a
     * normal value, see the quantizer's OliVe codec).
     */
    double gridValue(int i) {
        int code = q.codes()[i];
        if (q.format() instanceof MixtureFormat m)
            return m.candidates().get(q.selectors()[i / groupLength]).decode(code);
        if (q.format() instanceof OliveFormat o) {
            int group = i / groupLength;
            int type = q.selectors()[group];
            int offset = i - group * groupLength;
            if (offset % 2 == 1)
                return o.decodePair(type, q.codes()[i - 1], code)[1];
            if (offset + 1 < groupLength)
                return o.decodePair(type, code, q.codes()[i + 1])[0];
            return o.decodePair(type, code, 0)[0];
        }
        return q.format().decode(code);
    }
}
