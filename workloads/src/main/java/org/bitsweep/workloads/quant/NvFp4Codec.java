package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.MxFormat;

/**
 * One NVFP4 block: an FP8 E4M3 block scale under one FP32 scale per tensor, computed as NVIDIA Transformer Engine's
 * reference quantizer does ({@code custom_recipes/quantization_nvfp4.py}, {@code _quantize_blockwise_reference}),
 * in FP32 arithmetic throughout:
 * <ol>
 *   <li>tensor: g = (6·448) / amax(tensor) (1 where the tensor is all zero), and its decode scale 1/g;</li>
 *   <li>block: s = E4M3(min(448, (amax(block)/6)·g)), rounded to nearest even;</li>
 *   <li>elements: x · 1/(s·(1/g)), clamped to ±6, rounded to E2M1 (nearest even); each decodes as e·s·(1/g).</li>
 * </ol>
 * The stored per-block scale (what {@link QuantizedTensor#scales()} holds) is the product s·(1/g), exact in a double.
 * A block whose E4M3 scale underflows to zero dequantizes to zero, as in the reference.
 *
 * <p>The tensor scale needs the whole tensor, which a group codec sees as the working array {@code x}: it is
 * computed at the first group and whenever the array is another one, so a codec shared between threads stays
 * correct (it may recompute).
 */
final class NvFp4Codec implements GroupCodec {
    private final MxFormat format;
    private final MinifloatFormat scaleFormat;
    private final float elementMax;
    private final float scaleMax;
    private volatile TensorScale tensorScale;

    /** The per-tensor FP32 scale of one working array: g and its decode scale 1/g. */
    private record TensorScale(float[] array, float encode, float decode) {
    }

    NvFp4Codec(MxFormat format) {
        this.format = format;
        this.scaleFormat = format.scaleFormat();
        this.elementMax = (float) format.clampElement();
        this.scaleMax = (float) scaleFormat.maxValue();
    }

    @Override
    public int bitsPerGroup() {
        return MxFormat.SCALE_BITS;
    }

    @Override
    public double quantize(float[] x, int from, int to, int group, int[] codes, float[] values, GroupRecord record) {
        TensorScale t = tensorScale(x, group);
        float blockMax = 0;
        for (int i = from; i < to; i++)
            blockMax = Math.max(blockMax, Math.abs(x[i]));
        float blockScale = (float) scaleFormat.nearest(Math.min(scaleMax, (blockMax / elementMax) * t.encode()));
        float stored = blockScale * t.decode();
        float encode = Math.min(1 / stored, Float.MAX_VALUE);
        double dequantScale = (double) blockScale * t.decode();
        record.scales()[group] = dequantScale;
        double error = 0;
        for (int i = from; i < to; i++) {
            float scaled = Math.max(-elementMax, Math.min(elementMax, x[i] * encode));
            int code = format.encode(scaled);
            float v = (float) (format.decode(code) * dequantScale);
            codes[i] = code;
            values[i] = v;
            double d = (double) x[i] - v;
            error += d * d;
        }
        return error;
    }

    private TensorScale tensorScale(float[] x, int group) {
        TensorScale t = tensorScale;
        if (t != null && t.array() == x && group != 0)
            return t;
        float amax = 0;
        for (float v : x)
            amax = Math.max(amax, Math.abs(v));
        float encode = Math.min((scaleMax * elementMax) / amax, Float.MAX_VALUE);
        if (encode == 0)
            encode = 1;
        t = new TensorScale(x, encode, 1 / encode);
        tensorScale = t;
        return t;
    }
}
