package org.bitsweep.workloads.quant;

import java.util.List;

import org.bitsweep.workloads.format.MixtureFormat;

/**
 * BitMoD's per-group choice of data type: every candidate quantizes the group and the least squared error wins;
 * on a tie the earlier candidate wins, as in BitMoD's search (an update only on strictly lower error).
 */
final class MixtureCodec implements GroupCodec {
    private final List<ElementCodec> candidates;
    private final int selectorBits;

    MixtureCodec(MixtureFormat format, QuantConfig c) {
        this.candidates = format.candidates().stream().map(f -> new ElementCodec(f, c)).toList();
        this.selectorBits = format.selectorBits();
    }

    @Override
    public int bitsPerGroup() {
        return candidates.get(0).bitsPerGroup() + selectorBits;
    }

    @Override
    public double quantize(float[] x, int from, int to, int group, int[] codes, float[] values, GroupRecord record) {
        int n = to - from;
        int[] bestCodes = new int[n];
        float[] bestValues = new float[n];
        int[] tryCodes = new int[to];
        float[] tryValues = new float[to];
        double bestError = Double.POSITIVE_INFINITY;
        double bestScale = 1;
        int best = 0;
        for (int k = 0; k < candidates.size(); k++) {
            ElementCodec candidate = candidates.get(k);
            double scale = candidate.chooseScale(x, from, to, group);
            double error = candidate.apply(scale, x, from, to, group, tryCodes, tryValues);
            if (error < bestError) {
                bestError = error;
                best = k;
                bestScale = scale;
                System.arraycopy(tryCodes, from, bestCodes, 0, n);
                System.arraycopy(tryValues, from, bestValues, 0, n);
            }
        }
        System.arraycopy(bestCodes, 0, codes, from, n);
        System.arraycopy(bestValues, 0, values, from, n);
        record.scales()[group] = bestScale;
        record.selectors()[group] = best;
        return bestError;
    }
}
