package org.bitsweep.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bitsweep.sweep.eval.Evaluator;
import org.bitsweep.sweep.exec.SweepExecutor;
import org.bitsweep.sweep.file.ResolvedSweepWriter;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.sweep.report.SweepReport;
import org.bitsweep.sweep.store.ResultStore;
import org.bitsweep.workloads.UserInputException;

/**
 * The main job: evaluate every point of a sweep, stream the rows to results.csv and results.jsonl, then draw the
 * report. With {@code resume}, the rows an interrupted run finished are kept and only the rest run.
 */
public final class SweepRunner {
    /**
     * What a finished sweep did and wrote, for the command line to report.
     *
     * @param failures the new rows that are not feasible, counted by the category of their reason
     */
    public record Outcome(long spacePoints, long resumedRows, long newRows, int accuracyEvaluations,
                          Map<String, Long> failures, SweepReport.Summary report, List<Path> files) {
    }

    private SweepRunner() {
    }

    public static Outcome run(SweepFile sweep, Path out, SweepExecutor executor, boolean resume) {
        DesignSpace space = new DesignSpace(sweep);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserInputException("--out: cannot create the directory %s (%s); choose a writable directory"
                    .formatted(out, e.getMessage()));
        }
        Path resolved = out.resolve("sweep.resolved.yaml");
        String text = ResolvedSweepWriter.text(sweep);
        if (resume && Files.exists(resolved)) {
            try {
                if (!Files.readString(resolved).equals(text))
                    throw new UserInputException(("%s: the results there come from a different sweep (its "
                            + "sweep.resolved.yaml differs); use another --out, or run without --resume")
                            .formatted(out));
            } catch (IOException e) {
                throw new UserInputException("%s: cannot read (%s)".formatted(resolved, e.getMessage()));
            }
        } else {
            ResolvedSweepWriter.write(sweep, resolved);
        }

        Evaluator evaluator = new Evaluator(space);
        List<String> header = evaluator.columns().header();
        int feasibleAt = header.indexOf("feasible");
        int reasonAt = header.indexOf("reason");
        Map<String, Long> failures = new TreeMap<>();
        ResultStore store;
        long fromId = 0;
        long resumed = 0;
        if (resume) {
            ResultStore.Resumed r = ResultStore.resume(out, header);
            store = r.store();
            resumed = r.finished().size();
            fromId = firstUnfinished(space, r.finished());
        } else {
            store = ResultStore.create(out, header);
        }
        long[] written = {0};
        try (store) {
            executor.run(space, fromId, evaluator::evaluate, row -> {
                store.write(row);
                written[0]++;
                if (!Boolean.TRUE.equals(row.values().get(feasibleAt)))
                    failures.merge(category(String.valueOf(row.values().get(reasonAt))), 1L, Long::sum);
            });
        }
        SweepReport.Summary report = SweepReport.build(sweep, out);
        List<Path> files = new ArrayList<>(List.of(resolved, out.resolve(ResultStore.CSV), out.resolve(ResultStore.JSONL)));
        files.addAll(report.files());
        return new Outcome(space.size(), resumed, written[0], evaluator.accuracyEvaluations(), failures, report, files);
    }

    /** A reason's category: the words before its first colon ({@code no tile fits}, {@code constraint}). */
    static String category(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    /**
     * Rows arrive in point order, so an interrupted run's finished points are the first k points the constraints
     * let through; the run continues after the last. Anything else means the files were edited or mixed up.
     */
    private static long firstUnfinished(DesignSpace space, Set<Long> finished) {
        if (finished.isEmpty())
            return 0;
        long last = finished.stream().mapToLong(Long::longValue).max().orElseThrow();
        long expected = 0;
        for (Iterator<org.bitsweep.sweep.model.DesignPoint> it = space.points(0); it.hasNext(); ) {
            long id = it.next().id();
            if (id > last)
                break;
            if (!finished.contains(id))
                throw new UserInputException(("point %d is missing from the results although point %d is there; the "
                        + "files are not an interrupted run of this sweep; use another --out").formatted(id, last));
            expected++;
        }
        if (expected != finished.size())
            throw new UserInputException("the results hold points this sweep does not have; use another --out");
        return last + 1;
    }
}
