package org.bitsweep.sweep.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.bitsweep.sweep.expr.Variables;
import org.bitsweep.sweep.model.Constraint;
import org.bitsweep.sweep.model.Derived;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.model.SweepCase;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.workloads.UserInputException;

/**
 * The points of a sweep, enumerated lazily, never held as a list: its cases one after another, each the product of
 * its axes ({@link CaseSpace}), so a point's id is its case's offset plus its index in the case. In each case the
 * workload and weight format vary slowest, so points sharing a quantization come together.
 */
public final class DesignSpace {
    private final SweepFile sweep;
    private final CaseSpace[] cases;
    private final long[] offsets;
    private final long size;
    private final List<Constraint> parameterConstraints;
    private final List<Derived> parameterDerived;

    /** @throws UserInputException when the space has more than 2^63 − 1 points */
    public DesignSpace(SweepFile sweep) {
        this.sweep = sweep;
        cases = new CaseSpace[sweep.cases().size()];
        offsets = new long[cases.length];
        long n = 0;
        for (int i = 0; i < cases.length; i++) {
            SweepCase c = sweep.cases().get(i);
            try {
                cases[i] = new CaseSpace(c);
                offsets[i] = n;
                n = Math.addExact(n, cases[i].size);
            } catch (ArithmeticException e) {
                throw new UserInputException("%s: the design space has more than %,d points; sweep fewer values"
                        .formatted(sweep.file(), Long.MAX_VALUE));
            }
        }
        size = n;
        parameterConstraints = sweep.constraints().stream().filter(c -> !c.fromMetrics()).toList();
        parameterDerived = sweep.derived().stream().filter(d -> !d.fromMetrics()).toList();
    }

    public long size() {
        return size;
    }

    public SweepFile sweep() {
        return sweep;
    }

    int cases() {
        return cases.length;
    }

    CaseSpace caseSpace(int index) {
        return cases[index];
    }

    long offset(int caseIndex) {
        return offsets[caseIndex];
    }

    public DesignPoint point(long id) {
        if (id < 0 || id >= size)
            throw new IndexOutOfBoundsException("point " + id + " of " + size);
        int c = Arrays.binarySearch(offsets, id);
        if (c < 0)
            c = -c - 2;
        while (c + 1 < offsets.length && offsets[c + 1] == id)
            c++;                                            // skip empty cases (none today; a case has ≥ 1 point)
        CaseSpace cs = cases[c];
        return cs.point(id, cs.valueIndex(id - offsets[c]));
    }

    /** A numeric parameter, or a derived column computed from parameters alone; NaN for other names. */
    public double parameter(DesignPoint p, String name) {
        double v = p.number(name);
        if (!Double.isNaN(v))
            return v;
        for (Derived d : parameterDerived)
            if (d.name().equals(name))
                return d.expression().eval(variables(p));
        return Double.NaN;
    }

    /** What expressions read of a point before it runs: its parameters, numeric and text. */
    public Variables variables(DesignPoint p) {
        return new Variables() {
            @Override
            public double number(String name) {
                return parameter(p, name);
            }

            @Override
            public String text(String name) {
                return p.text(name);
            }
        };
    }

    public boolean meetsParameterConstraints(DesignPoint p) {
        if (parameterConstraints.isEmpty())
            return true;
        Variables v = variables(p);
        for (Constraint c : parameterConstraints)
            if (!c.expression().test(v))
                return false;
        return true;
    }

    public boolean hasParameterConstraints() {
        return !parameterConstraints.isEmpty();
    }

    /** The points from {@code fromId} on that meet the parameter-only constraints, in id order, made on demand. */
    public Iterator<DesignPoint> points(long fromId) {
        return new Iterator<>() {
            private long next = fromId;
            private DesignPoint ready = advance();

            private DesignPoint advance() {
                while (next < size) {
                    DesignPoint p = point(next++);
                    if (meetsParameterConstraints(p))
                        return p;
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return ready != null;
            }

            @Override
            public DesignPoint next() {
                if (ready == null)
                    throw new NoSuchElementException();
                DesignPoint p = ready;
                ready = advance();
                return p;
            }
        };
    }

    /** Case by case, the pointers of its axes (for checks that report against the file). */
    List<SweepCase> sweepCases() {
        return new ArrayList<>(sweep.cases());
    }
}
