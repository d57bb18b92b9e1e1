package org.bitsweep.workloads.nn;

import java.util.Arrays;

/**
 * The loops every pass shares. Floating-point sums run in a fixed order written here (Java does not reassociate or
 * fuse float arithmetic), so a result depends on the inputs alone, not on the machine or the thread count. Loops
 * whose inner step is {@code y[j] += s·x[j]} over contiguous memory are the ones the JIT vectorizes.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * Σ a[aFrom + i]·b[bFrom + i], i &lt; n, as four interleaved partial sums (i mod 4) added as (s0 + s1) + (s2 + s3),
     * then the tail: four independent chains instead of one, so the adds overlap.
     */
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        float s = (s0 + s1) + (s2 + s3);
        for (; i < n; i++)
            s += a[aFrom + i] * b[bFrom + i];
        return s;
    }

    /** y[yFrom + i] += s·x[xFrom + i], i &lt; n. */
    static void axpy(float s, float[] x, int xFrom, float[] y, int yFrom, int n) {
        for (int i = 0; i < n; i++)
            y[yFrom + i] += s * x[xFrom + i];
    }

    /** Σ a[aFrom + i]·b[bFrom + i] over integers, exact while it fits in an int (callers check the bound). */
    static int dot(int[] a, int aFrom, int[] b, int bFrom, int n) {
        int s = 0;
        for (int i = 0; i < n; i++)
            s += a[aFrom + i] * b[bFrom + i];
        return s;
    }

    /** Σ a[aFrom + i]·b[bFrom + i] over longs, modulo 2^64 (exact while it fits; callers check the bound). */
    static long dot(long[] a, int aFrom, long[] b, int bFrom, int n) {
        long s = 0;
        for (int i = 0; i < n; i++)
            s += a[aFrom + i] * b[bFrom + i];
        return s;
    }

    /** y[yFrom + i] += s·x[xFrom + i] over integers. */
    static void axpy(int s, int[] x, int xFrom, int[] y, int yFrom, int n) {
        for (int i = 0; i < n; i++)
            y[yFrom + i] += s * x[xFrom + i];
    }

    /**
     * Lowers a convolution's input to a K × P matrix, K = channels·kernel² (the weight's columns), P = output
     * positions: {@code col[k·P + p]} is the input value that kernel tap k meets at output position p, 0 in the padding.
     */
    static void im2col(float[] in, Shape s, Conv2d c, Shape out, float[] col) {
        im2col(in, s, c, out, col, (from, to) -> Arrays.fill(col, from, to, 0f));
    }

    /** {@link #im2col(float[], Shape, Conv2d, Shape, float[])} over integer codes (0 pads, the code of 0). */
    static void im2col(int[] in, Shape s, Conv2d c, Shape out, int[] col) {
        im2col(in, s, c, out, col, (from, to) -> Arrays.fill(col, from, to, 0));
    }

    /** Zeroes {@code col[from, to)} of the array being filled. */
    private interface ZeroFill {
        void fill(int from, int to);
    }

    /** One lowering for float and int arrays: System.arraycopy copies either; only the zero padding is typed. */
    private static void im2col(Object in, Shape s, Conv2d c, Shape out, Object col, ZeroFill zero) {
        int kk = c.kernel();
        int positions = out.plane();
        for (int ch = 0; ch < s.channels(); ch++)
            for (int ky = 0; ky < kk; ky++)
                for (int kx = 0; kx < kk; kx++) {
                    int row = ((ch * kk + ky) * kk + kx) * positions;
                    // Output columns ox whose input column ox + kx − padding lies inside the image.
                    int first = Math.max(0, c.padding() - kx);
                    int end = Math.min(out.width(), s.width() + c.padding() - kx);
                    for (int oy = 0; oy < out.height(); oy++) {
                        int iy = oy + ky - c.padding();
                        int dst = row + oy * out.width();
                        if (iy < 0 || iy >= s.height()) {
                            zero.fill(dst, dst + out.width());
                            continue;
                        }
                        zero.fill(dst, dst + first);
                        System.arraycopy(in, (ch * s.height() + iy) * s.width() + first + kx - c.padding(), col,
                                dst + first, end - first);
                        zero.fill(dst + end, dst + out.width());
                    }
                }
    }

    /**
     * The transpose of {@link #im2col(int[], Shape, Conv2d, Shape, int[])}, P × K: {@code colT[p·K + k]}, so that
     * each output position's patch is contiguous, ready for a dot product with a weight row. {@code padded} is
     * scratch of {@link #paddedSize} ints: the input with its zero border, so that no copy needs a bounds test.
     */
    static void im2colTransposed(int[] in, Shape s, Conv2d c, Shape out, int[] padded, int[] colT) {
        int kk = c.kernel();
        int k = c.reduction();
        int pad = c.padding();
        int ph = s.height() + 2 * pad;
        int pw = s.width() + 2 * pad;
        Arrays.fill(padded, 0);
        for (int ch = 0; ch < s.channels(); ch++)
            for (int y = 0; y < s.height(); y++)
                System.arraycopy(in, (ch * s.height() + y) * s.width(), padded, (ch * ph + y + pad) * pw + pad,
                        s.width());
        int dst = 0;
        for (int oy = 0; oy < out.height(); oy++)
            for (int ox = 0; ox < out.width(); ox++)
                for (int ch = 0; ch < s.channels(); ch++)
                    for (int ky = 0; ky < kk; ky++) {
                        int src = (ch * ph + oy + ky) * pw + ox;
                        for (int kx = 0; kx < kk; kx++)
                            colT[dst++] = padded[src + kx];
                    }
    }

    static int paddedSize(Shape s, Conv2d c) {
        return s.channels() * (s.height() + 2 * c.padding()) * (s.width() + 2 * c.padding());
    }

    /** y = W·x + b for one image; the sum first, then the bias. */
    static void dense(float[] w, float[] b, int inputs, float[] x, float[] y) {
        for (int o = 0; o < b.length; o++)
            y[o] = dot(w, o * inputs, x, 0, inputs) + b[o];
    }

    /**
     * One image through a convolution, from its im2col matrix: for each output channel, the taps are added in order
     * k = 0 … K−1 (a zero weight adds nothing and is skipped), then the bias.
     */
    static void conv(float[] w, float[] b, int reduction, float[] col, int positions, float[] y) {
        for (int o = 0; o < b.length; o++) {
            int out = o * positions;
            Arrays.fill(y, out, out + positions, 0f);
            for (int k = 0; k < reduction; k++) {
                float wk = w[o * reduction + k];
                if (wk != 0)
                    axpy(wk, col, k * positions, y, out, positions);
            }
            for (int p = 0; p < positions; p++)
                y[out + p] += b[o];
        }
    }

    /** max(x, 0); Math.max also turns −0 into +0. */
    static void relu(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++)
            y[i] = Math.max(x[i], 0f);
    }

    /** Max-pools {@code x}; {@code argmax}, when not null, gets the index in x of each output's maximum (the first
     *  one in row-major order on a tie). */
    static void maxPool(float[] x, Shape s, int size, float[] y, int[] argmax) {
        int oh = s.height() / size;
        int ow = s.width() / size;
        int o = 0;
        for (int c = 0; c < s.channels(); c++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++, o++) {
                    int corner = (c * s.height() + oy * size) * s.width() + ox * size;
                    int best = corner;
                    for (int dy = 0; dy < size; dy++)
                        for (int dx = 0, i = corner + dy * s.width(); dx < size; dx++, i++)
                            if (x[i] > x[best])
                                best = i;
                    y[o] = x[best];
                    if (argmax != null)
                        argmax[o] = best;
                }
    }

    /** The index of the largest value; the first on a tie. */
    static int argmax(float[] x, int n) {
        int best = 0;
        for (int i = 1; i < n; i++)
            if (x[i] > x[best])
                best = i;
        return best;
    }
}
