package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import org.bitsweep.sweep.SweepRunner;
import org.bitsweep.sweep.exec.Engine;
import org.bitsweep.sweep.exec.LocalExecutor;
import org.bitsweep.sweep.exec.SweepExecutor;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.sweep.space.SweepLoader;
import org.bitsweep.workloads.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a sweep file: evaluate every design point and write, in the output directory: "
                + "sweep.resolved.yaml (the sweep as understood), results.csv and results.jsonl (one row per point, "
                + "streamed; points that cannot run are rows with feasible = false and a reason), pareto.csv (the "
                + "front's rows), the charts (by default pareto-energy and pareto-area, plus breakdown-energy; PNG "
                + "and SVG) and report.html.",
                "The directory belongs to one run at a time (a second run into it is refused while the first holds "
                        + "it), and a directory holding another sweep's results is refused unless --force.",
                "Example: bitsweep run examples/quickstart.yaml"})
final class RunCommand implements Callable<Integer> {
    /** More threads than this many per core only queue behind each other. */
    static final int THREADS_PER_CORE = 4;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP", description = "sweep file (YAML or JSON), e.g. examples/quickstart.yaml")
    Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "directory for the results (default: runs/NAME, NAME from the sweep file)")
    String out;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads, 1 to 4 per core (default: all ${sys:bitsweep.cores} cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress bar and no summary")
    boolean quiet;

    @Option(names = "--resume", description = "keep the rows an interrupted run of the same sweep wrote to --out, "
            + "drop a torn last row, and run only the rest")
    boolean resume;

    @Option(names = "--force", description = "replace whatever results the directory holds, even another sweep's")
    boolean force;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (this machine's cores) or spark (Apache Spark; needs the sweeps-spark jar, which "
                    + "./bitsweep builds on first use) (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "with --engine spark: the cluster's master, e.g. local[2] or spark://host:7077 (default: "
                    + "the one spark-submit set, else local[*])")
    String master;

    @Option(names = "--max-points", paramLabel = "N",
            description = "refuse a design space of more points than this (default: ${DEFAULT-VALUE})",
            defaultValue = "" + SweepRunner.DEFAULT_MAX_POINTS)
    long maxPoints;

    @Option(names = "--dry-run", description = "read and check the sweep, print its size and where it would write, "
            + "and stop: no file is written")
    boolean dryRun;

    static {
        System.setProperty("bitsweep.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Integer call() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (maxPoints < 1)
            throw new UserInputException("--max-points: %d; give a positive number of points".formatted(maxPoints));
        boolean spark = switch (engine) {
            case "local" -> false;
            case "spark" -> true;
            default -> throw new UserInputException("--engine: \"%s\"; valid: local, spark".formatted(engine));
        };
        if (master != null && !spark)
            throw new UserInputException("--master: only with --engine spark");
        if (threads != null && spark)
            throw new UserInputException("--threads: only with --engine local; Spark runs as many tasks at once as "
                    + "its executors have cores");
        int n = threads == null ? cores : threads;
        if (n < 1 || n > cores * THREADS_PER_CORE)
            throw new UserInputException("--threads: %d; use 1 to %d (up to %d per core of this machine's %d)"
                    .formatted(n, cores * THREADS_PER_CORE, THREADS_PER_CORE, cores));
        SweepFile sweep = SweepLoader.load(sweepFile);
        checkName(sweep);
        Path dir = outputDirectory(sweep);
        DesignSpace space = new DesignSpace(sweep);
        SweepRunner.checkSize(sweep, space, maxPoints);
        SweepExecutor executor = spark ? sparkExecutor(n) : new LocalExecutor(n, !quiet && !dryRun);
        PrintWriter w = spec.commandLine().getOut();
        if (dryRun) {
            w.printf("Sweep %s: %,d design points; it would run on %s and write to %s%n", sweep.name(), space.size(),
                    executor.describe(), dir);
            return 0;
        }
        if (!quiet)
            w.printf("Sweep %s: %,d design points, %s, writing to %s%n", sweep.name(), space.size(),
                    executor.describe(), dir);
        w.flush();
        SweepRunner.Outcome o = SweepRunner.run(sweep, sweepFile.toString(), dir, executor, resume, force);
        if (!quiet) {
            if (resume)
                w.printf("resumed: %,d rows kept from the interrupted run%n", o.resumedRows());
            if (o.report() == null) {
                w.printf("nothing left to run: results, fronts, charts and report are as the last run left them%n");
            } else {
                String measured = o.accuracyEvaluations() == 0 ? ""
                        : " (accuracy measured for %d distinct quantizations)".formatted(o.accuracyEvaluations());
                w.printf("%,d rows written%s; %,d feasible of %,d%s; Pareto front: %s%n", o.newRows(), measured,
                        o.report().feasible(), o.report().rows(), failures(o.failures()), o.report().frontSizes());
                o.files().forEach(f -> w.println("  wrote " + f));
            }
        }
        return 0;
    }

    /** --out as given, or runs/NAME. */
    private Path outputDirectory(SweepFile sweep) {
        if (out == null)
            return Path.of("runs", sweep.name());
        if (out.isBlank())
            throw new UserInputException("--out: an empty path; give a directory for the results, e.g. --out runs/mine");
        try {
            return Path.of(out);
        } catch (InvalidPathException e) {
            throw new UserInputException("--out: \"%s\" is not a path (%s)".formatted(out, e.getReason()));
        }
    }

    /**
     * A sweep's name is one folder name under runs/: with {@code ..}, a separator or an absolute path it would write
     * outside the folder the user expects.
     */
    static void checkName(SweepFile sweep) {
        String name = sweep.name();
        String problem = null;
        if (name.isBlank())
            problem = "is empty";
        else if (name.equals(".") || name.equals(".."))
            problem = "names a folder above runs/";
        else if (name.contains("/") || name.contains("\\") || name.indexOf('\0') >= 0)
            problem = "holds a path separator, so it would write outside runs/";
        if (problem != null)
            throw new UserInputException(("%s: \"%s\" %s; a name is one folder name (letters, digits, '.', '-', '_'), "
                    + "e.g. name: my-sweep").formatted(sweep.locations().where("/name"), name, problem));
    }

    private SweepExecutor sparkExecutor(int threads) {
        List<Engine> engines = ServiceLoader.load(Engine.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("spark")).toList();
        if (engines.isEmpty())
            throw new UserInputException("--engine spark: this bitsweep jar has no Spark executor; run through "
                    + "./bitsweep, which builds sweeps-spark/target/bitsweep-spark.jar on first use (it downloads "
                    + "Apache Spark once), or build it with ./mvnw -B -Pspark -pl sweeps-spark -am package -DskipTests "
                    + "(README: Spark)");
        return engines.get(0).create(master, threads, !quiet);
    }

    /** {@code " (not feasible: 8 no tile fits, 4 format refused)"}, or nothing when every new row is feasible. */
    static String failures(Map<String, Long> failures) {
        if (failures.isEmpty())
            return "";
        return " (not feasible: " + String.join(", ", failures.entrySet().stream()
                .map(e -> "%,d %s".formatted(e.getValue(), e.getKey())).toList()) + ")";
    }
}
