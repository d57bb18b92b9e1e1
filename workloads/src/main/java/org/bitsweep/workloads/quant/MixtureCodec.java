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
        // Candidates work on a copy of the group, so scratch arrays are group-sized.
        float[] slice = java.util.Arrays.copyOfRange(x, from, to);
        int[] tryCodes = new int[n];
        float[] tryValues = new float[n];
        double bestError = Double.POSITIVE_INFINITY;
        double bestScale = 1;
        int best = 0;
        for (int k = 0; k < candidates.size(); k++) {
            ElementCodec candidate = candidates.get(k);
            double scale = candidate.chooseScale(slice, 0, n, group);
            double error = candidate.apply(scale, slice, 0, n, group, tryCodes, tryValues);
            if (error < bestError) {
                bestError = error;
                best = k;
                bestScale = scale;
                System.arraycopy(tryCodes, 0, bestCodes, 0, n);
                System.arraycopy(tryValues, 0, bestValues, 0, n);
            }
        }
        System.arraycopy(bestCodes, 0, codes, from, n);
        System.arraycopy(bestValues, 0, values, from, n);
        record.scales()[group] = bestScale;
        record.selectors()[group] = best;
        return bestError;
    }
}
