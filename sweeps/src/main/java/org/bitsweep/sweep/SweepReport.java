package org.bitsweep.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.bitsweep.report.chart.Axis;
import org.bitsweep.report.chart.BreakdownChart;
import org.bitsweep.report.chart.ParetoChart;
import org.bitsweep.report.chart.Series;
import org.bitsweep.report.html.HtmlReport;
import org.bitsweep.report.io.AtomicFiles;
import org.bitsweep.sweep.file.Objective;
import org.bitsweep.sweep.file.ResolvedSweepWriter;
import org.bitsweep.sweep.file.SweepFile;
import org.bitsweep.sweep.pareto.Hypervolume;
import org.bitsweep.sweep.pareto.ParetoFront;
import org.bitsweep.sweep.store.ResultStore;
import org.bitsweep.workloads.UserInputException;

/**
 * Everything drawn from a results directory: the Pareto fronts over the sweep's objectives (per group), their
 * hypervolume, pareto.csv, the accuracy-versus-energy and -area charts, the energy breakdown of the front, and
 * report.html. It reads results.csv in two streaming passes and keeps only a few numbers per row, so it runs after a
 * sweep and again from {@code bitsweep report DIR} on the same files.
 */
public final class SweepReport {
    public static final int WIDTH_PX = 960;
    public static final int HEIGHT_PX = 640;
    /** Charts draw at most this many faint points (every k-th row); fronts are always drawn whole. */
    public static final int MAX_CHART_POINTS = 20_000;
    /** The breakdown chart shows at most this many front points, evenly chosen along energy. */
    static final int MAX_BREAKDOWN_BARS = 40;
    /** More colours than this no longer tell groups apart; the rest share one. */
    static final int MAX_COLOURS = 10;
    static final List<String> BREAKDOWN = List.of("energy_mac_pj", "energy_register_pj", "energy_weight_sram_pj",
            "energy_activation_sram_pj", "energy_output_sram_pj", "energy_dram_pj", "energy_leakage_pj");
    static final List<String> BREAKDOWN_LABELS = List.of("MACs", "PE registers", "weight buffer", "activation buffer",
            "output buffer", "DRAM", "leakage");

    /** What was found and written. */
    public record Summary(int rows, int feasible, Map<String, Integer> frontSizes, Map<String, Double> hypervolumes,
                          List<Path> files) {
    }

    /** The columns of every row kept in memory while the report is built. */
    private static final class Table {
        final List<Long> ids = new ArrayList<>();
        final List<double[]> objectives = new ArrayList<>();
        final List<String> groups = new ArrayList<>();
        final List<String> colours = new ArrayList<>();
        final List<Boolean> feasible = new ArrayList<>();
        final List<double[]> chart = new ArrayList<>();   // accuracy, energy, area, breakdown...
    }

    private SweepReport() {
    }

    public static Summary build(SweepFile sweep, Path dir) {
        Path results = dir.resolve(ResultStore.CSV);
        if (!Files.exists(results))
            throw new UserInputException("%s: no results.csv; run the sweep first (bitsweep run SWEEP --out %s)"
                    .formatted(dir, dir));
        Table t = read(sweep, results);
        List<Path> files = new ArrayList<>();

        Map<String, List<Integer>> byGroup = new TreeMap<>();
        for (int i = 0; i < t.ids.size(); i++)
            if (t.feasible.get(i))
                byGroup.computeIfAbsent(t.groups.get(i), g -> new ArrayList<>()).add(i);
        double[] lo = new double[sweep.objectives().size()];
        double[] hi = new double[lo.length];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        byGroup.values().forEach(rows -> rows.forEach(i -> {
            double[] o = t.objectives.get(i);
            for (int k = 0; k < o.length; k++)
                if (Double.isFinite(o[k])) {
                    lo[k] = Math.min(lo[k], o[k]);
                    hi[k] = Math.max(hi[k], o[k]);
                }
        }));
        Map<String, Integer> frontSizes = new LinkedHashMap<>();
        Map<String, Double> hypervolumes = new LinkedHashMap<>();
        Set<Long> frontIds = new HashSet<>();
        List<Integer> frontRows = new ArrayList<>();
        byGroup.forEach((group, rows) -> {
            double[][] objectives = rows.stream().map(t.objectives::get).toArray(double[][]::new);
            List<Integer> front = ParetoFront.nonDominated(objectives).stream().map(rows::get).toList();
            frontSizes.put(group, front.size());
            front.forEach(i -> {
                frontIds.add(t.ids.get(i));
                frontRows.add(i);
            });
            hypervolumes.put(group, Hypervolume.of(front.stream().map(i -> normalize(t.objectives.get(i), lo, hi))
                    .toList(), ones(lo.length)));
        });

        Path pareto = dir.resolve("pareto.csv");
        List<List<String>> frontTable = writeFront(results, pareto, frontIds);
        files.add(pareto);
        files.addAll(charts(sweep, dir, t, byGroup));
        files.addAll(breakdown(sweep, dir, t, frontRows));
        if (sweep.report()) {
            Path html = dir.resolve("report.html");
            html(sweep, dir, t, frontSizes, hypervolumes, frontTable, html);
            files.add(html);
        }
        int feasible = (int) t.feasible.stream().filter(b -> b).count();
        return new Summary(t.ids.size(), feasible, frontSizes, hypervolumes, files);
    }

    /** Objectives in minimization form, scaled so the data's best is 0 and its worst 1. */
    private static double[] normalize(double[] o, double[] lo, double[] hi) {
        double[] n = new double[o.length];
        for (int k = 0; k < o.length; k++)
            n[k] = hi[k] > lo[k] ? (o[k] - lo[k]) / (hi[k] - lo[k]) : 0;
        return n;
    }

    private static double[] ones(int n) {
        double[] r = new double[n];
        Arrays.fill(r, 1);
        return r;
    }

    private static Table read(SweepFile sweep, Path results) {
        Table t = new Table();
        String accuracy = sweep.accuracy().metric();
        try (Reader in = Files.newBufferedReader(results, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            Map<String, Integer> index = csv.getHeaderMap();
            for (String needed : List.of("point", "feasible", accuracy, "energy_pj", "area_um2"))
                if (!index.containsKey(needed))
                    throw new UserInputException("%s: column %s is missing; it was not written by this sweep"
                            .formatted(results, needed));
            for (CSVRecord r : csv) {
                t.ids.add(Long.parseLong(r.get("point")));
                double[] o = new double[sweep.objectives().size()];
                for (int k = 0; k < o.length; k++) {
                    Objective objective = sweep.objectives().get(k);
                    double v = Double.parseDouble(r.get(objective.column()));
                    o[k] = objective.maximize() ? -v : v;
                }
                t.objectives.add(o);
                t.groups.add(sweep.groupBy().map(r::get).orElse("all").intern());
                t.colours.add(r.get(sweep.colorBy()).intern());
                t.feasible.add(Boolean.parseBoolean(r.get("feasible")));
                double[] c = new double[3 + BREAKDOWN.size()];
                c[0] = Double.parseDouble(r.get(accuracy));
                c[1] = Double.parseDouble(r.get("energy_pj"));
                c[2] = Double.parseDouble(r.get("area_um2"));
                for (int b = 0; b < BREAKDOWN.size(); b++)
                    c[3 + b] = Double.parseDouble(r.get(BREAKDOWN.get(b)));
                t.chart.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + results, e);
        }
        return t;
    }

    /** pareto.csv: the header and the front's rows, copied from results.csv; also returned as table cells. */
    private static List<List<String>> writeFront(Path results, Path pareto, Set<Long> frontIds) {
        List<List<String>> table = new ArrayList<>();
        AtomicFiles.replace(pareto, tmp -> {
            try (Reader in = Files.newBufferedReader(results, StandardCharsets.UTF_8);
                 CSVParser csv = CSVParser.parse(in, CSVFormat.RFC4180);
                 BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                boolean header = true;
                for (CSVRecord r : csv) {
                    if (header || frontIds.contains(Long.parseLong(r.get(0)))) {
                        List<String> cells = r.toList();
                        out.write(CSVFormat.RFC4180.format(cells.toArray()));
                        out.write('\n');
                        table.add(cells);
                    }
                    header = false;
                }
            }
        });
        return table;
    }

    private static List<Path> charts(SweepFile sweep, Path dir, Table t, Map<String, List<Integer>> byGroup) {
        List<Path> files = new ArrayList<>();
        double maxEnergy = t.chart.stream().mapToDouble(c -> c[1]).filter(Double::isFinite).max().orElse(0);
        double maxArea = t.chart.stream().mapToDouble(c -> c[2]).filter(Double::isFinite).max().orElse(0);
        ChartUnit energy = ChartUnit.energyFromPj(maxEnergy);
        ChartUnit area = ChartUnit.areaFromUm2(maxArea);
        files.addAll(pareto(sweep, dir, t, byGroup, "energy", 1, energy,
                "energy per run of the workload (%s)".formatted(energy.symbol())));
        files.addAll(pareto(sweep, dir, t, byGroup, "area", 2, area, "PE array area (%s)".formatted(area.symbol())));
        return files;
    }

    private static List<Path> pareto(SweepFile sweep, Path dir, Table t, Map<String, List<Integer>> byGroup,
                                     String what, int costIndex, ChartUnit unit, String costLabel) {
        boolean higherBetter = sweep.accuracy().higherIsBetter();
        int n = t.ids.size();
        int stride = Math.max(1, (n + MAX_CHART_POINTS - 1) / MAX_CHART_POINTS);
        Set<String> shownColours = topColours(t);
        Map<String, List<Integer>> byColour = new TreeMap<>();
        for (int i = 0; i < n; i += stride)
            if (t.feasible.get(i) && finite(t, i, costIndex)) {
                String c = t.colours.get(i);
                byColour.computeIfAbsent(shownColours.contains(c) ? sweep.colorBy() + " " + c : "other " + sweep.colorBy(),
                        k -> new ArrayList<>()).add(i);
            }
        List<Series> points = new ArrayList<>();
        byColour.forEach((c, rows) -> points.add(series(c, rows, t, costIndex, unit)));
        List<Series> fronts = new ArrayList<>();
        byGroup.forEach((g, rows) -> {
            List<Integer> finite = rows.stream().filter(i -> finite(t, i, costIndex)).toList();
            double[][] objectives = finite.stream().map(i -> new double[] {t.chart.get(i)[costIndex],
                    higherBetter ? -t.chart.get(i)[0] : t.chart.get(i)[0]}).toArray(double[][]::new);
            List<Integer> front = ParetoFront.nonDominated(objectives).stream().map(finite::get).toList();
            fronts.add(series(byGroup.size() == 1 ? "Pareto front" : "front: " + sweep.groupBy().orElse("") + " " + g,
                    front, t, costIndex, unit));
        });
        String sampled = stride > 1 ? " (every %d-th of %,d points shown)".formatted(stride, n) : "";
        ParetoChart chart = new ParetoChart("%s: accuracy vs %s%s".formatted(sweep.name(), what, sampled),
                Axis.auto(costLabel), Axis.auto(accuracyLabel(sweep)), points, fronts);
        return writeChart(sweep, dir, "pareto-" + what, chart::writePng, chart::writeSvg);
    }

    /** The most frequent colour values, at most {@link #MAX_COLOURS}; the rest are drawn as "other". */
    private static Set<String> topColours(Table t) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        t.colours.forEach(c -> counts.merge(c, 1, Integer::sum));
        if (counts.size() <= MAX_COLOURS)
            return counts.keySet();
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_COLOURS - 1).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    private static boolean finite(Table t, int i, int costIndex) {
        return Double.isFinite(t.chart.get(i)[costIndex]) && Double.isFinite(t.chart.get(i)[0]);
    }

    private static Series series(String name, List<Integer> rows, Table t, int costIndex, ChartUnit unit) {
        return new Series(name, rows.stream().mapToDouble(i -> unit.convert(t.chart.get(i)[costIndex])).toArray(),
                rows.stream().mapToDouble(i -> t.chart.get(i)[0]).toArray());
    }

    static String accuracyLabel(SweepFile sweep) {
        if (sweep.accuracy().isTop1())
            return "%s top-1 (fraction), %s".formatted(sweep.accuracy().model(), sweep.accuracy().throughPe()
                    ? "through each PE's arithmetic" : "reference dot products");
        String what = switch (sweep.accuracy().metric()) {
            case "weight_mse" -> "weight MSE";
            case "weight_cosine" -> "weight cosine similarity";
            case "weight_kl" -> "weight KL divergence (nats)";
            default -> "weight SQNR (dB)";
        };
        return what + ", synthetic " + sweep.accuracy().distribution() + " weights";
    }

    /** Stacked energy of the front's points, cheapest first, at most {@link #MAX_BREAKDOWN_BARS} of them. */
    private static List<Path> breakdown(SweepFile sweep, Path dir, Table t, List<Integer> front) {
        List<Integer> sorted = new ArrayList<>(front.stream().filter(i -> Double.isFinite(t.chart.get(i)[1])).toList());
        sorted.sort((a, b) -> Double.compare(t.chart.get(a)[1], t.chart.get(b)[1]));
        if (sorted.isEmpty())
            return List.of();
        List<Integer> shown = new ArrayList<>();
        int bars = Math.min(MAX_BREAKDOWN_BARS, sorted.size());
        for (int b = 0; b < bars; b++)
            shown.add(sorted.get((int) ((long) b * (sorted.size() - 1) / Math.max(1, bars - 1))));
        List<Integer> distinct = shown.stream().distinct().toList();
        ChartUnit unit = ChartUnit.energyFromPj(t.chart.get(distinct.get(distinct.size() - 1))[1]);
        double[][] values = new double[BREAKDOWN.size()][distinct.size()];
        for (int b = 0; b < BREAKDOWN.size(); b++)
            for (int j = 0; j < distinct.size(); j++)
                values[b][j] = unit.convert(t.chart.get(distinct.get(j))[3 + b]);
        List<String> items = distinct.stream().map(i -> "#" + t.ids.get(i) + " " + t.colours.get(i)).toList();
        BreakdownChart chart = new BreakdownChart("%s: where the front's energy goes".formatted(sweep.name()),
                "energy per run of the workload (%s)".formatted(unit.symbol()), items, BREAKDOWN_LABELS,
                values);
        return writeChart(sweep, dir, "breakdown-energy", chart::writePng, chart::writeSvg);
    }

    private interface ChartWriter {
        void write(Path file, int widthPx, int heightPx);
    }

    private static List<Path> writeChart(SweepFile sweep, Path dir, String base, ChartWriter png, ChartWriter svg) {
        List<Path> files = new ArrayList<>();
        if (sweep.charts().contains("png")) {
            Path f = dir.resolve(base + ".png");
            png.write(f, WIDTH_PX, HEIGHT_PX);
            files.add(f);
        }
        Path svgFile = dir.resolve(base + ".svg");
        if (sweep.charts().contains("svg") || sweep.report()) {
            svg.write(svgFile, WIDTH_PX, HEIGHT_PX);
            files.add(svgFile);
        }
        return files;
    }

    private static void html(SweepFile sweep, Path dir, Table t, Map<String, Integer> frontSizes,
                             Map<String, Double> hypervolumes, List<List<String>> frontTable, Path file) {
        HtmlReport r = new HtmlReport("BitSweep report: " + sweep.name());
        int feasible = (int) t.feasible.stream().filter(b -> b).count();
        r.paragraph("%,d design points evaluated, %,d feasible. Objectives: %s. Accuracy: %s, measured on %s."
                .formatted(t.ids.size(), feasible, String.join(", ", sweep.objectives().stream()
                        .map(o -> o.direction() + " " + o.column()).toList()), sweep.accuracy().metric(),
                        sweep.accuracy().describe()));
        frontSizes.forEach((g, size) -> r.paragraph("Front%s: %d points; hypervolume %.4f of the unit box (objectives "
                .formatted(g.equals("all") ? "" : " for " + sweep.groupBy().orElse("") + " " + g, size, hypervolumes.get(g))
                + "scaled so the data's best is 0 and worst is 1)."));
        r.heading("Accuracy against energy and area");
        for (String name : List.of("pareto-energy", "pareto-area", "breakdown-energy")) {
            Path svg = dir.resolve(name + ".svg");
            if (Files.exists(svg)) {
                try {
                    r.svg(name + ".svg", Files.readString(svg, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        r.heading("The Pareto front (click a column to sort)");
        if (!frontTable.isEmpty())
            r.table(frontTable.get(0), frontTable.subList(1, frontTable.size()));
        r.heading("The sweep as understood (sweep.resolved.yaml)");
        r.pre(ResolvedSweepWriter.text(sweep));
        r.write(file);
    }
}
