package org.bitsweep.report.chart;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Colours and marker shapes for the i-th series of a chart. The colours are the Okabe–Ito set (Okabe and Ito,
 * "Color Universal Design", 2008), which stays distinguishable under the common colour-vision deficiencies; its
 * yellow is left out because it vanishes on white, and its black is kept for fronts. Past the last colour the marker shape changes, so that two
 * series never look the same.
 */
final class Palette {
    private static final List<Color> COLOURS = List.of(
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9));

    /**
     * Fronts are drawn in colours no point uses: black, then dark shades none of the Okabe–Ito point colours is near,
     * so a front never reads as one more cloud of points.
     */
    private static final List<Color> FRONT_COLOURS = List.of(
            new Color(0x000000), new Color(0x8B0000), new Color(0x1A237E), new Color(0x1B5E20),
            new Color(0x4A148C), new Color(0x5D4037), new Color(0x37474F));

    private static final List<DoubleFunction<Shape>> SHAPES = List.of(
            Palette::circle, Palette::square, Palette::triangle, Palette::diamond);

    private Palette() {
    }

    /** The colour of series i, with the given opacity (0 transparent, 1 opaque). */
    static Color colour(int i, double opacity) {
        Color c = COLOURS.get(i % COLOURS.size());
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * opacity));
    }

    /** The colour of front i: none of these is a point colour. */
    static Color frontColour(int i) {
        return FRONT_COLOURS.get(i % FRONT_COLOURS.size());
    }

    /** The marker of series i, centred on the origin, {@code sizePx} across. */
    static Shape marker(int i, double sizePx) {
        return SHAPES.get((i / COLOURS.size()) % SHAPES.size()).apply(sizePx);
    }

    private static Shape circle(double d) { return new Ellipse2D.Double(-d / 2, -d / 2, d, d); }

    private static Shape square(double d) { return new Rectangle2D.Double(-d / 2, -d / 2, d, d); }

    private static Shape triangle(double d) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -d / 2);
        p.lineTo(d / 2, d / 2);
        p.lineTo(-d / 2, d / 2);
        p.closePath();
        return p;
    }

    private static Shape diamond(double d) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -d / 2);
        p.lineTo(d / 2, 0);
        p.lineTo(0, d / 2);
        p.lineTo(-d / 2, 0);
        p.closePath();
        return p;
    }
}
