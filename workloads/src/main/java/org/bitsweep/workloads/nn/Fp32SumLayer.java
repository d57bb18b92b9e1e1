package org.bitsweep.workloads.nn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.NumberFormat;

/**
 * A weighted layer whose arithmetic accumulates in IEEE binary32 ({@link MacForm.Fp32Sum}): each MAC is
 * {@code acc ← fl(acc + fl(p))}, and Java's float addition is that operation (JLS §15.18.2, strict since Java 17).
 * Each dot product keeps its order k = 0, 1, …; what runs side by side is many dot products at once: all output
 * positions of a convolution channel, all outputs of a dense layer, so the adds of one step are independent and
 * the JIT vectorizes them.
 *
 * <p>The rounded product fl(p) comes one of two ways. Where p is the plain product of the operands' values and every
 * value is a float, a float multiply of the two values is fl(p) (IEEE multiplication rounds the exact product once).
 * Otherwise from a table of fl(p) over every pair of an activation index and a distinct weight operand, where that
 * table is small (8-bit operands: 257 × 256 floats). {@link #of} returns null where neither holds, and the layer runs
 * MAC by MAC.
 *
 * <p>A group's accumulator is read back as its value: NaN as {@code Double.NaN}, which is what the accumulator's
 * quiet NaN pattern reads back as on the MAC-by-MAC path (a NaN's payload is the hardware's choice).
 */
final class Fp32SumLayer implements DotProductLayer {
    /** The largest product table: 2^20 floats, 4 MiB, so that it stays in cache. */
    private static final int MAX_TABLE_ENTRIES = 1 << 20;

    private final Geometry geometry;
    private final ActivationQuantizer input;
    private final long[] activationOperands;
    private final int activationOffset;
    /** Plain products: the float value of every activation index, and the weights' values (conv: o × K; dense: K × o). */
    private final float[] activationValues;
    private final float[] weightValues;
    /**
     * Table products: fl(p) by [weight row][activation index] (conv) or [activation index][weight row] (dense), and
     * each weight's row, offset into the table for a convolution (o × K) or not for a dense layer (K × o).
     */
    private final float[] products;
    private final int[] weightRows;
    private final int rowLength;

    private Fp32SumLayer(Geometry geometry, ActivationQuantizer input, long[] activationOperands,
                         float[] activationValues, float[] weightValues, float[] products, int[] weightRows,
                         int rowLength) {
        this.geometry = geometry;
        this.input = input;
        this.activationOperands = activationOperands;
        this.activationOffset = input.indexOffset();
        this.activationValues = activationValues;
        this.weightValues = weightValues;
        this.products = products;
        this.weightRows = weightRows;
        this.rowLength = rowLength;
    }

    /**
     * The layer, or null where products are neither plain float products nor tabled.
     *
     * @param weightFormat the format whose codes the weight operands are (that of the activations is the input's)
     */
    static Fp32SumLayer of(Geometry geometry, ActivationQuantizer input, Operands operands, long[] weightOperands,
                           NumberFormat weightFormat, MacForm.Fp32Sum form) {
        long[] table = input.operandTable(operands);
        boolean dense = !(geometry.layer() instanceof Conv2d);
        int k = geometry.reduction();
        int outputs = geometry.outputs();
        if (form.productOfCodeValues()) {
            float[] activationValues = floatValues(table, input.format());
            float[] weights = new float[weightOperands.length];
            boolean allFloats = activationValues != null;
            for (int j = 0; j < weights.length && allFloats; j++) {
                double v = weightFormat.decode((int) weightOperands[j]);
                weights[dense ? (j % k) * outputs + j / k : j] = (float) v;
                allFloats = isFloat(v);
            }
            if (allFloats)
                return new Fp32SumLayer(geometry, input, table, activationValues, weights, null, null, 0);
        }
        Map<Long, Integer> rows = new HashMap<>();
        for (long w : weightOperands)
            rows.putIfAbsent(w, rows.size());
        if ((long) rows.size() * table.length > MAX_TABLE_ENTRIES)
            return null;
        float[] products = new float[rows.size() * table.length];
        for (Map.Entry<Long, Integer> row : rows.entrySet())
            for (int index = 0; index < table.length; index++) {
                long a = table[index];
                float p = a == ActivationQuantizer.NO_OPERAND ? Float.NaN : (float) form.product().of(a, row.getKey());
                products[dense ? index * rows.size() + row.getValue() : row.getValue() * table.length + index] = p;
            }
        int[] weightRows = new int[weightOperands.length];
        for (int j = 0; j < weightOperands.length; j++) {
            int row = rows.get(weightOperands[j]);
            if (dense)
                weightRows[(j % k) * outputs + j / k] = row;
            else
                weightRows[j] = row * table.length;
        }
        return new Fp32SumLayer(geometry, input, table, null, null, products, weightRows,
                dense ? rows.size() : table.length);
    }

    /** The value of every activation index's operand code as a float, or null where one is not a float. */
    private static float[] floatValues(long[] table, NumberFormat format) {
        float[] values = new float[table.length];
        for (int index = 0; index < table.length; index++) {
            if (table[index] == ActivationQuantizer.NO_OPERAND) {
                values[index] = Float.NaN;
                continue;
            }
            double v = format.decode((int) table[index]);
            if (!isFloat(v))
                return null;
            values[index] = (float) v;
        }
        return values;
    }

    private static boolean isFloat(double v) {
        return Double.isNaN(v) || (double) (float) v == v;
    }

    /** A binary32 accumulator's value as the MAC-by-MAC path reads it back. */
    private static double value(float acc) {
        return acc != acc ? Double.NaN : acc;
    }

    @Override
    public String describe() {
        return activationValues != null ? "fp32 sums, float products" : "fp32 sums, product table";
    }

    @Override
    public Worker worker() {
        return new Fp32Worker();
    }

    private final class Fp32Worker implements Worker {
        private final int[] indexes = new int[geometry.input().size()];
        private final float[] values = new float[geometry.input().size()];
        private final Conv2d conv = geometry.layer() instanceof Conv2d c ? c : null;
        private final float[] columns = conv == null || activationValues == null ? null
                : new float[conv.reduction() * geometry.positions()];
        private final int[] indexColumns = conv == null || activationValues != null ? null
                : new int[conv.reduction() * geometry.positions()];
        private final float[] acc = new float[Math.max(geometry.positions(), geometry.outputs())];
        private final double[] sum = new double[acc.length];

        @Override
        public boolean forward(float[] x, float[] y) {
            input.indexes(x, x.length, indexes);
            if (!MacByMacLayer.allHaveOperands(activationOperands, activationOffset, indexes, x.length))
                return false;
            if (activationValues != null)
                for (int i = 0; i < x.length; i++)
                    values[i] = activationValues[indexes[i] + activationOffset];
            if (conv == null)
                dense(y);
            else
                conv(y);
            return true;
        }

        private void dense(float[] y) {
            int outputs = geometry.outputs();
            float[] acc = this.acc;
            float[] weights = weightValues;
            float[] table = products;
            int[] rows = weightRows;
            Arrays.fill(sum, 0, outputs, 0);
            for (int g = 0; g < geometry.groupsPerRow(); g++) {
                Arrays.fill(acc, 0, outputs, 0f);
                for (int k = geometry.groupStart(g); k < geometry.groupEnd(g); k++) {
                    int from = k * outputs;
                    if (weights != null) {
                        float a = values[k];
                        for (int o = 0; o < outputs; o++)
                            acc[o] += a * weights[from + o];
                    } else {
                        int base = (indexes[k] + activationOffset) * rowLength;
                        for (int o = 0; o < outputs; o++)
                            acc[o] += table[base + rows[from + o]];
                    }
                }
                for (int o = 0; o < outputs; o++)
                    sum[o] += value(acc[o]) * geometry.scale(o, g);
            }
            for (int o = 0; o < outputs; o++)
                y[o] = (float) (sum[o] + geometry.bias()[o]);
        }

        private void conv(float[] y) {
            int positions = geometry.positions();
            int k = conv.reduction();
            float[] acc = this.acc;
            float[] weights = weightValues;
            float[] table = products;
            int[] rows = weightRows;
            float[] cols = columns;
            int[] indexCols = indexColumns;
            if (weights != null)
                Kernels.im2col(values, geometry.input(), conv, geometry.output(), cols);
            else
                Kernels.im2col(indexes, geometry.input(), conv, geometry.output(), indexCols);
            int offset = activationOffset;
            for (int o = 0; o < geometry.outputs(); o++) {
                Arrays.fill(sum, 0, positions, 0);
                for (int g = 0; g < geometry.groupsPerRow(); g++) {
                    Arrays.fill(acc, 0, positions, 0f);
                    for (int j = geometry.groupStart(g); j < geometry.groupEnd(g); j++) {
                        int from = j * positions;
                        if (weights != null) {
                            float w = weights[o * k + j];
                            for (int p = 0; p < positions; p++)
                                acc[p] += w * cols[from + p];
                        } else {
                            int base = rows[o * k + j] + offset;
                            for (int p = 0; p < positions; p++)
                                acc[p] += table[base + indexCols[from + p]];
                        }
                    }
                    double s = geometry.scale(o, g);
                    for (int p = 0; p < positions; p++)
                        sum[p] += value(acc[p]) * s;
                }
                for (int p = 0; p < positions; p++)
                    y[o * positions + p] = (float) (sum[p] + geometry.bias()[o]);
            }
        }
    }
}
