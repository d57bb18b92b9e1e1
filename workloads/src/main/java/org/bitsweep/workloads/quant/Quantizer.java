package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MixtureFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.tensor.Tensor;

/**
 * Quantizes tensors with one configuration. Groups are runs of consecutive elements of a working array: the tensor
 * itself (per tensor, per row, per group of a row) or its transpose (per column), so every codec sees contiguous
 * memory. Each group is quantized independently; a group's random draws depend only on the seed and its index.
 */
public final class Quantizer {
    private final QuantConfig config;
    private final GroupCodec codec;

    public Quantizer(QuantConfig config) {
        this.config = config;
        this.codec = codec(config);
    }

    /** Symmetric, min-max, nearest-even, FP16 scales. */
    public Quantizer(NumberFormat format, Granularity granularity) {
        this(QuantConfig.of(format, granularity));
    }

    public QuantConfig config() {
        return config;
    }

    private static GroupCodec codec(QuantConfig c) {
        NumberFormat f = c.format();
        if (c.granularity() instanceof Granularity.None)
            return new CastCodec(f, c.overflow());
        if (f instanceof MxFormat mx)
            return mx.blockScale() == MxFormat.BlockScale.E8M0 ? new MxCodec(mx) : new NvFp4Codec(mx);
        if (f instanceof OliveFormat olive)
            return new OliveCodec(olive, c);
        if (f instanceof MixtureFormat mixture)
            return new MixtureCodec(mixture, c);
        if (c.asymmetric())
            return new AsymmetricIntCodec((IntFormat) f, c);
        return new ElementCodec(f, c);
    }

    public QuantizedTensor quantize(Tensor t) {
        boolean transposed = config.granularity() instanceof Granularity.PerChannel ch && ch.axis() == 1;
        int groupSize = groupSize(t);
        float[] work = transposed ? transpose(t.data(), t.rows(), t.cols()) : t.data();
        int n = work.length;
        int groups = config.granularity() instanceof Granularity.None ? 0 : n / groupSize;
        int[] codes = new int[n];
        float[] values = new float[n];
        GroupCodec.GroupRecord record = new GroupCodec.GroupRecord(new double[groups],
                new int[config.asymmetric() ? groups : 0], new int[hasSelectors() ? groups : 0]);
        if (groups == 0)
            codec.quantize(work, 0, n, 0, codes, values, record);
        for (int g = 0; g < groups; g++)
            codec.quantize(work, g * groupSize, (g + 1) * groupSize, g, codes, values, record);
        if (transposed) {
            codes = transpose(codes, t.cols(), t.rows());
            values = transpose(values, t.cols(), t.rows());
        }
        double bits = config.format().bits() + (double) groups * codec.bitsPerGroup() / n;
        return new QuantizedTensor(t.name(), t.rows(), t.cols(), config.format(), config.granularity(), codes, values,
                record.scales(), record.zeroPoints(), record.selectors(), groupSize, bits);
    }

    /**
     * Storage per element for groups of {@code groupElements} elements, without quantizing anything: the code's bits
     * plus each group's scale, zero point and selector bits shared among its elements. A cast stores codes only.
     */
    public double bitsPerElement(long groupElements) {
        if (config.granularity() instanceof Granularity.None)
            return config.format().bits();
        return config.format().bits() + (double) codec.bitsPerGroup() / groupElements;
    }

    private boolean hasSelectors() {
        return config.format() instanceof MixtureFormat || config.format() instanceof OliveFormat;
    }

    private int groupSize(Tensor t) {
        Granularity g = config.granularity();
        if (g instanceof Granularity.PerGroup p) {
            if (t.cols() % p.size() != 0)
                throw new UserInputException("group size %d does not divide the row length %d of tensor %s; use a divisor of %d"
                        .formatted(p.size(), t.cols(), t.name(), t.cols()));
            return p.size();
        }
        if (g instanceof Granularity.PerChannel ch)
            return ch.axis() == 0 ? t.cols() : t.rows();
        return t.size();
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] out = new float[a.length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                out[c * rows + r] = a[r * cols + c];
        return out;
    }

    private static int[] transpose(int[] a, int rows, int cols) {
        int[] out = new int[a.length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                out[c * rows + r] = a[r * cols + c];
        return out;
    }
}
