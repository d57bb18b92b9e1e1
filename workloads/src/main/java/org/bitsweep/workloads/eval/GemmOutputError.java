package org.bitsweep.workloads.eval;

import java.util.stream.IntStream;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.Tensor;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.OutlierColumns;

/**
 * The error a quantization brings to a layer's output: {@code Y = X·Wᵀ} with X (tokens × K, one token per row) and W
 * (outputs × K, one output channel per row, as PyTorch stores a Linear layer's weight) quantized as a
 * {@link GemmQuantization} says, against the product of the unquantized FP32 inputs. Both products are summed in
 * double precision, where every float product is exact, so the reference carries no accumulation error of its own;
 * the quantized product is either the exact sum of the dequantized values or, through a PE's arithmetic, the PE's
 * own result. Attention's Q·Kᵀ is the same product with the keys (in the KV-cache format) as W.
 *
 * <p>Through a PE, each dot product is split along K where either operand's scale changes (a group boundary); each
 * run is accumulated MAC by MAC from the PE's zero accumulator over the operands it defines for the grid values (the
 * values before their scales), in order k = 0, 1, …, and {@code y = Σ_runs value(acc)·s_x·s_w}, as
 * {@code ReferenceInference} does for one weight scale per group. With an outlier decomposition the outlier columns'
 * products are added exactly from their FP16 values, beside the quantized (or PE) product of the other columns.
 */
public final class GemmOutputError {
    private GemmOutputError() {
    }

    /**
     * @param x activations, tokens × K
     * @param w weights (or keys), outputs × K
     * @throws UserInputException when K differs, or the quantized output is not finite (an accumulator that
     *                            overflowed to ±∞ or NaN)
     */
    public static OutputError measure(String name, Tensor x, Tensor w, GemmQuantization q) {
        if (x.cols() != w.cols())
            throw new UserInputException(("%s: Y = X·Wᵀ needs as many columns in X as in W (K, the input features); "
                    + "activations %s are [%d, %d] and weights %s are [%d, %d]; weights are stored [outputs, inputs] "
                    + "as PyTorch stores them").formatted(name, x.name(), x.rows(), x.cols(), w.name(), w.rows(),
                    w.cols()));
        int k = x.cols();
        double[] reference = exactProduct(x.data(), w.data(), x.rows(), w.rows(), k);
        int[] outliers = q.decomposition().map(d -> d.columns(x)).orElse(new int[0]);
        Tensor xRegular = withoutColumns(x, outliers);
        Tensor wRegular = withoutColumns(w, outliers);
        QuantizedTensor xq = q.activations().map(c -> new Quantizer(c).quantize(xRegular)).orElse(null);
        QuantizedTensor wq = q.weights().map(c -> new Quantizer(c).quantize(wRegular)).orElse(null);
        double[] approx = q.arithmetic() == MacSupplier.EXACT
                ? exactProduct(xq == null ? xRegular.data() : xq.values(), wq == null ? wRegular.data() : wq.values(),
                        x.rows(), w.rows(), k)
                : throughMacs(xq, wq, q.arithmetic(), q.operandFormats().orElseThrow(), x.rows(), w.rows(), k);
        if (outliers.length > 0)
            addOutlierProducts(approx, x, w, outliers);
        requireFinite(name, approx, w.rows(), q.arithmetic());
        OutlierColumns columns = q.decomposition().map(d -> new OutlierColumns(outliers.length, k, d.threshold(),
                OutlierDecomposition.OUTLIER_FORMAT)).orElse(null);
        return compare(name, reference, approx, wq == null ? Float.SIZE : wq.bitsPerElement(),
                xq == null ? Float.SIZE : xq.bitsPerElement(), columns);
    }

    /** Σ_k a[t, k]·b[n, k] for every t, n, in double (each float product is exact there). */
    static double[] exactProduct(float[] a, float[] b, int tokens, int outputs, int k) {
        double[] y = new double[tokens * outputs];
        IntStream.range(0, tokens).parallel().forEach(t -> {
            for (int n = 0; n < outputs; n++)
                y[t * outputs + n] = dot(a, t * k, b, n * k, k);
        });
        return y;
    }

    /** Four running sums, a fixed order of additions whatever the thread count. */
    private static double dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += (double) a[aFrom + j] * b[bFrom + j];
            s1 += (double) a[aFrom + j + 1] * b[bFrom + j + 1];
            s2 += (double) a[aFrom + j + 2] * b[bFrom + j + 2];
            s3 += (double) a[aFrom + j + 3] * b[bFrom + j + 3];
        }
        for (; j < length; j++)
            s0 += (double) a[aFrom + j] * b[bFrom + j];
        return (s0 + s1) + (s2 + s3);
    }

    /** Every dot product MAC by MAC through the arithmetic, one run per stretch of K with constant scales. */
    private static double[] throughMacs(QuantizedTensor xq, QuantizedTensor wq, MacSupplier supplier,
                                        OperandFormats formats, int tokens, int outputs, int k) {
        GridOperand x = new GridOperand(xq);
        GridOperand w = new GridOperand(wq);
        Operands operands = supplier.operands(formats);
        MacArithmetic mac = supplier.arithmetic(formats);
        long[] xOperands = new long[tokens * k];
        for (int i = 0; i < xOperands.length; i++)
            xOperands[i] = operands.activation(x.gridValue(i));
        long[] wOperands = new long[outputs * k];
        for (int i = 0; i < wOperands.length; i++)
            wOperands[i] = operands.weight(w.gridValue(i));
        int xRun = x.runAlongRow();
        int wRun = w.runAlongRow();
        double[] y = new double[tokens * outputs];
        IntStream.range(0, tokens).parallel().forEach(t -> {
            for (int n = 0; n < outputs; n++) {
                double sum = 0;
                for (int from = 0; from < k; ) {
                    int to = Math.min((from / xRun + 1) * xRun, (from / wRun + 1) * wRun);
                    long acc = operands.zeroAccumulator();
                    for (int j = from; j < to; j++)
                        acc = mac.mac(acc, xOperands[t * k + j], wOperands[n * k + j]);
                    sum += operands.accumulatorValue(acc) * x.scale(t * k + from) * w.scale(n * k + from);
                    from = to;
                }
                y[t * outputs + n] = sum;
            }
        });
        return y;
    }

    /** The tensor with the given columns set to zero (the tensor itself when there are none). */
    private static Tensor withoutColumns(Tensor t, int[] columns) {
        if (columns.length == 0)
            return t;
        float[] d = t.data().clone();
        for (int r = 0; r < t.rows(); r++)
            for (int c : columns)
                d[r * t.cols() + c] = 0;
        return new Tensor(t.name(), t.rows(), t.cols(), d);
    }

    /** Adds Σ_{k∈O} fp16(x[t, k])·fp16(w[n, k]) to every output. */
    private static void addOutlierProducts(double[] y, Tensor x, Tensor w, int[] columns) {
        int outputs = w.rows();
        int k = x.cols();
        for (int t = 0; t < x.rows(); t++)
            for (int n = 0; n < outputs; n++) {
                double sum = 0;
                for (int c : columns)
                    sum += OutlierDecomposition.OUTLIER_FORMAT.nearest(x.data()[t * k + c])
                            * OutlierDecomposition.OUTLIER_FORMAT.nearest(w.data()[n * k + c]);
                y[t * outputs + n] += sum;
            }
    }

    private static void requireFinite(String name, double[] y, int outputs, MacSupplier arithmetic) {
        int count = 0;
        int first = -1;
        for (int i = 0; i < y.length; i++)
            if (!Double.isFinite(y[i])) {
                if (first < 0)
                    first = i;
                count++;
            }
        if (count > 0)
            throw new UserInputException(("%s: %d of %d quantized outputs are not finite (the first, token %d, output "
                    + "%d, is %s) through arithmetic %s, so the output error is undefined; an accumulator that overflows "
                    + "to infinity does this: use a wider one").formatted(name, count, y.length, first / outputs,
                    first % outputs, y[first], arithmetic.id()));
    }

    private static OutputError compare(String name, double[] reference, double[] approx, double weightBits,
                                       double activationBits, OutlierColumns outliers) {
        double signal = 0;
        double noise = 0;
        double cross = 0;
        double approximation = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = reference[i] - approx[i];
            signal += reference[i] * reference[i];
            noise += d * d;
            cross += reference[i] * approx[i];
            approximation += approx[i] * approx[i];
        }
        return new OutputError(name, reference.length, signal, noise, cross, approximation, weightBits,
                activationBits, outliers);
    }
}
