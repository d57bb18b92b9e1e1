package org.bitsweep.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.TreeMap;

import org.bitsweep.sweep.eval.Evaluator;
import org.bitsweep.sweep.exec.SweepExecutor;
import org.bitsweep.sweep.exec.SweepJob;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.file.ResolvedSweepWriter;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.sweep.report.SweepReport;
import org.bitsweep.sweep.store.OutputFolder;
import org.bitsweep.sweep.store.ResultStore;
import org.bitsweep.workloads.UserInputException;

/**
 * The main job: evaluate every point of a sweep, stream the rows to results.csv (and results.jsonl), then draw the
 * report. The output folder is held for the run's life ({@link OutputFolder}); with {@code resume}, the rows an
 * interrupted run finished are kept and only the rest run, and a resume with nothing left to run leaves a complete
 * report as it is.
 */
public final class SweepRunner {
    /** The default of {@code --max-points}: past it a design space is refused before any work. */
    public static final long DEFAULT_MAX_POINTS = 100_000_000L;

    /**
     * What a finished sweep did and wrote, for the command line to report.
     *
     * @param failures the new rows that are not feasible, counted by the category of their reason
     * @param report   what the report found, or null when a resume had nothing to do and the report was complete
     */
    public record Outcome(long spacePoints, long resumedRows, long newRows, int accuracyEvaluations,
                          Map<String, Long> failures, SweepReport.Summary report, List<Path> files) {
    }

    private SweepRunner() {
    }

    /**
     * @param sweepFile the sweep file's path as given (a remote executor rebuilds the sweep from its resolved text,
     *                  resolving the files it names against this path's folder)
     * @param force     replace whatever results the folder holds, another sweep's included
     */
    public static Outcome run(SweepFile sweep, String sweepFile, Path out, SweepExecutor executor, boolean resume,
                              boolean force) {
        DesignSpace space = new DesignSpace(sweep);
        String text = ResolvedSweepWriter.text(sweep);
        Evaluator evaluator = new Evaluator(space);
        List<String> header = evaluator.columns().header();
        int feasibleAt = header.indexOf("feasible");
        int reasonAt = header.indexOf("reason");
        Map<String, Long> failures = new TreeMap<>();
        try (OutputFolder folder = OutputFolder.take(out, "bitsweep run " + sweepFile)) {
            OutputFolder.Start start = folder.start(text, resume, force);
            ResultStore store;
            long fromId = 0;
            long kept = 0;
            if (start == OutputFolder.Start.RESUME) {
                Iterator<DesignPoint> points = space.points(0);
                ResultStore.Resumed r = ResultStore.resume(out, header, sweep.jsonl(), new PrimitiveIterator.OfLong() {
                    @Override
                    public boolean hasNext() {
                        return points.hasNext();
                    }

                    @Override
                    public long nextLong() {
                        return points.next().id();
                    }
                });
                store = r.store();
                kept = r.kept();
                fromId = r.lastId() + 1;
            } else {
                store = ResultStore.create(out, header, sweep.jsonl());
            }
            List<Path> files = new ArrayList<>(List.of(out.resolve(OutputFolder.RESOLVED)));
            ResultStore.fileNames(sweep.jsonl()).forEach(f -> files.add(out.resolve(f)));
            if (start == OutputFolder.Start.RESUME && !space.points(fromId).hasNext() && folder.completeFor(kept)) {
                store.close();
                return new Outcome(space.size(), kept, 0, 0, failures, null, files);
            }
            folder.markIncomplete();
            long[] written = {0};
            try (store) {
                executor.run(new SweepJob(space, evaluator, sweepFile, text), fromId, row -> {
                    store.write(row);
                    written[0]++;
                    if (!Boolean.TRUE.equals(row.values().get(feasibleAt)))
                        failures.merge(category(String.valueOf(row.values().get(reasonAt))), 1L, Long::sum);
                });
            }
            SweepReport.Summary report = SweepReport.build(sweep, out);
            folder.markComplete(kept + written[0]);
            files.addAll(report.files());
            return new Outcome(space.size(), kept, written[0], evaluator.accuracyEvaluations(), failures, report,
                    files);
        }
    }

    /**
     * Refuses a design space larger than {@code maxPoints} before any work, with its size and how to raise the
     * limit: two axes of a million values each make 10^12 points, which would run for weeks.
     */
    public static void checkSize(SweepFile sweep, DesignSpace space, long maxPoints) {
        if (space.size() > maxPoints)
            throw new UserInputException(("%s: the design space has %,d points, more than the limit of %,d; sweep "
                    + "fewer values (bitsweep run --dry-run shows the size), or raise the limit with --max-points %d")
                    .formatted(sweep.file(), space.size(), maxPoints, space.size()));
    }

    /** A reason's category: the words before its first colon ({@code no tile fits}, {@code constraint}). */
    static String category(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

}
