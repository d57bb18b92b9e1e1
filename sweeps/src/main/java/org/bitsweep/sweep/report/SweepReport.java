package org.bitsweep.sweep.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.bitsweep.report.chart.Axis;
import org.bitsweep.report.chart.AxisScale;
import org.bitsweep.report.chart.BreakdownChart;
import org.bitsweep.report.chart.ParetoChart;
import org.bitsweep.report.chart.Series;
import org.bitsweep.report.html.HtmlReport;
import org.bitsweep.report.io.AtomicFiles;
import org.bitsweep.sweep.file.ResolvedSweepWriter;
import org.bitsweep.sweep.model.ChartSpec;
import org.bitsweep.sweep.model.Objective;
import org.bitsweep.sweep.model.ResultColumn;
import org.bitsweep.sweep.model.ResultColumns;
import org.bitsweep.sweep.model.SweepCase;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.pareto.Hypervolume;
import org.bitsweep.sweep.pareto.ParetoFront;
import org.bitsweep.sweep.store.ResultStore;
import org.bitsweep.workloads.UserInputException;

/**
 * Everything drawn from a results directory: the Pareto fronts over the sweep's objectives (per group), their
 * hypervolume, pareto.csv, the sweep's charts (by default accuracy against energy and against area), the energy
 * breakdown of the front, and report.html. It reads results.csv in two streaming passes and keeps only a few numbers
 * per row, so it runs after a sweep and again from {@code bitsweep report DIR} on the same files.
 */
public final class SweepReport {
    public static final int WIDTH_PX = 960;
    public static final int HEIGHT_PX = 640;
    /** Charts draw at most this many faint points (every k-th row); fronts are always drawn whole. */
    public static final int MAX_CHART_POINTS = 20_000;
    /** A chart in report.html carries hover marks for its fronts and at most this many other points. */
    static final int MAX_HOTSPOTS = 2_000;
    /** The breakdown chart shows at most this many front points, evenly chosen along energy. */
    static final int MAX_BREAKDOWN_BARS = 40;
    /** More colours than this no longer tell groups apart; the rest share one. */
    static final int MAX_COLOURS = 10;
    static final List<String> BREAKDOWN_LABELS = List.of("MACs", "PE registers", "weight buffer", "activation buffer",
            "output buffer", "DRAM", "leakage");

    /** What was found and written. */
    public record Summary(int rows, int feasible, Map<String, Integer> frontSizes, Map<String, Double> hypervolumes,
                          List<Path> files) {
    }

    /** The columns of every row kept in memory while the report is built. */
    private static final class Table {
        final List<String> numericColumns;
        final List<String> textColumns;
        final List<Long> ids = new ArrayList<>();
        final List<double[]> objectives = new ArrayList<>();
        final List<String> groups = new ArrayList<>();
        final List<Boolean> feasible = new ArrayList<>();
        final List<double[]> numbers = new ArrayList<>();
        final List<String[]> texts = new ArrayList<>();
        /** Each row's varying parameters, e.g. {@code bitmod3 32x32 os}. */
        final List<String> labels = new ArrayList<>();

        Table(List<String> numericColumns, List<String> textColumns) {
            this.numericColumns = numericColumns;
            this.textColumns = textColumns;
        }

        double number(int row, String column) {
            return numbers.get(row)[numericColumns.indexOf(column)];
        }

        String text(int row, String column) {
            return texts.get(row)[textColumns.indexOf(column)];
        }

        int size() {
            return ids.size();
        }
    }

    private SweepReport() {
    }

    public static Summary build(SweepFile sweep, Path dir) {
        Path results = dir.resolve(ResultStore.CSV);
        if (!Files.exists(results))
            throw new UserInputException("%s: no results.csv; run the sweep first (bitsweep run SWEEP --out %s)"
                    .formatted(dir, dir));
        ResultColumns columns = sweep.columns();
        Table t = read(sweep, columns, results);
        List<Path> files = new ArrayList<>();

        Map<String, List<Integer>> byGroup = new TreeMap<>();
        for (int i = 0; i < t.size(); i++)
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
        Map<String, List<HtmlReport.Hotspot>> hotspots = new LinkedHashMap<>();
        for (ChartSpec chart : sweep.charts())
            files.addAll(chart(sweep, columns, dir, t, byGroup, chart, frontIds, hotspots));
        if (hasEnergyBreakdown(columns))
            files.addAll(breakdown(sweep, dir, t, frontRows));
        if (sweep.report()) {
            Path html = dir.resolve("report.html");
            html(sweep, columns, dir, t, frontSizes, hypervolumes, frontTable, hotspots, html);
            files.add(html);
        }
        int feasible = (int) t.feasible.stream().filter(b -> b).count();
        return new Summary(t.size(), feasible, frontSizes, hypervolumes, files);
    }

    /** Whether the sweep's targets break their energy down (PE arrays do; GPUs and FPGA accelerators do not). */
    private static boolean hasEnergyBreakdown(ResultColumns columns) {
        return ResultColumns.ENERGY_BREAKDOWN.stream().allMatch(c -> columns.column(c).isPresent());
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

    /** The parameters that take more than one value across the sweep, in axis order: what tells rows apart. */
    static List<String> varyingParameters(SweepFile sweep) {
        Set<String> keys = new LinkedHashSet<>();
        for (SweepCase c : sweep.cases())
            c.axes().forEach(a -> keys.add(a.key()));
        List<String> varying = new ArrayList<>();
        for (String key : keys)
            if (sweep.axisValues(key).size() > 1)
                varying.add(key.substring(key.lastIndexOf('.') + 1));
        return varying;
    }

    private static Table read(SweepFile sweep, ResultColumns columns, Path results) {
        Set<String> numeric = new LinkedHashSet<>();
        numeric.add(sweep.accuracy().metric());
        sweep.objectives().forEach(o -> numeric.add(o.column()));
        for (ChartSpec c : sweep.charts()) {
            numeric.add(c.x());
            numeric.add(c.y());
        }
        if (hasEnergyBreakdown(columns)) {
            numeric.add("energy_pj");
            numeric.addAll(ResultColumns.ENERGY_BREAKDOWN);
        }
        Set<String> text = new LinkedHashSet<>();
        text.add(sweep.colorBy());
        sweep.groupBy().ifPresent(text::add);
        sweep.charts().forEach(c -> c.colorBy().ifPresent(text::add));
        List<String> varying = varyingParameters(sweep);
        text.addAll(varying);
        Table t = new Table(List.copyOf(numeric), List.copyOf(text));
        try (Reader in = Files.newBufferedReader(results, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            Map<String, Integer> index = csv.getHeaderMap();
            List<String> needed = new ArrayList<>(List.of("point", "feasible"));
            needed.addAll(numeric);
            needed.addAll(text);
            for (String column : needed)
                if (!index.containsKey(column))
                    throw new UserInputException("%s: column %s is missing; it was not written by this sweep"
                            .formatted(results, column));
            Map<String, String> interned = new HashMap<>();
            for (CSVRecord r : csv) {
                t.ids.add(Long.parseLong(r.get("point")));
                double[] o = new double[sweep.objectives().size()];
                for (int k = 0; k < o.length; k++) {
                    Objective objective = sweep.objectives().get(k);
                    double v = Double.parseDouble(r.get(objective.column()));
                    o[k] = objective.maximize() ? -v : v;
                }
                t.objectives.add(o);
                t.groups.add(interned.computeIfAbsent(sweep.groupBy().map(r::get).orElse("all"), s -> s));
                t.feasible.add(Boolean.parseBoolean(r.get("feasible")));
                double[] n = new double[t.numericColumns.size()];
                for (int k = 0; k < n.length; k++)
                    n[k] = Double.parseDouble(r.get(t.numericColumns.get(k)));
                t.numbers.add(n);
                String[] s = new String[t.textColumns.size()];
                for (int k = 0; k < s.length; k++)
                    s[k] = interned.computeIfAbsent(r.get(t.textColumns.get(k)), v -> v);
                t.texts.add(s);
                t.labels.add(interned.computeIfAbsent(label(varying, columns, r), v -> v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + results, e);
        }
        return t;
    }

    /** A row's varying parameters: text as it is ({@code bitmod3}), numbers with their name ({@code buffer_kib=256}). */
    private static String label(List<String> varying, ResultColumns columns, CSVRecord r) {
        List<String> parts = new ArrayList<>();
        for (String v : varying) {
            boolean number = columns.column(v).map(ResultColumn::numeric).orElse(false);
            parts.add(number ? v + "=" + r.get(v) : r.get(v));
        }
        return parts.isEmpty() ? "" : String.join(" ", parts);
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

    /** Whether a chart's column is better high: its objective's direction, else the accuracy's, else lower. */
    private static boolean higherBetter(SweepFile sweep, String column) {
        for (Objective o : sweep.objectives())
            if (o.column().equals(column))
                return o.maximize();
        return column.equals(sweep.accuracy().metric()) && sweep.accuracy().higherIsBetter();
    }

    private static List<Path> chart(SweepFile sweep, ResultColumns columns, Path dir, Table t,
                                    Map<String, List<Integer>> byGroup, ChartSpec spec, Set<Long> frontIds,
                                    Map<String, List<HtmlReport.Hotspot>> hotspots) {
        String colourColumn = spec.colorBy().orElse(sweep.colorBy());
        boolean xHigh = higherBetter(sweep, spec.x());
        boolean yHigh = higherBetter(sweep, spec.y());
        AxisScale xScale = spec.logX().map(l -> l ? AxisScale.LOG : AxisScale.LINEAR).orElse(AxisScale.AUTO);
        AxisScale yScale = spec.logY().map(l -> l ? AxisScale.LOG : AxisScale.LINEAR).orElse(AxisScale.AUTO);
        int n = t.size();
        int[] drawable = new int[] {0};
        java.util.function.IntPredicate shown = i -> {
            double x = t.number(i, spec.x());
            double y = t.number(i, spec.y());
            return t.feasible.get(i) && Double.isFinite(x) && Double.isFinite(y) && (xScale != AxisScale.LOG || x > 0)
                    && (yScale != AxisScale.LOG || y > 0);
        };
        double maxX = 0;
        double maxY = 0;
        for (int i = 0; i < n; i++)
            if (shown.test(i)) {
                drawable[0]++;
                maxX = Math.max(maxX, Math.abs(t.number(i, spec.x())));
                maxY = Math.max(maxY, Math.abs(t.number(i, spec.y())));
            }
        ChartUnit xUnit = ChartUnit.forColumn(spec.x(), maxX);
        ChartUnit yUnit = ChartUnit.forColumn(spec.y(), maxY);
        int stride = Math.max(1, (n + MAX_CHART_POINTS - 1) / MAX_CHART_POINTS);
        Set<String> shownColours = topColours(t, colourColumn);
        Map<String, List<Integer>> byColour = new TreeMap<>();
        for (int i = 0; i < n; i += stride)
            if (shown.test(i)) {
                String c = t.text(i, colourColumn);
                byColour.computeIfAbsent(shownColours.contains(c) ? colourColumn + " " + c : "other " + colourColumn,
                        k -> new ArrayList<>()).add(i);
            }
        List<Series> points = new ArrayList<>();
        List<List<Integer>> pointRows = new ArrayList<>();
        byColour.forEach((c, rows) -> {
            points.add(series(c, rows, t, spec, xUnit, yUnit));
            pointRows.add(rows);
        });
        List<Series> fronts = new ArrayList<>();
        List<List<Integer>> frontRows = new ArrayList<>();
        byGroup.forEach((g, rows) -> {
            List<Integer> finite = rows.stream().filter(shown::test).toList();
            double[][] objectives = finite.stream().map(i -> new double[] {
                    xHigh ? -t.number(i, spec.x()) : t.number(i, spec.x()),
                    yHigh ? -t.number(i, spec.y()) : t.number(i, spec.y())}).toArray(double[][]::new);
            List<Integer> front = ParetoFront.nonDominated(objectives).stream().map(finite::get).toList();
            fronts.add(series(byGroup.size() == 1 ? "Pareto front" : "front: " + sweep.groupBy().orElse("") + " " + g,
                    front, t, spec, xUnit, yUnit));
            frontRows.add(front);
        });
        String sampled = stride > 1 ? " (every %d-th of %,d points shown)".formatted(stride, n) : "";
        int hidden = (int) java.util.stream.IntStream.range(0, n).filter(i -> t.feasible.get(i)).count() - drawable[0];
        String missing = hidden > 0 ? " (%,d points off a log axis or without a value not shown)".formatted(hidden) : "";
        ParetoChart chart = new ParetoChart("%s: %s vs %s%s%s".formatted(sweep.name(), shortName(sweep, spec.y()),
                shortName(sweep, spec.x()), sampled, missing), new Axis(axisLabel(sweep, spec.x(), xUnit), xScale),
                new Axis(axisLabel(sweep, spec.y(), yUnit), yScale), points, fronts);
        List<Path> files = writeChart(sweep, dir, spec.name(), chart::writePng, chart::writeSvg);
        if (sweep.report() && !points.isEmpty())
            hotspots.put(spec.name(), hotspots(sweep, columns, t, spec, chart, pointRows, frontRows, frontIds));
        return files;
    }

    /** Marks over every front point and up to {@link #MAX_HOTSPOTS} of the others, each with its row's tooltip. */
    private static List<HtmlReport.Hotspot> hotspots(SweepFile sweep, ResultColumns columns, Table t, ChartSpec spec,
                                                     ParetoChart chart, List<List<Integer>> pointRows,
                                                     List<List<Integer>> frontRows, Set<Long> frontIds) {
        List<double[][]> px = chart.pixelPositions(WIDTH_PX, HEIGHT_PX);
        List<HtmlReport.Hotspot> marks = new ArrayList<>();
        int total = pointRows.stream().mapToInt(List::size).sum();
        int every = Math.max(1, (total + MAX_HOTSPOTS - 1) / MAX_HOTSPOTS);
        int seen = 0;
        for (int s = 0; s < pointRows.size(); s++)
            for (int k = 0; k < pointRows.get(s).size(); k++)
                if (seen++ % every == 0)
                    marks.add(mark(sweep, columns, t, spec, pointRows.get(s).get(k), px.get(s)[k], frontIds));
        for (int f = 0; f < frontRows.size(); f++)
            for (int k = 0; k < frontRows.get(f).size(); k++)
                marks.add(mark(sweep, columns, t, spec, frontRows.get(f).get(k), px.get(pointRows.size() + f)[k],
                        frontIds));
        return marks;
    }

    private static HtmlReport.Hotspot mark(SweepFile sweep, ResultColumns columns, Table t, ChartSpec spec, int row,
                                           double[] px, Set<Long> frontIds) {
        long id = t.ids.get(row);
        StringBuilder tip = new StringBuilder("point " + id);
        if (!t.labels.get(row).isEmpty())
            tip.append(": ").append(t.labels.get(row));
        Set<String> shown = new LinkedHashSet<>(List.of(spec.x(), spec.y()));
        sweep.objectives().forEach(o -> shown.add(o.column()));
        for (String c : shown) {
            String unit = columns.column(c).map(ResultColumn::unit).orElse("");
            tip.append('\n').append(c).append(' ').append(HtmlReport.fourDigits(Double.toString(t.number(row, c))))
                    .append(unit.isEmpty() ? "" : " " + unit);
        }
        if (!frontIds.contains(id))
            tip.append("\n(not on the front; its row is in results.csv)");
        return new HtmlReport.Hotspot(px[0], px[1], Long.toString(id), tip.toString());
    }

    /** The most frequent colour values, at most {@link #MAX_COLOURS}; the rest are drawn as "other". */
    private static Set<String> topColours(Table t, String column) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < t.size(); i++)
            counts.merge(t.text(i, column), 1, Integer::sum);
        if (counts.size() <= MAX_COLOURS)
            return counts.keySet();
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_COLOURS - 1).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    private static Series series(String name, List<Integer> rows, Table t, ChartSpec spec, ChartUnit xUnit,
                                 ChartUnit yUnit) {
        return new Series(name, rows.stream().mapToDouble(i -> xUnit.convert(t.number(i, spec.x()))).toArray(),
                rows.stream().mapToDouble(i -> yUnit.convert(t.number(i, spec.y()))).toArray());
    }

    /** A column in a chart title: accuracy, energy, area, latency, or its name. */
    private static String shortName(SweepFile sweep, String column) {
        if (column.equals(sweep.accuracy().metric()))
            return "accuracy";
        return switch (column) {
            case "energy_pj" -> "energy";
            case "area_um2" -> "area";
            case "seconds" -> "latency";
            default -> column;
        };
    }

    /** An axis label with its unit, as the chart shows it. */
    static String axisLabel(SweepFile sweep, String column, ChartUnit unit) {
        if (column.equals(sweep.accuracy().metric()))
            return accuracyLabel(sweep);
        return switch (column) {
            case "energy_pj" -> "energy per run of the workload (%s)".formatted(unit.symbol());
            case "area_um2" -> "PE array area (%s)".formatted(unit.symbol());
            case "seconds" -> "time per run of the workload (%s)".formatted(unit.symbol());
            default -> unit.symbol().isEmpty() ? column : "%s (%s)".formatted(column, unit.symbol());
        };
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

    /**
     * Stacked energy of the front's points, cheapest first, at most {@link #MAX_BREAKDOWN_BARS} of them, each bar
     * labelled with the parameters that vary across the sweep.
     */
    private static List<Path> breakdown(SweepFile sweep, Path dir, Table t, List<Integer> front) {
        // Rows of a kind without a breakdown (a GPU beside a PE array) have NaN parts: they get no bar.
        List<Integer> sorted = new ArrayList<>(front.stream().filter(i -> Double.isFinite(t.number(i, "energy_pj"))
                && Double.isFinite(t.number(i, ResultColumns.ENERGY_BREAKDOWN.get(0)))).toList());
        sorted.sort((a, b) -> Double.compare(t.number(a, "energy_pj"), t.number(b, "energy_pj")));
        if (sorted.isEmpty())
            return List.of();
        List<Integer> shown = new ArrayList<>();
        int bars = Math.min(MAX_BREAKDOWN_BARS, sorted.size());
        for (int b = 0; b < bars; b++)
            shown.add(sorted.get((int) ((long) b * (sorted.size() - 1) / Math.max(1, bars - 1))));
        List<Integer> distinct = shown.stream().distinct().toList();
        ChartUnit unit = ChartUnit.energyFromPj(t.number(distinct.get(distinct.size() - 1), "energy_pj"));
        List<String> parts = ResultColumns.ENERGY_BREAKDOWN;
        double[][] values = new double[parts.size()][distinct.size()];
        for (int b = 0; b < parts.size(); b++)
            for (int j = 0; j < distinct.size(); j++)
                values[b][j] = unit.convert(t.number(distinct.get(j), parts.get(b)));
        List<String> items = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i : distinct) {
            String label = t.labels.get(i).isEmpty() ? "point " + t.ids.get(i) : t.labels.get(i);
            if (!used.add(label)) {
                label = label + " #" + t.ids.get(i);
                used.add(label);
            }
            items.add(label);
        }
        BreakdownChart chart = new BreakdownChart("%s: where the front's energy goes".formatted(sweep.name()),
                "energy per run of the workload (%s)".formatted(unit.symbol()), items, BREAKDOWN_LABELS, values);
        return writeChart(sweep, dir, "breakdown-energy", chart::writePng, chart::writeSvg);
    }

    private interface ChartWriter {
        void write(Path file, int widthPx, int heightPx);
    }

    private static List<Path> writeChart(SweepFile sweep, Path dir, String base, ChartWriter png, ChartWriter svg) {
        List<Path> files = new ArrayList<>();
        if (sweep.imageTypes().contains("png")) {
            Path f = dir.resolve(base + ".png");
            png.write(f, WIDTH_PX, HEIGHT_PX);
            files.add(f);
        }
        Path svgFile = dir.resolve(base + ".svg");
        if (sweep.imageTypes().contains("svg") || sweep.report()) {
            svg.write(svgFile, WIDTH_PX, HEIGHT_PX);
            files.add(svgFile);
        }
        return files;
    }

    private static void html(SweepFile sweep, ResultColumns columns, Path dir, Table t, Map<String, Integer> frontSizes,
                             Map<String, Double> hypervolumes, List<List<String>> frontTable,
                             Map<String, List<HtmlReport.Hotspot>> hotspots, Path file) {
        HtmlReport r = new HtmlReport("BitSweep report: " + sweep.name());
        int feasible = (int) t.feasible.stream().filter(b -> b).count();
        r.paragraph("%,d design points evaluated, %,d feasible. Objectives: %s. Accuracy: %s, measured on %s."
                .formatted(t.size(), feasible, String.join(", ", sweep.objectives().stream()
                        .map(o -> o.direction() + " " + o.column()).toList()), sweep.accuracy().metric(),
                        sweep.accuracy().describe()));
        frontSizes.forEach((g, size) -> r.paragraph("Front%s: %d points; hypervolume %.4f of the unit box (objectives "
                .formatted(g.equals("all") ? "" : " for " + sweep.groupBy().orElse("") + " " + g, size, hypervolumes.get(g))
                + "scaled so the data's best is 0 and worst is 1)."));
        r.heading("Charts (hover a point for its parameters; click it to find its row below)");
        List<String> names = new ArrayList<>(sweep.charts().stream().map(ChartSpec::name).toList());
        names.add("breakdown-energy");
        for (String name : names) {
            Path svg = dir.resolve(name + ".svg");
            if (Files.exists(svg)) {
                try {
                    r.svg(name + ".svg", Files.readString(svg, StandardCharsets.UTF_8),
                            hotspots.getOrDefault(name, List.of()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        r.heading("The Pareto front (click a column to sort)");
        if (!frontTable.isEmpty()) {
            List<String> header = frontTable.get(0).stream().map(c -> columns.column(c).map(ResultColumn::header)
                    .orElse(c)).toList();
            List<List<String>> rows = frontTable.subList(1, frontTable.size());
            r.table(header, rows, rows.stream().map(row -> row.get(0)).toList(), true);
        }
        r.heading("The sweep as understood (sweep.resolved.yaml)");
        r.pre(ResolvedSweepWriter.text(sweep));
        r.write(file);
    }
}
