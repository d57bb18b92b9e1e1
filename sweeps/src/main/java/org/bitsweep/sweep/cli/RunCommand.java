package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bitsweep.sweep.SweepRunner;
import org.bitsweep.sweep.exec.LocalExecutor;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.sweep.space.SweepLoader;
import org.bitsweep.workloads.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a sweep file: evaluate every design point and write, in the output directory: "
                + "sweep.resolved.yaml (the sweep as understood), results.csv and results.jsonl (one row per point, "
                + "streamed; points that cannot run are rows with feasible = false and a reason), pareto.csv (the "
                + "front's rows), the charts (by default pareto-energy and pareto-area, plus breakdown-energy; PNG "
                + "and SVG) and report.html.",
                "Example: bitsweep run examples/quickstart.yaml"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP", description = "sweep file (YAML or JSON), e.g. examples/quickstart.yaml")
    Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "directory for the results (default: runs/NAME, NAME from the sweep file)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all ${sys:bitsweep.cores} cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress bar and no summary")
    boolean quiet;

    @Option(names = "--resume", description = "keep the rows an interrupted run of the same sweep wrote to --out, "
            + "drop a torn last row, and run only the rest")
    boolean resume;

    static {
        System.setProperty("bitsweep.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Integer call() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1)
            throw new UserInputException("--threads: %d; use a positive number of threads".formatted(n));
        SweepFile sweep = SweepLoader.load(sweepFile);
        Path dir = out != null ? out : Path.of("runs", sweep.name());
        PrintWriter w = spec.commandLine().getOut();
        if (!quiet)
            w.printf("Sweep %s: %,d design points, %d threads, writing to %s%n", sweep.name(),
                    new DesignSpace(sweep).size(), n, dir);
        w.flush();
        SweepRunner.Outcome o = SweepRunner.run(sweep, dir, new LocalExecutor(n, !quiet), resume);
        if (!quiet) {
            if (resume)
                w.printf("resumed: %,d rows kept from the interrupted run%n", o.resumedRows());
            w.printf("%,d rows written (accuracy measured for %d distinct quantizations); %,d feasible of %,d%s; "
                    + "Pareto front: %s%n", o.newRows(), o.accuracyEvaluations(), o.report().feasible(),
                    o.report().rows(), failures(o.failures()), o.report().frontSizes());
            o.files().forEach(f -> w.println("  wrote " + f));
        }
        return 0;
    }

    /** {@code " (not feasible: 8 no tile fits, 4 format refused)"}, or nothing when every new row is feasible. */
    static String failures(Map<String, Long> failures) {
        if (failures.isEmpty())
            return "";
        return " (not feasible: " + String.join(", ", failures.entrySet().stream()
                .map(e -> "%,d %s".formatted(e.getValue(), e.getKey())).toList()) + ")";
    }
}
