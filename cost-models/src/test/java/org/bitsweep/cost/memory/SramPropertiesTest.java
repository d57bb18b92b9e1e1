package org.bitsweep.cost.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.bitsweep.cost.NotPricedException;
import org.junit.jupiter.api.Test;

/**
 * Properties of the CACTI SRAM tables (both cell types) and their interpolation, checked at every CACTI node. Only
 * properties the data holds are claimed; docs/cost-models.md lists those it does not (bank count, and single doublings
 * of read energy). Random shapes come from a pinned seed; a failure message prints the shape.
 */
class SramPropertiesTest {
    static final Map<SramCells, SramTable> TABLES = new EnumMap<>(Map.of(SramCells.HP,
            SramTable.bundled(SramCells.HP), SramCells.LSTP, SramTable.bundled(SramCells.LSTP)));
    static final int CASES = 3000;

    @Test
    void everyCactiPointOfEitherCellTypeIsReturnedExactly() {
        for (SramCells cells : SramCells.values())
            for (SramGrid g : TABLES.get(cells).grids()) {
                SramModel m = SramModel.at(g.node(), cells);
                for (SramPoint p : g.points()) {
                    long c = p.capacityBytes();
                    int w = p.widthBits(), b = p.banks();
                    String at = "%s %s %d B %d b %d banks".formatted(cells.id(), g.node(), c, w, b);
                    assertThat(m.readPj(c, w, b)).as(at).isEqualTo(p.readPj());
                    assertThat(m.writePj(c, w, b)).as(at).isEqualTo(p.writePj());
                    assertThat(m.areaUm2(c, w, b)).as(at).isEqualTo(p.areaUm2());
                    assertThat(m.leakageMw(c, w, b)).as(at).isEqualTo(p.standbyLeakagePerBankMw() * b);
                }
            }
    }

    @Test
    void anInterpolatedPriceLiesBetweenItsFourSurroundingCactiPoints() {
        SplittableRandom rnd = new SplittableRandom(1729);
        int priced = 0;
        for (int i = 0; i < CASES; i++) {
            Shape s = Shape.random(rnd);
            SramGrid g = s.grid();
            List<SramPoint> corners = corners(g, s);
            if (corners == null)
                continue;
            priced++;
            SramModel m = SramModel.at(g.node(), s.cells);
            check(s, corners, m.readPj(s.bytes, s.width, s.banks), SramPoint::readPj);
            check(s, corners, m.writePj(s.bytes, s.width, s.banks), SramPoint::writePj);
            check(s, corners, m.areaUm2(s.bytes, s.width, s.banks), SramPoint::areaUm2);
            check(s, corners, m.leakageMw(s.bytes, s.width, s.banks), SramPoint::leakageMw);
        }
        assertThat(priced).as("shapes with all four corners priced").isGreaterThan(CASES / 2);
    }

    @Test
    void aLargerSramNeverHasLessAreaOrLeakage() {
        // Holds at every doubling of capacity in the data, hence everywhere between grid points too.
        SplittableRandom rnd = new SplittableRandom(4242);
        for (int i = 0; i < CASES; i++) {
            Shape s = Shape.random(rnd);
            long[] caps = s.grid().capacities();
            long larger = s.bytes + rnd.nextLong(caps[caps.length - 1] - s.bytes + 1);
            SramModel m = SramModel.at(s.node, s.cells);
            try {
                double area = m.areaUm2(s.bytes, s.width, s.banks), leak = m.leakageMw(s.bytes, s.width, s.banks);
                assertThat(m.areaUm2(larger, s.width, s.banks)).as("%s vs %d B", s, larger).isGreaterThanOrEqualTo(area);
                assertThat(m.leakageMw(larger, s.width, s.banks)).as("%s vs %d B", s, larger).isGreaterThanOrEqualTo(leak);
            } catch (NotPricedException e) {
                // one of the two shapes needs a CACTI point that does not exist; nothing to compare
            }
        }
    }

    @Test
    void aWiderWriteNeverCostsLess() {
        // Holds at every doubling of width in the data, hence everywhere between grid points too.
        SplittableRandom rnd = new SplittableRandom(99);
        for (int i = 0; i < CASES; i++) {
            Shape s = Shape.random(rnd);
            long[] widths = s.grid().widths();
            int wider = s.width + rnd.nextInt((int) widths[widths.length - 1] - s.width + 1);
            SramModel m = SramModel.at(s.node, s.cells);
            try {
                double e = m.writePj(s.bytes, s.width, s.banks);
                assertThat(m.writePj(s.bytes, wider, s.banks)).as("%s vs %d bits", s, wider).isGreaterThanOrEqualTo(e);
            } catch (NotPricedException e) {
                // a shape without its CACTI points
            }
        }
    }

    @Test
    void aFourTimesLargerOrWiderSramNeverReadsOrWritesCheaperAtTheGridPoints() {
        // Single doublings fail at a few points, so the claim is for fourfold steps, where neither grid has an
        // exception. HP: read falls at 11 of 2190 capacity doublings (worst x0.824 at 45 nm, 128 -> 256 KiB, 32 bits,
        // 2 banks) and 8 of 1926 width doublings; write at 4 capacity doublings. LSTP: read falls at 9 capacity
        // doublings (worst x0.922, 90 nm, 8 -> 16 KiB, 128 bits, 2 banks) and 11 width doublings (worst x0.750,
        // 90 nm, 16 KiB, 32 -> 64 bits, 2 banks); write never.
        List<String> failures = new ArrayList<>();
        for (SramCells cells : SramCells.values())
            for (SramGrid g : TABLES.get(cells).grids())
                for (SramPoint p : g.points()) {
                    SramPoint bigger = g.point(p.capacityBytes() * 4, p.widthBits(), p.banks());
                    SramPoint wider = g.point(p.capacityBytes(), p.widthBits() * 4, p.banks());
                    if (bigger != null && (bigger.readPj() < p.readPj() || bigger.writePj() < p.writePj()))
                        failures.add("%s %s %s -> 4x capacity".formatted(cells.id(), g.node(), p));
                    if (wider != null && (wider.readPj() < p.readPj() || wider.writePj() < p.writePj()))
                        failures.add("%s %s %s -> 4x width".formatted(cells.id(), g.node(), p));
                }
        assertThat(failures).isEmpty();
    }

    private static void check(Shape s, List<SramPoint> corners, double price, ToDoubleFunction<SramPoint> q) {
        double lo = corners.stream().mapToDouble(q).min().orElseThrow();
        double hi = corners.stream().mapToDouble(q).max().orElseThrow();
        assertThat(price).as("%s between %s and %s", s, lo, hi).isBetween(lo * (1 - 1e-12), hi * (1 + 1e-12));
    }

    /** The grid points around a shape, found independently of the model; null where CACTI lacks one. */
    private static List<SramPoint> corners(SramGrid g, Shape s) {
        long[] c = around(g.capacities(), s.bytes);
        long[] w = around(g.widths(), s.width);
        List<SramPoint> out = new ArrayList<>();
        for (long cap : c)
            for (long width : w) {
                SramPoint p = g.point(cap, (int) width, s.banks);
                if (p == null)
                    return null;
                out.add(p);
            }
        return out;
    }

    private static long[] around(long[] grid, long v) {
        for (int i = 0; i < grid.length - 1; i++)
            if (grid[i] <= v && v <= grid[i + 1])
                return new long[] {grid[i], grid[i + 1]};
        throw new IllegalStateException(v + " outside " + Arrays.toString(grid));
    }

    /** A random shape inside a random cell type's and CACTI node's grid, log-uniform in capacity and width. */
    private record Shape(SramCells cells, String node, long bytes, int width, int banks) {
        static Shape random(SplittableRandom rnd) {
            SramCells cells = SramCells.values()[rnd.nextInt(SramCells.values().length)];
            List<SramGrid> grids = TABLES.get(cells).grids();
            SramGrid g = grids.get(rnd.nextInt(grids.size()));
            long[] caps = g.capacities(), widths = g.widths(), banks = g.bankCounts();
            long bytes = Math.round(Math.exp(uniform(rnd, Math.log(caps[0]), Math.log(caps[caps.length - 1]))));
            int width = (int) Math.round(Math.exp(uniform(rnd, Math.log(widths[0]), Math.log(widths[widths.length - 1]))));
            return new Shape(cells, g.node(), bytes, width, (int) banks[rnd.nextInt(banks.length)]);
        }

        SramGrid grid() {
            return TABLES.get(cells).grid(node);
        }

        private static double uniform(SplittableRandom rnd, double lo, double hi) {
            return lo + (hi - lo) * rnd.nextDouble();
        }
    }
}
