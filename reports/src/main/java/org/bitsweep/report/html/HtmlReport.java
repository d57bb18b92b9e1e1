package org.bitsweep.report.html;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bitsweep.report.io.AtomicFiles;

/**
 * A self-contained HTML page: charts inlined as SVG, tables that sort on a click of their header (a few lines of
 * inline script, no library), and preformatted text. Nothing is loaded from elsewhere, so it reads offline.
 *
 * <p>A chart may carry hotspots: marks laid over its points that show a tooltip when hovered and, when clicked,
 * highlight the table row with the same key.
 */
public final class HtmlReport {
    /** One block of the page, in order. */
    private sealed interface Block permits Heading, Paragraph, Svg, Table, Pre {
    }

    private record Heading(String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Svg(String caption, String svg, List<Hotspot> hotspots) implements Block {
    }

    /**
     * {@code numeric[c]} says whether column c sorts as numbers; {@code keys} names each row for hotspots (empty:
     * none); with {@code formatNumbers}, numeric cells show 4 significant digits and sort by their full value.
     */
    private record Table(String id, List<String> header, List<List<String>> rows, boolean[] numeric,
                         List<String> keys, boolean formatNumbers) implements Block {
    }

    /**
     * A mark over one point of a chart, in the SVG's pixel coordinates.
     *
     * @param row     the key of the table row it highlights when clicked (may name no row)
     * @param tooltip what hovering shows
     */
    public record Hotspot(double x, double y, String row, String tooltip) {
        public Hotspot {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(tooltip, "tooltip");
        }
    }

    private record Pre(String text) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private int tables;
    private int figures;

    public HtmlReport(String title) {
        this.title = Objects.requireNonNull(title);
    }

    public HtmlReport heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    public HtmlReport paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    /** Inlines an SVG document (its XML prolog dropped). */
    public HtmlReport svg(String caption, String svgDocument) {
        return svg(caption, svgDocument, List.of());
    }

    /**
     * Inlines an SVG document with marks over its points (see {@link Hotspot}). A row drawn twice in one chart (a
     * sampled point that is also on the front) gets one mark, the first: a second would lie over it and take its
     * clicks.
     */
    public HtmlReport svg(String caption, String svgDocument, List<Hotspot> hotspots) {
        int start = svgDocument.indexOf("<svg");
        String svg = scalable(start >= 0 ? svgDocument.substring(start) : svgDocument);
        java.util.Map<String, Hotspot> oncePerRow = new java.util.LinkedHashMap<>();
        hotspots.forEach(h -> oncePerRow.putIfAbsent(h.row(), h));
        blocks.add(new Svg(caption, ownIds(svg, "f" + figures++ + "-"), List.copyOf(oncePerRow.values())));
        return this;
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile(
            "<svg[^>]*?\\swidth=['\"]([0-9.]+)['\"][^>]*?\\sheight=['\"]([0-9.]+)['\"]");

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("(\\sid=['\"]|url\\(#|href=['\"]#)");

    /**
     * Prefixes every id an SVG defines and every reference to one: two charts inlined in one page would otherwise
     * define the same clip-path ids, and the second chart would be clipped by the first one's rectangles.
     */
    static String ownIds(String svg, String prefix) {
        return ID.matcher(svg).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + prefix));
    }

    /**
     * Gives an SVG without a viewBox one over its own width and height: the page shrinks a chart wider than the
     * window, and without a viewBox the browser would cut the drawing off instead of scaling it (and the hotspots
     * with it).
     */
    static String scalable(String svg) {
        int end = svg.indexOf('>');
        if (end < 0 || svg.substring(0, end).contains("viewBox"))
            return svg;
        java.util.regex.Matcher m = SIZE.matcher(svg.substring(0, end + 1));
        if (!m.find())
            return svg;
        return "<svg viewBox='0 0 " + m.group(1) + " " + m.group(2) + "'" + svg.substring("<svg".length());
    }

    /** A table; a column sorts as numbers when every cell of it parses as one. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        return table(header, rows, List.of(), false);
    }

    /**
     * A table whose rows carry keys that hotspots name, and whose numbers show {@value #SIGNIFICANT_DIGITS}
     * significant digits when {@code formatNumbers} (sorting still uses the full value).
     */
    public HtmlReport table(List<String> header, List<List<String>> rows, List<String> keys, boolean formatNumbers) {
        if (!keys.isEmpty() && keys.size() != rows.size())
            throw new IllegalArgumentException("one key per row, or none");
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            boolean all = !rows.isEmpty();
            for (List<String> row : rows)
                all &= isNumber(row.get(c));
            numeric[c] = all;
        }
        blocks.add(new Table("table" + tables++, List.copyOf(header), rows.stream().map(List::copyOf).toList(),
                numeric, List.copyOf(keys), formatNumbers));
        return this;
    }

    /** Digits a formatted table shows of each number. */
    public static final int SIGNIFICANT_DIGITS = 4;

    /** A number to {@value #SIGNIFICANT_DIGITS} significant digits: 5.627e+11, 91.54, 0.1236; integers below 10^4 whole. */
    public static String fourDigits(String number) {
        double v = Double.parseDouble(number);
        if (!Double.isFinite(v))
            return number;
        if (v == Math.rint(v) && Math.abs(v) < 1e4)
            return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6)
            return new java.math.BigDecimal(v).round(new java.math.MathContext(SIGNIFICANT_DIGITS)).stripTrailingZeros()
                    .toPlainString();
        return String.format(java.util.Locale.ROOT, "%." + (SIGNIFICANT_DIGITS - 1) + "e", v);
    }

    public HtmlReport pre(String text) {
        blocks.add(new Pre(text));
        return this;
    }

    public void write(Path file) {
        AtomicFiles.replace(file, tmp -> {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(render());
            }
        });
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h)
                b.append("<h2>").append(escape(h.text())).append("</h2>\n");
            else if (block instanceof Paragraph p)
                b.append("<p>").append(escape(p.text())).append("</p>\n");
            else if (block instanceof Svg s)
                figure(b, s);
            else if (block instanceof Pre p)
                b.append("<pre>").append(escape(p.text())).append("</pre>\n");
            else if (block instanceof Table t)
                table(b, t);
        }
        b.append("<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n");
        b.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void figure(StringBuilder b, Svg s) {
        b.append("<figure>").append(s.svg());
        if (!s.hotspots().isEmpty()) {
            b.append("<script type=\"application/json\" class=\"hotspots\">[");
            for (int i = 0; i < s.hotspots().size(); i++) {
                Hotspot h = s.hotspots().get(i);
                b.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "[%.2f,%.2f,", h.x(), h.y()))
                        .append(json(h.row())).append(',').append(json(h.tooltip())).append(']');
            }
            b.append("]</script>");
        }
        b.append("<figcaption>").append(escape(s.caption())).append("</figcaption></figure>\n");
    }

    /** A JSON string that is also safe inside a script element ({@code </} never appears). */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> {
                    if (c < 0x20)
                        b.append(String.format("\\u%04x", (int) c));
                    else
                        b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static void table(StringBuilder b, Table t) {
        b.append("<table class=\"sortable\" id=\"").append(t.id()).append("\">\n<thead><tr>");
        for (int c = 0; c < t.header().size(); c++)
            b.append("<th data-type=\"").append(t.numeric()[c] ? "number" : "text").append("\" title=\"click to sort\">")
                    .append(escape(t.header().get(c))).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            b.append(t.keys().isEmpty() ? "<tr>" : "<tr data-row=\"" + escape(t.keys().get(r)) + "\">");
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                if (t.formatNumbers() && t.numeric()[c])
                    b.append("<td data-value=\"").append(escape(cell)).append("\">").append(escape(fourDigits(cell)))
                            .append("</td>");
                else
                    b.append("<td>").append(escape(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1200px; }
            figure { margin: 1em 0; }
            figure svg { max-width: 100%; height: auto; }
            figcaption { color: #555; font-size: 0.9em; }
            table { border-collapse: collapse; font-size: 0.85em; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: right; }
            th { background: #f0f0f0; cursor: pointer; user-select: none; }
            th[aria-sort="ascending"]::after { content: " \\25B2"; }
            th[aria-sort="descending"]::after { content: " \\25BC"; }
            pre { background: #f7f7f7; padding: 1em; overflow-x: auto; }
            tr.highlight td { background: #fff3b0; }
            circle.hotspot { fill: transparent; pointer-events: all; cursor: pointer; }
            circle.hotspot:hover, circle.hotspot.selected { stroke: #000; stroke-width: 2; }
            #tooltip { position: absolute; background: #fff; border: 1px solid #888; padding: 0.3em 0.5em;
                       font-size: 0.8em; white-space: pre; pointer-events: none; box-shadow: 0 1px 3px #aaa; }
            """;

    /**
     * Click a header to sort by it; click again to reverse. Numbers sort as numbers (by their full value, not the
     * digits shown), text as text. Hovering a chart's hotspot shows its tooltip; clicking one highlights its row.
     */
    private static final String SCRIPT = """
            document.querySelectorAll('table.sortable').forEach(function (table) {
              table.querySelectorAll('th').forEach(function (th, column) {
                th.addEventListener('click', function () {
                  var ascending = th.getAttribute('aria-sort') !== 'ascending';
                  table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
                  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                  var numeric = th.dataset.type === 'number';
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) {
                    var x = cellValue(a.cells[column]), y = cellValue(b.cells[column]);
                    var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
                    return ascending ? order : -order;
                  });
                  rows.forEach(function (row) { body.appendChild(row); });
                });
              });
            });
            function cellValue(cell) {
              return cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent;
            }
            var tooltip = document.getElementById('tooltip');
            document.querySelectorAll('script.hotspots').forEach(function (data) {
              var svg = data.parentNode.querySelector('svg');
              var marks = JSON.parse(data.textContent);
              var layer = document.createElementNS('http://www.w3.org/2000/svg', 'g');
              layer.setAttribute('class', 'hotspots');
              marks.forEach(function (m) {
                var c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
                c.setAttribute('cx', m[0]);
                c.setAttribute('cy', m[1]);
                c.setAttribute('r', 6);
                c.setAttribute('class', 'hotspot');
                c.dataset.row = m[2];
                c.dataset.tip = m[3];
                c.addEventListener('mouseenter', function (e) {
                  tooltip.textContent = m[3];
                  tooltip.hidden = false;
                  tooltip.style.left = (e.pageX + 12) + 'px';
                  tooltip.style.top = (e.pageY + 12) + 'px';
                });
                c.addEventListener('mouseleave', function () { tooltip.hidden = true; });
                c.addEventListener('click', function () {
                  document.querySelectorAll('tr.highlight').forEach(function (r) { r.classList.remove('highlight'); });
                  document.querySelectorAll('circle.selected').forEach(function (r) { r.classList.remove('selected'); });
                  c.classList.add('selected');
                  var row = document.querySelector('tr[data-row="' + m[2] + '"]');
                  if (row) {
                    row.classList.add('highlight');
                    row.scrollIntoView({block: 'center'});
                  }
                });
                layer.appendChild(c);
              });
              svg.appendChild(layer);
            });
            """;
}
