package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.tensor.Tensor;

/**
 * Symmetric absmax quantization to an integer format: each group's scale maps its largest magnitude onto the
 * format's largest positive integer, and each element is divided by the scale and rounded half to even. The most
 * negative code of a signed format (−2^(b−1)) is never produced, because no |x| exceeds the absmax.
 */
public record Quantizer(IntFormat format, Granularity granularity) {

    public QuantizedTensor quantize(Tensor t) {
        int groupSize = groupSize(t);
        if (!format.signed())
            for (float v : t.data())
                if (v < 0)
                    throw new UserInputException("tensor %s has negative values (e.g. %s); %s is unsigned, use int%d"
                            .formatted(t.name(), v, format.name(), format.bits()));
        float[] x = t.data();
        int[] codes = new int[x.length];
        float[] scales = new float[x.length / groupSize];
        double qmax = format.maxInt();
        for (int g = 0; g < scales.length; g++) {
            int from = g * groupSize;
            double absmax = 0;
            for (int i = from; i < from + groupSize; i++)
                absmax = Math.max(absmax, Math.abs(x[i]));
            // An all-zero group gets scale 1 so that 0 / scale is a plain 0 code, not 0/0.
            float scale = absmax == 0 ? 1f : (float) (absmax / qmax);
            scales[g] = scale;
            for (int i = from; i < from + groupSize; i++)
                codes[i] = format.encodeInt(format.roundToInt(x[i] / (double) scale));
        }
        return new QuantizedTensor(t.name(), t.rows(), t.cols(), format, groupSize, codes, scales);
    }

    private int groupSize(Tensor t) {
        if (granularity instanceof Granularity.PerGroup g) {
            if (t.cols() % g.size() != 0)
                throw new UserInputException("group size %d does not divide the row length %d of tensor %s; use a divisor of %d"
                        .formatted(g.size(), t.cols(), t.name(), t.cols()));
            return g.size();
        }
        return t.size();
    }
}
