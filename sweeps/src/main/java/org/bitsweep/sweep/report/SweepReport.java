package org.bitsweep.sweep.report;

import java.io.BufferedWriter;
import java.io.IOException;
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
import org.bitsweep.sweep.pareto.StreamingFront;
import org.bitsweep.sweep.store.CsvLine;
import org.bitsweep.sweep.store.ResultLines;
import org.bitsweep.sweep.store.ResultStore;
import org.bitsweep.workloads.UserInputException;

/**
 * Everything drawn from a results directory: the Pareto fronts over the sweep's objectives (per group), their
 * hypervolume, pareto.csv, the sweep's charts (by default accuracy against energy and against area), the energy
 * breakdown of the front, and report.html. It runs after a sweep and again from {@code bitsweep report DIR}.
 *
 * <p>Memory is bounded whatever the number of rows: results.csv is read once as a stream, and only the fronts (the
 * sweep's, and each chart's two-objective ones, kept by {@link StreamingFront}), a sample of at most
 * {@link #MAX_CHART_POINTS} rows for the charts' faint points, and counts are kept; a second streaming pass copies
 * the front's rows to pareto.csv. The report's table is the front.
 */
public final class SweepReport {
    public static final int WIDTH_PX = 960;
    public static final int HEIGHT_PX = 640;
    /** Charts draw at most this many faint points (every k-th row, k a power of two); fronts are drawn whole. */
    public static final int MAX_CHART_POINTS = 20_000;
    /** A chart in report.html carries hover marks for its fronts and at most this many other points. */
    static final int MAX_HOTSPOTS = 2_000;
    /** The breakdown chart shows at most this many front points, evenly chosen along energy. */
    static final int MAX_BREAKDOWN_BARS = 40;
    /** More colours than this no longer tell groups apart; the rest share one. */
    static final int MAX_COLOURS = 10;
    /** report.html lists at most this many front rows (pareto.csv has them all). */
    static final int MAX_TABLE_ROWS = 5_000;
    /** Past this many groups, the rest share one front: a group per row would keep every row. */
    static final int MAX_GROUPS = 1_000;
    static final String OTHER_GROUPS = "(other groups)";
    /** Distinct colour values counted; past this, new values only count as "other". */
    private static final int MAX_COLOUR_VALUES = 10_000;
    /** Rows held before they are merged into a front. */
    private static final int FRONT_CHUNK = 8_192;
    /** Exact hypervolume costs about front^(objectives−1): past this front size it is not computed. */
    private static final int MAX_HYPERVOLUME_POINTS = 5_000;
    static final List<String> BREAKDOWN_LABELS = List.of("MACs", "PE registers", "weight buffer", "activation buffer",
            "output buffer", "DRAM", "leakage", "attention unit");

    /** What was found and written. A hypervolume is NaN where the front was too large to compute it exactly. */
    public record Summary(long rows, long feasible, Map<String, Integer> frontSizes, Map<String, Double> hypervolumes,
                          List<Path> files) {
    }

    private SweepReport() {
    }

    public static Summary build(SweepFile sweep, Path dir) {
        Path results = dir.resolve(ResultStore.CSV);
        if (!Files.exists(results))
            throw new UserInputException("%s: no results.csv; run the sweep first (bitsweep run SWEEP --out %s)"
                    .formatted(dir, dir));
        ResultColumns columns = sweep.columns();
        Scan scan = Scan.of(sweep, columns, results);
        List<Path> files = new ArrayList<>();

        Map<String, Integer> frontSizes = new LinkedHashMap<>();
        Map<String, Double> hypervolumes = new LinkedHashMap<>();
        Set<Long> frontIds = new HashSet<>();
        List<Row> frontRows = new ArrayList<>();
        scan.fronts.forEach((group, front) -> {
            List<Row> rows = front.items();
            frontSizes.put(group, rows.size());
            for (Row r : rows) {
                frontIds.add(r.id);
                frontRows.add(r);
            }
            hypervolumes.put(group, rows.size() > MAX_HYPERVOLUME_POINTS && scan.lo.length > 2 ? Double.NaN
                    : Hypervolume.of(front.objectives().stream().map(o -> normalize(o, scan.lo, scan.hi)).toList(),
                    ones(scan.lo.length)));
        });

        Path pareto = dir.resolve("pareto.csv");
        List<List<String>> frontTable = writeFront(results, scan, pareto, frontIds);
        files.add(pareto);
        Map<String, List<HtmlReport.Hotspot>> hotspots = new LinkedHashMap<>();
        for (int c = 0; c < sweep.charts().size(); c++)
            files.addAll(chart(sweep, columns, dir, scan, c, frontIds, hotspots));
        if (hasEnergyBreakdown(columns))
            files.addAll(breakdown(sweep, dir, scan, frontRows));
        if (sweep.report()) {
            Path html = dir.resolve("report.html");
            html(sweep, columns, dir, scan, frontSizes, hypervolumes, frontTable, hotspots, html);
            files.add(html);
        }
        return new Summary(scan.rows, scan.feasible, frontSizes, hypervolumes, files);
    }

    /**
     * One row of results.csv as the report holds it: its place and id, its objectives in minimization form, and its
     * line, whose other cells are read only if the row is kept (on a front, or in the charts' sample).
     */
    private static final class Row {
        final long index;
        final long id;
        final String line;
        final String group;
        private final Scan scan;
        private String[] cells;

        Row(Scan scan, long index, long id, String line, String group) {
            this.scan = scan;
            this.index = index;
            this.id = id;
            this.line = line;
            this.group = group;
        }

        String cell(String column) {
            if (cells == null)
                cells = scan.cellsOf(line);
            return cells[scan.index.get(column)];
        }

        double number(String column) {
            return Double.parseDouble(cell(column));
        }

        /** The row's varying parameters: text as it is ({@code bitmod3}), numbers with their name. */
        String label() {
            List<String> parts = new ArrayList<>();
            for (String v : scan.varying) {
                boolean number = scan.columns.column(v).map(ResultColumn::numeric).orElse(false);
                parts.add(number ? v + "=" + cell(v) : cell(v));
            }
            return String.join(" ", parts);
        }
    }

    /**
     * Every row read once: counts, the objectives' ranges, the fronts per group, each chart's fronts per group, its
     * axes' extent, the colour counts and the sample.
     */
    private static final class Scan {
        final SweepFile sweep;
        final ResultColumns columns;
        final Path file;
        final List<String> varying;
        Map<String, Integer> index;
        String headerLine;
        long rows;
        long feasible;
        final double[] lo;
        final double[] hi;
        final Map<String, StreamingFront<Row>> fronts = new TreeMap<>();
        final List<ChartScan> charts = new ArrayList<>();
        final Map<String, Map<String, Long>> colourCounts = new HashMap<>();
        final Sample sample = new Sample();
        private final CsvLine cells = new CsvLine();
        private long lineNumber;

        private Scan(SweepFile sweep, ResultColumns columns, Path file) {
            this.sweep = sweep;
            this.columns = columns;
            this.file = file;
            this.varying = varyingParameters(sweep);
            lo = new double[sweep.objectives().size()];
            hi = new double[lo.length];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        }

        static Scan of(SweepFile sweep, ResultColumns columns, Path file) {
            Scan s = new Scan(sweep, columns, file);
            for (ChartSpec c : sweep.charts())
                s.charts.add(new ChartScan(sweep, c));
            try {
                ResultLines.forEach(file, s::accept);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (s.index == null)
                throw new UserInputException("%s: the file is empty; it was not written by bitsweep run".formatted(file));
            return s;
        }

        private void accept(long lineNumber, String line) {
            this.lineNumber = lineNumber;
            if (index == null) {
                header(line);
                return;
            }
            if (!cells.parse(line) || cells.size() != index.size())
                throw new UserInputException(("%s:%d: not a row of results: %d cells where the header has %d; the "
                        + "file was changed by something other than bitsweep; rerun the sweep (bitsweep run SWEEP "
                        + "--force)").formatted(file, lineNumber, Math.max(cells.size(), 0), index.size()));
            long id = (long) number("point");
            boolean ok = Boolean.parseBoolean(get("feasible"));
            String group = sweep.groupBy().map(this::get).orElse("all");
            if (!fronts.containsKey(group) && fronts.size() >= MAX_GROUPS)
                group = OTHER_GROUPS;
            Row row = new Row(this, rows, id, line, group);
            if (ok) {
                feasible++;
                double[] o = new double[lo.length];
                for (int k = 0; k < o.length; k++) {
                    Objective objective = sweep.objectives().get(k);
                    double v = number(objective.column());
                    o[k] = objective.maximize() ? -v : v;
                    if (Double.isFinite(o[k])) {
                        lo[k] = Math.min(lo[k], o[k]);
                        hi[k] = Math.max(hi[k], o[k]);
                    }
                }
                fronts.computeIfAbsent(group, g -> new StreamingFront<>(FRONT_CHUNK)).add(o, row);
            }
            for (ChartScan c : charts) {
                countColour(c.colourColumn);
                if (ok)
                    c.accept(row, number(c.spec.x()), number(c.spec.y()));
            }
            sample.add(row);
            rows++;
        }

        private void header(String line) {
            headerLine = line;
            if (!cells.parse(line))
                throw new UserInputException("%s:1: not a header of results".formatted(file));
            index = new HashMap<>();
            for (int i = 0; i < cells.size(); i++)
                index.put(cells.get(i), i);
            // Energy and its breakdown where the sweep's target kinds write them (a GPU or FPGA sweep may not).
            Set<String> needed = new LinkedHashSet<>(List.of("point", "feasible"));
            if (columns.column("energy_pj").isPresent())
                needed.add("energy_pj");
            sweep.objectives().forEach(o -> needed.add(o.column()));
            for (ChartSpec c : sweep.charts()) {
                needed.add(c.x());
                needed.add(c.y());
                needed.add(c.colorBy().orElse(sweep.colorBy()));
            }
            if (hasEnergyBreakdown(columns))
                needed.addAll(ResultColumns.ENERGY_BREAKDOWN);
            sweep.groupBy().ifPresent(needed::add);
            needed.addAll(varying);
            for (String column : needed)
                if (!index.containsKey(column))
                    throw new UserInputException("%s: column %s is missing; it was not written by this sweep"
                            .formatted(file, column));
        }

        private void countColour(String column) {
            Map<String, Long> counts = colourCounts.computeIfAbsent(column, c -> new HashMap<>());
            String value = get(column);
            if (counts.containsKey(value) || counts.size() < MAX_COLOUR_VALUES)
                counts.merge(value, 1L, Long::sum);
        }

        private String get(String column) {
            return cells.get(index.get(column));
        }

        private double number(String column) {
            String text = get(column);
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new UserInputException(("%s:%d: %s: \"%s\" is not a number; the file was changed by something "
                        + "other than bitsweep; rerun the sweep (bitsweep run SWEEP --force)")
                        .formatted(file, lineNumber, column, text));
            }
        }

        List<String> cellsList(String line) {
            return List.of(cellsOf(line));
        }

        String[] cellsOf(String line) {
            CsvLine c = new CsvLine();
            c.parse(line);
            String[] all = new String[c.size()];
            for (int i = 0; i < all.length; i++)
                all[i] = c.get(i);
            return all;
        }
    }

    /** One chart's pass over the rows: its axes' extent, what it can draw, and its two-objective fronts per group. */
    private static final class ChartScan {
        final ChartSpec spec;
        final String colourColumn;
        final boolean xHigh;
        final boolean yHigh;
        final AxisScale xScale;
        final AxisScale yScale;
        long drawable;
        double maxX;
        double maxY;
        final Map<String, StreamingFront<Row>> fronts = new TreeMap<>();

        ChartScan(SweepFile sweep, ChartSpec spec) {
            this.spec = spec;
            colourColumn = spec.colorBy().orElse(sweep.colorBy());
            xHigh = higherBetter(sweep, spec.x());
            yHigh = higherBetter(sweep, spec.y());
            xScale = spec.logX().map(l -> l ? AxisScale.LOG : AxisScale.LINEAR).orElse(AxisScale.AUTO);
            yScale = spec.logY().map(l -> l ? AxisScale.LOG : AxisScale.LINEAR).orElse(AxisScale.AUTO);
        }

        boolean shows(double x, double y) {
            return Double.isFinite(x) && Double.isFinite(y) && (xScale != AxisScale.LOG || x > 0)
                    && (yScale != AxisScale.LOG || y > 0);
        }

        /** A feasible row. */
        void accept(Row row, double x, double y) {
            if (!shows(x, y))
                return;
            drawable++;
            maxX = Math.max(maxX, Math.abs(x));
            maxY = Math.max(maxY, Math.abs(y));
            fronts.computeIfAbsent(row.group, g -> new StreamingFront<>(FRONT_CHUNK))
                    .add(new double[] {xHigh ? -x : x, yHigh ? -y : y}, row);
        }
    }

    /**
     * Every k-th row, k a power of two that doubles (dropping every other row kept) whenever more than
     * {@link #MAX_CHART_POINTS} would be kept: one pass, and the same rows as a stride chosen knowing the count.
     */
    private static final class Sample {
        long stride = 1;
        List<Row> rows = new ArrayList<>();

        void add(Row r) {
            if (r.index % stride != 0)
                return;
            rows.add(r);
            if (rows.size() > MAX_CHART_POINTS) {
                stride *= 2;
                rows.removeIf(x -> x.index % stride != 0);
            }
        }
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

    /**
     * pareto.csv: the header and the front's rows, copied from results.csv in a second streaming pass; the first
     * {@link #MAX_TABLE_ROWS} of them are also returned as table cells, the header first.
     */
    private static List<List<String>> writeFront(Path results, Scan scan, Path pareto, Set<Long> frontIds) {
        List<List<String>> table = new ArrayList<>();
        table.add(scan.cellsList(scan.headerLine));
        AtomicFiles.replace(pareto, tmp -> {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(scan.headerLine);
                out.write('\n');
                CsvLine cells = new CsvLine();
                ResultLines.forEach(results, (number, line) -> {
                    if (number == 1)
                        return;
                    int comma = line.indexOf(',');
                    long id;
                    try {
                        id = Long.parseLong(comma < 0 ? line : line.substring(0, comma));
                    } catch (NumberFormatException e) {
                        return;                 // the first pass read this file whole; it changed since
                    }
                    if (!frontIds.contains(id))
                        return;
                    try {
                        out.write(line);
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (table.size() <= MAX_TABLE_ROWS && cells.parse(line)) {
                        List<String> row = new ArrayList<>(cells.size());
                        for (int i = 0; i < cells.size(); i++)
                            row.add(cells.get(i));
                        table.add(row);
                    }
                });
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

    private static List<Path> chart(SweepFile sweep, ResultColumns columns, Path dir, Scan scan, int chartIndex,
                                    Set<Long> frontIds, Map<String, List<HtmlReport.Hotspot>> hotspots) {
        ChartScan c = scan.charts.get(chartIndex);
        ChartSpec spec = c.spec;
        ChartUnit xUnit = ChartUnit.forColumn(spec.x(), c.maxX);
        ChartUnit yUnit = ChartUnit.forColumn(spec.y(), c.maxY);
        Set<String> shownColours = topColours(scan.colourCounts.getOrDefault(c.colourColumn, Map.of()));
        Map<String, List<Row>> byColour = new TreeMap<>();
        for (Row r : scan.sample.rows) {
            if (!Boolean.parseBoolean(r.cell("feasible")) || !c.shows(r.number(spec.x()), r.number(spec.y())))
                continue;
            String colour = r.cell(c.colourColumn);
            byColour.computeIfAbsent(shownColours.contains(colour) ? c.colourColumn + " " + colour
                    : "other " + c.colourColumn, k -> new ArrayList<>()).add(r);
        }
        List<Series> points = new ArrayList<>();
        List<List<Row>> pointRows = new ArrayList<>();
        byColour.forEach((colour, rows) -> {
            points.add(series(colour, rows, spec, xUnit, yUnit));
            pointRows.add(rows);
        });
        List<Series> fronts = new ArrayList<>();
        List<List<Row>> frontRows = new ArrayList<>();
        c.fronts.forEach((g, front) -> {
            List<Row> rows = front.items();
            fronts.add(series(c.fronts.size() == 1 ? "Pareto front" : "front: " + sweep.groupBy().orElse("") + " " + g,
                    rows, spec, xUnit, yUnit));
            frontRows.add(rows);
        });
        long stride = scan.sample.stride;
        String sampled = stride > 1 ? " (every %d-th of %,d points shown)".formatted(stride, scan.rows) : "";
        long hidden = scan.feasible - c.drawable;
        String missing = hidden > 0 ? " (%,d points off a log axis or without a value not shown)".formatted(hidden) : "";
        ParetoChart chart = new ParetoChart("%s: %s vs %s%s%s".formatted(sweep.name(), shortName(sweep, spec.y()),
                shortName(sweep, spec.x()), sampled, missing), new Axis(axisLabel(sweep, spec.x(), xUnit), c.xScale),
                new Axis(axisLabel(sweep, spec.y(), yUnit), c.yScale), points, fronts);
        List<Path> files = writeChart(sweep, dir, spec.name(), chart::writePng, chart::writeSvg);
        if (sweep.report() && !points.isEmpty())
            hotspots.put(spec.name(), hotspots(sweep, columns, spec, chart, pointRows, frontRows, frontIds));
        return files;
    }

    /** Marks over every front point and up to {@link #MAX_HOTSPOTS} of the others, each with its row's tooltip. */
    private static List<HtmlReport.Hotspot> hotspots(SweepFile sweep, ResultColumns columns, ChartSpec spec,
                                                     ParetoChart chart, List<List<Row>> pointRows,
                                                     List<List<Row>> frontRows, Set<Long> frontIds) {
        List<double[][]> px = chart.pixelPositions(WIDTH_PX, HEIGHT_PX);
        List<HtmlReport.Hotspot> marks = new ArrayList<>();
        int total = pointRows.stream().mapToInt(List::size).sum();
        int every = Math.max(1, (total + MAX_HOTSPOTS - 1) / MAX_HOTSPOTS);
        int seen = 0;
        for (int s = 0; s < pointRows.size(); s++)
            for (int k = 0; k < pointRows.get(s).size(); k++)
                if (seen++ % every == 0)
                    marks.add(mark(sweep, columns, spec, pointRows.get(s).get(k), px.get(s)[k], frontIds));
        for (int f = 0; f < frontRows.size(); f++)
            for (int k = 0; k < frontRows.get(f).size(); k++)
                marks.add(mark(sweep, columns, spec, frontRows.get(f).get(k), px.get(pointRows.size() + f)[k],
                        frontIds));
        return marks;
    }

    private static HtmlReport.Hotspot mark(SweepFile sweep, ResultColumns columns, ChartSpec spec, Row row,
                                           double[] px, Set<Long> frontIds) {
        StringBuilder tip = new StringBuilder("point " + row.id);
        String label = row.label();
        if (!label.isEmpty())
            tip.append(": ").append(label);
        Set<String> shown = new LinkedHashSet<>(List.of(spec.x(), spec.y()));
        sweep.objectives().forEach(o -> shown.add(o.column()));
        for (String c : shown) {
            String unit = columns.column(c).map(ResultColumn::unit).orElse("");
            tip.append('\n').append(c).append(' ').append(HtmlReport.fourDigits(Double.toString(row.number(c))))
                    .append(unit.isEmpty() ? "" : " " + unit);
        }
        if (!frontIds.contains(row.id))
            tip.append("\n(not on the front; its row is in results.csv)");
        return new HtmlReport.Hotspot(px[0], px[1], Long.toString(row.id), tip.toString());
    }

    /** The most frequent colour values, at most {@link #MAX_COLOURS}; the rest are drawn as "other". */
    private static Set<String> topColours(Map<String, Long> counts) {
        if (counts.size() <= MAX_COLOURS)
            return counts.keySet();
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_COLOURS - 1).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    private static Series series(String name, List<Row> rows, ChartSpec spec, ChartUnit xUnit, ChartUnit yUnit) {
        return new Series(name, rows.stream().mapToDouble(r -> xUnit.convert(r.number(spec.x()))).toArray(),
                rows.stream().mapToDouble(r -> yUnit.convert(r.number(spec.y()))).toArray());
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
            case "area_um2" -> "area (%s)".formatted(unit.symbol());
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
    private static List<Path> breakdown(SweepFile sweep, Path dir, Scan scan, List<Row> front) {
        List<Row> sorted = new ArrayList<>(front.stream().filter(r -> Double.isFinite(r.number("energy_pj"))).toList());
        sorted.sort((a, b) -> Double.compare(a.number("energy_pj"), b.number("energy_pj")));
        if (sorted.isEmpty())
            return List.of();
        List<Row> shown = new ArrayList<>();
        int bars = Math.min(MAX_BREAKDOWN_BARS, sorted.size());
        for (int b = 0; b < bars; b++)
            shown.add(sorted.get((int) ((long) b * (sorted.size() - 1) / Math.max(1, bars - 1))));
        List<Row> distinct = shown.stream().distinct().toList();
        ChartUnit unit = ChartUnit.energyFromPj(distinct.get(distinct.size() - 1).number("energy_pj"));
        List<String> parts = ResultColumns.ENERGY_BREAKDOWN;
        double[][] values = new double[parts.size()][distinct.size()];
        for (int b = 0; b < parts.size(); b++)
            for (int j = 0; j < distinct.size(); j++)
                values[b][j] = unit.convert(distinct.get(j).number(parts.get(b)));
        List<String> items = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Row r : distinct) {
            String label = r.label().isEmpty() ? "point " + r.id : r.label();
            if (!used.add(label)) {
                label = label + " #" + r.id;
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

    private static void html(SweepFile sweep, ResultColumns columns, Path dir, Scan scan, Map<String, Integer> frontSizes,
                             Map<String, Double> hypervolumes, List<List<String>> frontTable,
                             Map<String, List<HtmlReport.Hotspot>> hotspots, Path file) {
        HtmlReport r = new HtmlReport("BitSweep report: " + sweep.name());
        r.paragraph("%,d design points evaluated, %,d feasible. Objectives: %s. Accuracy: %s, measured on %s."
                .formatted(scan.rows, scan.feasible, String.join(", ", sweep.objectives().stream()
                        .map(o -> o.direction() + " " + o.column()).toList()), sweep.accuracy().metric(),
                        sweep.accuracy().describe()));
        frontSizes.forEach((g, size) -> r.paragraph("Front%s: %,d points; %s".formatted(
                g.equals("all") ? "" : " for " + sweep.groupBy().orElse("") + " " + g, size,
                Double.isNaN(hypervolumes.get(g)) ? "too many for an exact hypervolume."
                        : "hypervolume %.4f of the unit box (objectives scaled so the data's best is 0 and worst is 1)."
                        .formatted(hypervolumes.get(g)))));
        if (frontSizes.containsKey(OTHER_GROUPS))
            r.paragraph("pareto.group_by gave more than %,d groups; the rest share the front \"%s\"."
                    .formatted(MAX_GROUPS, OTHER_GROUPS));
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
        int frontTotal = frontSizes.values().stream().mapToInt(Integer::intValue).sum();
        r.heading(frontTotal > MAX_TABLE_ROWS
                ? "The Pareto front: the first %,d of its %,d rows, all in pareto.csv (click a column to sort)"
                .formatted(MAX_TABLE_ROWS, frontTotal)
                : "The Pareto front (click a column to sort)");
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
