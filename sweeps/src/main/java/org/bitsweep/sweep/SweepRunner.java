package org.bitsweep.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.bitsweep.report.chart.Axis;
import org.bitsweep.report.chart.ParetoChart;
import org.bitsweep.report.chart.Series;
import org.bitsweep.sweep.eval.Evaluator;
import org.bitsweep.sweep.eval.Metrics;
import org.bitsweep.sweep.exec.SweepExecutor;
import org.bitsweep.sweep.file.ResolvedSweepWriter;
import org.bitsweep.sweep.file.SweepFile;
import org.bitsweep.sweep.pareto.ParetoFront;
import org.bitsweep.sweep.space.DesignSpace;
import org.bitsweep.sweep.store.CsvResultWriter;
import org.bitsweep.sweep.store.ResultColumns;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.model.Phase;
import org.bitsweep.workloads.model.Workload;

/**
 * The main job: evaluate every point of a sweep, stream the rows to results.csv, then extract the accuracy-versus-
 * energy and accuracy-versus-area Pareto fronts and draw them.
 */
public final class SweepRunner {
    public static final int CHART_WIDTH_PX = 960;
    public static final int CHART_HEIGHT_PX = 640;

    /** What a finished sweep wrote, for the command line to report. */
    public record Outcome(long points, int accuracyEvaluations, List<Path> files, int energyFrontSize,
                          int areaFrontSize) {
    }

    /** The few numbers of a row the fronts and charts need, kept while rows stream to disk. */
    private record Summary(List<Object> row, String group, double accuracy, double energyPj, double areaUm2) {
    }

    private SweepRunner() {
    }

    public static Outcome run(SweepFile sweep, Path out, SweepExecutor executor) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserInputException("--out: cannot create the directory %s (%s); choose a writable directory"
                    .formatted(out, e.getMessage()));
        }
        List<Path> files = new ArrayList<>();
        Path resolved = out.resolve("sweep.resolved.yaml");
        ResolvedSweepWriter.write(sweep, resolved);
        files.add(resolved);

        DesignSpace space = new DesignSpace(sweep);
        Evaluator evaluator = new Evaluator(sweep);
        List<String> header = ResultColumns.header(sweep.accuracy().metric());
        List<Summary> summaries = new ArrayList<>();
        Path results = out.resolve("results.csv");
        try (CsvResultWriter csv = new CsvResultWriter(results, header)) {
            executor.run(space, evaluator::evaluate, m -> {
                List<Object> row = ResultColumns.row(sweep.workloadSpec(), m);
                csv.write(row);
                summaries.add(summary(row, m));
            });
        }
        files.add(results);

        double maxEnergyPj = summaries.stream().mapToDouble(Summary::energyPj).filter(Double::isFinite).max().orElse(0);
        double maxAreaUm2 = summaries.stream().mapToDouble(Summary::areaUm2).filter(Double::isFinite).max().orElse(0);
        ChartUnit energy = ChartUnit.energyFromPj(maxEnergyPj);
        ChartUnit area = ChartUnit.areaFromUm2(maxAreaUm2);
        int energyFront = front(sweep, out, "energy", header, summaries, Summary::energyPj, energy,
                energyLabel(sweep.workload(), energy), files);
        int areaFront = front(sweep, out, "area", header, summaries, Summary::areaUm2, area,
                "PE array area (%s)".formatted(area.symbol()), files);
        return new Outcome(space.size(), evaluator.accuracyEvaluations(), files, energyFront, areaFront);
    }

    private static Summary summary(List<Object> row, Metrics m) {
        String group = "%s × %s, %s".formatted(m.point().pe(), m.point().activations().name(), m.point().array());
        return new Summary(row, group, m.accuracy(), m.sim().energy().totalPj(), m.sim().areaUm2());
    }

    private static int front(SweepFile sweep, Path out, String what, List<String> header, List<Summary> rows,
                             ToDoubleFunction<Summary> cost, ChartUnit unit, String costLabel, List<Path> files) {
        double[] x = rows.stream().mapToDouble(cost).toArray();
        double[] y = rows.stream().mapToDouble(Summary::accuracy).toArray();
        List<Integer> front = ParetoFront.minCostMaxQuality(x, y);
        double[] shownX = Arrays.stream(x).map(unit::convert).toArray();

        Path csv = out.resolve("pareto-" + what + ".csv");
        try (CsvResultWriter w = new CsvResultWriter(csv, header)) {
            for (int i : front)
                w.write(rows.get(i).row());
        }
        files.add(csv);

        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++)
            groups.computeIfAbsent(rows.get(i).group(), g -> new ArrayList<>()).add(i);
        List<Series> points = new ArrayList<>();
        groups.forEach((g, idx) -> points.add(series(g, idx, shownX, y)));
        Series frontSeries = series("Pareto front", front, shownX, y);
        String accuracyLabel = "weight SQNR (dB), synthetic Gaussian weights";
        ParetoChart chart = new ParetoChart("%s: accuracy vs %s on %s".formatted(sweep.name(), what,
                sweep.workloadSpec()), Axis.auto(costLabel), Axis.auto(accuracyLabel), points, List.of(frontSeries));
        Path png = out.resolve("pareto-" + what + ".png");
        Path svg = out.resolve("pareto-" + what + ".svg");
        chart.writePng(png, CHART_WIDTH_PX, CHART_HEIGHT_PX);
        chart.writeSvg(svg, CHART_WIDTH_PX, CHART_HEIGHT_PX);
        files.add(png);
        files.add(svg);
        return front.size();
    }

    /** Infinite SQNR (an exact quantization) has no place on a chart; such points stay in the CSV only. */
    private static Series series(String name, List<Integer> idx, double[] x, double[] y) {
        List<Integer> finite = idx.stream().filter(i -> Double.isFinite(x[i]) && Double.isFinite(y[i])).toList();
        return new Series(name, finite.stream().mapToDouble(i -> x[i]).toArray(),
                finite.stream().mapToDouble(i -> y[i]).toArray());
    }

    private static String energyLabel(Workload w, ChartUnit unit) {
        return w.phase() == Phase.DECODE ? "energy per decode step, batch %d (%s)".formatted(w.batch(), unit.symbol())
                : "energy per prefill of %d tokens (%s)".formatted(w.sequenceLength(), unit.symbol());
    }
}
