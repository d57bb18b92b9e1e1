package org.bitsweep.cost.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.bitsweep.cost.NotPricedException;

/**
 * One node's CACTI runs, on a grid of capacities × access widths × bank counts (all powers of two), and the one
 * interpolation rule the data file states: at a grid point, CACTI's number exactly; between grid capacities and
 * widths, a power law in each (bilinear in log capacity and log width of the log of the price); banks only at grid
 * values. CACTI finds no organisation for some small, wide, many-bank points; those are absent, and a price that
 * would need one is refused.
 */
final class SramGrid {
    private final String node;
    private final double featureNm;
    private final String file;
    private final String basis;
    private final List<SramPoint> points;
    private final Map<List<Long>, SramPoint> byKey = new HashMap<>();
    private final long[] capacities;
    private final long[] widths;
    private final long[] bankCounts;

    /**
     * @param node      the node the runs were made at, e.g. "45nm"
     * @param featureNm its feature size, to order nodes and to place it for node scaling
     * @param file      the data file the runs were read from, named in every basis
     * @param basis     the node's {@code source:} text: CACTI's version and the configuration
     */
    SramGrid(String node, double featureNm, String file, String basis, List<SramPoint> points) {
        if (points.isEmpty())
            throw new IllegalArgumentException(node + ": no CACTI points");
        this.node = node;
        this.featureNm = featureNm;
        this.file = file;
        this.basis = basis;
        this.points = List.copyOf(points);
        for (SramPoint p : points)
            if (byKey.put(key(p.capacityBytes(), p.widthBits(), p.banks()), p) != null)
                throw new IllegalArgumentException("%s: %d bytes, %d bits, %d banks listed twice".formatted(node,
                        p.capacityBytes(), p.widthBits(), p.banks()));
        capacities = points.stream().mapToLong(SramPoint::capacityBytes).distinct().sorted().toArray();
        widths = points.stream().mapToLong(SramPoint::widthBits).distinct().sorted().toArray();
        bankCounts = points.stream().mapToLong(SramPoint::banks).distinct().sorted().toArray();
    }

    String node() {
        return node;
    }

    double featureNm() {
        return featureNm;
    }

    String basis() {
        return basis;
    }

    List<SramPoint> points() {
        return points;
    }

    long[] capacities() {
        return capacities.clone();
    }

    long[] widths() {
        return widths.clone();
    }

    long[] bankCounts() {
        return bankCounts.clone();
    }

    /** The CACTI point itself, or null where CACTI found no organisation (or the grid has no such point). */
    SramPoint point(long capacityBytes, int widthBits, int banks) {
        return byKey.get(key(capacityBytes, widthBits, banks));
    }

    /** A price at any capacity and width inside the grid, at a grid bank count. */
    double price(long capacityBytes, int widthBits, int banks, ToDoubleFunction<SramPoint> quantity) {
        Cell cell = cell(capacityBytes, widthBits, banks);
        double low = along(quantity.applyAsDouble(cell.p00), quantity.applyAsDouble(cell.p10), cell.t);
        double high = along(quantity.applyAsDouble(cell.p01), quantity.applyAsDouble(cell.p11), cell.t);
        return along(low, high, cell.u);
    }

    /** How {@link #price} finds its number here, in words. */
    String basis(long capacityBytes, int widthBits, int banks) {
        Cell cell = cell(capacityBytes, widthBits, banks);
        String at = "%d B, %d-bit access, %d bank%s".formatted(capacityBytes, widthBits, banks, banks == 1 ? "" : "s");
        if (cell.t == 0 && cell.u == 0)
            return "CACTI point %s at %s (%s: %s)".formatted(at, node, file, basis);
        return "%s: power law between CACTI points of %d..%d B and %d..%d bits at %s (%s: %s)"
                .formatted(at, cell.p00.capacityBytes(), cell.p11.capacityBytes(), cell.p00.widthBits(),
                        cell.p11.widthBits(), node, file, basis);
    }

    private record Cell(SramPoint p00, SramPoint p10, SramPoint p01, SramPoint p11, double t, double u) {
    }

    /** The (up to) four grid points around the query: p[capacity][width], and how far along each axis it sits. */
    private Cell cell(long capacityBytes, int widthBits, int banks) {
        if (Arrays.binarySearch(bankCounts, banks) < 0)
            throw new NotPricedException("SRAM banks: %d; the CACTI table has %s (CACTI builds banks as a power-of-two "
                    .formatted(banks, Arrays.toString(bankCounts)) + "tree)");
        long[] c = bracket("capacity", capacityBytes, capacities, "bytes");
        long[] w = bracket("access width", widthBits, widths, "bits");
        SramPoint[] corners = new SramPoint[4];
        for (int i = 0; i < 4; i++) {
            long cap = c[i % 2], width = w[i / 2];
            corners[i] = point(cap, (int) width, banks);
            if (corners[i] == null)
                throw noOrganisation(capacityBytes, widthBits, banks, cap, width);
        }
        return new Cell(corners[0], corners[1], corners[2], corners[3], fraction(capacityBytes, c),
                fraction(widthBits, w));
    }

    private NotPricedException noOrganisation(long capacityBytes, int widthBits, int banks, long cap, long width) {
        long smallest = points.stream().filter(q -> q.widthBits() == width && q.banks() == banks)
                .mapToLong(SramPoint::capacityBytes).min().orElse(-1);
        String why = cap == capacityBytes && width == widthBits ? "CACTI 7 cannot organise it"
                : "it lies next to %d bytes at %d bits, which CACTI 7 cannot organise".formatted(cap, width);
        return new NotPricedException(("SRAM of %d bytes, %d-bit access, %d bank(s) at %s: %s (16 or fewer words per "
                + "bank); at %d bits and %d bank(s) the table starts at %d bytes; use fewer banks, a narrower access or "
                + "a larger SRAM").formatted(capacityBytes, widthBits, banks, node, why, width, banks, smallest));
    }

    private static long[] bracket(String what, long value, long[] grid, String unit) {
        if (value < grid[0] || value > grid[grid.length - 1])
            throw new NotPricedException("SRAM %s: %d %s; the CACTI table covers %d to %d %s".formatted(what, value,
                    unit, grid[0], grid[grid.length - 1], unit));
        int i = Arrays.binarySearch(grid, value);
        if (i >= 0)
            return new long[] {value, value};
        int above = -i - 1;
        return new long[] {grid[above - 1], grid[above]};
    }

    private static double fraction(long value, long[] ends) {
        if (ends[0] == ends[1])
            return 0;
        return Math.log((double) value / ends[0]) / Math.log((double) ends[1] / ends[0]);
    }

    /** The power law through (0, v0) and (1, v1) at t: v0 exactly at t = 0. */
    private static double along(double v0, double v1, double t) {
        return t == 0 ? v0 : v0 * Math.pow(v1 / v0, t);
    }

    private static List<Long> key(long capacityBytes, long widthBits, long banks) {
        return List.of(capacityBytes, widthBits, banks);
    }
}
