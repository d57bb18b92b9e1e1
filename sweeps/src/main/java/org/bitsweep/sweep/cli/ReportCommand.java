package org.bitsweep.sweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.report.SweepReport;
import org.bitsweep.sweep.space.SweepLoader;
import org.bitsweep.sweep.store.OutputFolder;
import org.bitsweep.workloads.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Redraw pareto.csv, the charts and report.html from an existing results directory (its "
                + "results.csv and sweep.resolved.yaml). A directory a run is still writing is refused.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a directory written by bitsweep run")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir))
            throw new UserInputException("%s: no such directory; give a directory written by bitsweep run".formatted(dir));
        Path resolved = dir.resolve(OutputFolder.RESOLVED);
        if (!Files.exists(resolved))
            throw new UserInputException("%s: no sweep.resolved.yaml; give a directory written by bitsweep run".formatted(dir));
        SweepFile sweep = SweepLoader.load(resolved);
        SweepReport.Summary s;
        try (OutputFolder folder = OutputFolder.take(dir, "bitsweep report " + dir)) {
            s = SweepReport.build(sweep, dir);
        }
        spec.commandLine().getOut().printf("%,d rows, %,d feasible; Pareto front: %s%n", s.rows(), s.feasible(),
                s.frontSizes());
        s.files().forEach(f -> spec.commandLine().getOut().println("  wrote " + f));
        return 0;
    }
}
