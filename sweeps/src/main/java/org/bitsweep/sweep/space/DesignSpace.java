package org.bitsweep.sweep.space;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.bitsweep.sweep.file.SweepFile;

/**
 * The cartesian product of a sweep file's axes, enumerated lazily: point i is decoded from i in mixed radix, so
 * the space is never held as a list and its size is bounded only by time. The last axis (node) varies fastest and
 * the weight format slowest, so points sharing a quantization come together.
 */
public final class DesignSpace implements Iterable<DesignPoint> {
    private final SweepFile sweep;
    private final List<List<?>> axes;
    private final long size;

    public DesignSpace(SweepFile s) {
        this.sweep = s;
        this.axes = List.of(s.weights(), s.activations(), s.granularity(), s.pe(), s.array(), s.accumulatorBits(),
                s.overflow(), s.bufferKib(), s.clockMhz(), s.node());
        long n = 1;
        for (List<?> axis : axes)
            n = Math.multiplyExact(n, axis.size());
        this.size = n;
    }

    public long size() {
        return size;
    }

    public SweepFile sweep() {
        return sweep;
    }

    public DesignPoint point(long id) {
        if (id < 0 || id >= size)
            throw new IndexOutOfBoundsException("point " + id + " of " + size);
        int[] digit = new int[axes.size()];
        long rest = id;
        for (int a = axes.size() - 1; a >= 0; a--) {
            int radix = axes.get(a).size();
            digit[a] = (int) (rest % radix);
            rest /= radix;
        }
        SweepFile s = sweep;
        return new DesignPoint(id, s.weights().get(digit[0]), s.activations().get(digit[1]),
                s.granularity().get(digit[2]), s.pe().get(digit[3]), s.array().get(digit[4]),
                s.accumulatorBits().get(digit[5]), s.overflow().get(digit[6]), s.bufferKib().get(digit[7]),
                s.clockMhz().get(digit[8]), s.node().get(digit[9]));
    }

    @Override
    public Iterator<DesignPoint> iterator() {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public DesignPoint next() {
                if (next >= size)
                    throw new NoSuchElementException();
                return point(next++);
            }
        };
    }
}
