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
 */
public final class HtmlReport {
    /** One block of the page, in order. */
    private sealed interface Block permits Heading, Paragraph, Svg, Table, Pre {
    }

    private record Heading(String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Svg(String caption, String svg) implements Block {
    }

    /** {@code numeric[c]} says whether column c sorts as numbers. */
    private record Table(String id, List<String> header, List<List<String>> rows, boolean[] numeric) implements Block {
    }

    private record Pre(String text) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private int tables;

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
        int start = svgDocument.indexOf("<svg");
        blocks.add(new Svg(caption, start >= 0 ? svgDocument.substring(start) : svgDocument));
        return this;
    }

    /** A table; a column sorts as numbers when every cell of it parses as one. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            boolean all = !rows.isEmpty();
            for (List<String> row : rows)
                all &= isNumber(row.get(c));
            numeric[c] = all;
        }
        blocks.add(new Table("table" + tables++, List.copyOf(header), rows.stream().map(List::copyOf).toList(), numeric));
        return this;
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
                b.append("<figure>").append(s.svg()).append("<figcaption>").append(escape(s.caption()))
                        .append("</figcaption></figure>\n");
            else if (block instanceof Pre p)
                b.append("<pre>").append(escape(p.text())).append("</pre>\n");
            else if (block instanceof Table t)
                table(b, t);
        }
        b.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, Table t) {
        b.append("<table class=\"sortable\" id=\"").append(t.id()).append("\">\n<thead><tr>");
        for (int c = 0; c < t.header().size(); c++)
            b.append("<th data-type=\"").append(t.numeric()[c] ? "number" : "text").append("\" title=\"click to sort\">")
                    .append(escape(t.header().get(c))).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            for (String cell : row)
                b.append("<td>").append(escape(cell)).append("</td>");
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
            """;

    /** Click a header to sort by it; click again to reverse. Numbers sort as numbers, text as text. */
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
                    var x = a.cells[column].textContent, y = b.cells[column].textContent;
                    var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
                    return ascending ? order : -order;
                  });
                  rows.forEach(function (row) { body.appendChild(row); });
                });
              });
            });
            """;
}
