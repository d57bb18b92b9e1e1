package org.bitsweep.report.chart;

import java.awt.Rectangle;
import java.nio.file.Path;
import org.bitsweep.report.io.AtomicFiles;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes a JFreeChart as PNG or SVG, each file replaced atomically (see {@link AtomicFiles}). */
final class ChartFiles {
    /**
     * Prefix of the ids in the SVG's defs (clip paths, gradients). JFreeSVG's default embeds the clock, so the same
     * chart would give a different file each run; a fixed prefix keeps re-drawn reports diffable.
     */
    private static final String SVG_ID_PREFIX = "bitsweep";

    /**
     * Decimals kept in SVG coordinates. A hundredth of a pixel is finer than any screen or printer resolves, and the
     * default (full double precision) makes a chart of a few thousand points several megabytes.
     */
    private static final int SVG_GEOMETRY_DECIMALS = 2;

    private ChartFiles() {
    }

    static void writePng(JFreeChart chart, Path file, int widthPx, int heightPx) {
        requireSize(widthPx, heightPx);
        AtomicFiles.replace(file, temp -> ChartUtils.saveChartAsPNG(temp.toFile(), chart, widthPx, heightPx));
    }

    static void writeSvg(JFreeChart chart, Path file, int widthPx, int heightPx) {
        requireSize(widthPx, heightPx);
        String svg = svgElement(chart, widthPx, heightPx);
        AtomicFiles.replace(file, temp -> SVGUtils.writeToSVG(temp.toFile(), svg));
    }

    /**
     * By default JFreeChart draws rotated text (the y axis label) as glyph outlines, a workaround for a rotated-text
     * bug of old JDKs. In SVG that turns the label into a path that cannot be searched, selected or read aloud, so
     * the workaround is switched off while drawing. The switch is global to the JVM: it is restored afterwards, and
     * the lock keeps two of our SVG drawings from restoring it under each other.
     */
    private static synchronized String svgElement(JFreeChart chart, int widthPx, int heightPx) {
        SVGGraphics2D g2 = new SVGGraphics2D(widthPx, heightPx);
        g2.setDefsKeyPrefix(SVG_ID_PREFIX);
        g2.setGeomDoubleConverter(SVGUtils.createDoubleConverter(SVG_GEOMETRY_DECIMALS));
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(g2, new Rectangle(widthPx, heightPx));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
        return g2.getSVGElement();
    }

    /**
     * Lays the chart out as {@link #writeSvg} draws it, without keeping the drawing, and says where its plot area
     * landed: what maps a data value to the pixel it is drawn at.
     */
    static synchronized ChartRenderingInfo layout(JFreeChart chart, int widthPx, int heightPx) {
        requireSize(widthPx, heightPx);
        SVGGraphics2D g2 = new SVGGraphics2D(widthPx, heightPx);
        ChartRenderingInfo info = new ChartRenderingInfo();
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(g2, new Rectangle(widthPx, heightPx), null, info);
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
        return info;
    }

    private static void requireSize(int widthPx, int heightPx) {
        if (widthPx < 1 || heightPx < 1)
            throw new IllegalArgumentException("chart size must be at least 1×1 px, got %d×%d"
                    .formatted(widthPx, heightPx));
    }
}
