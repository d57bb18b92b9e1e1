package org.bitsweep.sim.gpu.kernel;

/**
 * Bank conflicts of a warp's look-ups into a shared-memory table. Shared memory has 32 banks of 4-byte words, word w
 * in bank w mod 32; in one access each bank serves one word (lanes asking for the same word share it), so a warp's
 * access takes as many wavefronts as the largest number of distinct words asked of one bank (CUDA C Programming
 * Guide, shared memory for compute capability 5.x and later).
 *
 * <p>For lanes that pick table entries independently and uniformly (LUT-GEMM's keys are bytes of weight bit-planes),
 * the expected number of wavefronts is computed exactly: with w words per bank and each lane hitting a given word with
 * probability p, P(max ≤ t) = L! [x^L] f_t(x)^32, where f_t(x) = Σ_c a_t(c) p^c x^c / c! and a_t(c) counts the ways c
 * lanes fall on at most t distinct words of a bank, a_t(c) = Σ_{j ≤ t} C(w, j) · surj(c, j).
 */
public final class SharedMemoryBanks {
    public static final int BANKS = 32;
    public static final int WORD_BYTES = 4;

    private SharedMemoryBanks() {
    }

    /** Expected wavefronts of one access by {@code lanes} lanes to uniformly random entries of a table. */
    public static double expectedWavefronts(int entries, int entryBytes, int lanes) {
        int words = entries * entryBytes / WORD_BYTES;
        if (words * WORD_BYTES != entries * entryBytes || words % BANKS != 0)
            throw new IllegalArgumentException("a table of %d entries of %d bytes does not fill whole words of every bank"
                    .formatted(entries, entryBytes));
        int perBank = words / BANKS;
        double p = 1.0 / words;
        double expected = 0;
        for (int t = 0; t < perBank; t++)
            expected += 1 - probabilityAtMost(t, perBank, p, lanes);
        return expected;
    }

    /** P(no bank is asked for more than t distinct words). */
    private static double probabilityAtMost(int t, int perBank, double p, int lanes) {
        double[] f = new double[lanes + 1];
        double pc = 1;
        double factorial = 1;
        for (int c = 0; c <= lanes; c++) {
            if (c > 0) {
                pc *= p;
                factorial *= c;
            }
            double ways = 0;
            for (int j = 0; j <= Math.min(t, perBank); j++)
                ways += binomial(perBank, j) * surjections(c, j);
            f[c] = ways * pc / factorial;
        }
        double[] power = new double[lanes + 1];
        power[0] = 1;
        for (int b = 0; b < BANKS; b++) {
            double[] next = new double[lanes + 1];
            for (int i = 0; i <= lanes; i++)
                if (power[i] != 0)
                    for (int c = 0; c + i <= lanes; c++)
                        next[i + c] += power[i] * f[c];
            power = next;
        }
        double lanesFactorial = 1;
        for (int c = 2; c <= lanes; c++)
            lanesFactorial *= c;
        return power[lanes] * lanesFactorial;
    }

    /** Onto maps from c labelled lanes to j labelled words: Σ_i (−1)^i C(j, i) (j − i)^c. */
    private static double surjections(int c, int j) {
        if (j == 0)
            return c == 0 ? 1 : 0;
        double sum = 0;
        for (int i = 0; i <= j; i++)
            sum += (i % 2 == 0 ? 1 : -1) * binomial(j, i) * Math.pow(j - i, c);
        return sum;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++)
            r = r * (n - k + i) / i;
        return r;
    }
}
