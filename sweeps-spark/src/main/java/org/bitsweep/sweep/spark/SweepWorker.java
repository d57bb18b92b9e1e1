package org.bitsweep.sweep.spark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.sweep.eval.Evaluator;
import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.sweep.exec.LocalExecutor;
import org.bitsweep.sweep.exec.RowCells;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.sweep.space.SweepLoader;

/**
 * What runs on a Spark executor: the sweep rebuilt from its resolved text (read and checked as the driver read it),
 * kept once per executor JVM with its evaluator, whose caches of accuracy and traces then serve every task that JVM
 * runs; and a range of points evaluated into rows of cells.
 */
final class SweepWorker {
    /** The built sweeps of this JVM, by their resolved text (a JVM normally serves one sweep). */
    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    private record Built(DesignSpace space, Evaluator evaluator) {
    }

    private SweepWorker() {
    }

    /** The rows of points [from, to) that the parameter constraints let through, each as its cells, in id order. */
    static String[][] rows(String sweepFile, String resolvedText, long from, long to) {
        Built b = BUILT.computeIfAbsent(resolvedText, text -> build(sweepFile, text));
        List<ResultRow> rows = LocalExecutor.evaluateRange(b.space(), b.evaluator(), from, to);
        String[][] cells = new String[rows.size()][];
        for (int i = 0; i < cells.length; i++)
            cells[i] = RowCells.encode(rows.get(i));
        return cells;
    }

    private static Built build(String sweepFile, String text) {
        try {
            SweepFile sweep = SweepLoader.load(sweepFile, new StringReader(text));
            DesignSpace space = new DesignSpace(sweep);
            return new Built(space, new Evaluator(space));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
