package rnnscratch.plot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An SVG heatmap of values in {@code [−1, 1]} (the range of {@code tanh}, as hidden states): one column per time step,
 * labelled underneath (a token, say), one row per labelled series, each cell coloured blue below zero, white at zero
 * and red above; a value that is not a finite number is grey. Every cell carries a tooltip with its row, column and
 * value. A vertical line may split the columns in two named parts.
 *
 * <p>Docs: docs/training.md
 */
public final class Heatmap {
    /**
     * Where a line splits the columns, and the names of the two parts.
     *
     * @param column the first column after the line ({@code 0}: no line)
     */
    public record Split(int column, String before, String after) {
        /** No line. */
        public static Split none() {
            return new Split(0, "", "");
        }
    }

    private static final int LEFT = 64;
    private static final int TOP = 52;
    private static final int SCALE_W = 80;
    private static final double[] NEGATIVE = {31, 119, 180};
    private static final double[] POSITIVE = {214, 39, 40};

    private Heatmap() {}

    /**
     * The SVG element (no XML prolog, so that it can be inlined in HTML).
     *
     * @param columns the column labels, one per column
     * @param rows    the row labels, one per row
     * @param values  {@code double[rows][columns]}
     * @throws IllegalArgumentException when the shapes disagree
     */
    public static String svg(String title, String xLabel, List<String> columns, List<String> rows, double[][] values,
            Split split) {
        if (values.length != rows.size() || Arrays.stream(values).anyMatch(r -> r.length != columns.size())) {
            throw new IllegalArgumentException("Heatmap '" + title + "': " + rows.size() + " rows × " + columns.size()
                    + " columns of labels, but values of another shape");
        }
        int steps = columns.size();
        double cellW = Math.max(6, Math.min(16, 720.0 / Math.max(1, steps)));
        double cellH = rows.size() > 40 ? 8 : 12;
        boolean rotate = columns.stream().anyMatch(t -> t.codePointCount(0, t.length()) > 1);
        double gridW = cellW * steps;
        double gridH = cellH * rows.size();
        double labelsH = rotate ? 8 + 6.5 * columns.stream().mapToInt(String::length).max().orElse(1) : 18;
        double width = LEFT + gridW + SCALE_W;
        double height = TOP + gridH + labelsH + 30;
        boolean splits = split.column() > 0 && split.column() < steps;

        var svg = new StringBuilder(64 * steps * rows.size() + 4096);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" "
                + "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Arial, "
                + "sans-serif\" font-size=\"11\">\n", width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT + gridW / 2, 18, "middle", title, " font-size=\"14\""));
        if (splits) {
            double x = LEFT + cellW * split.column();
            svg.append(text(LEFT + cellW * split.column() / 2, TOP - 8, "middle", split.before(), ""));
            svg.append(text(x + (gridW - cellW * split.column()) / 2, TOP - 8, "middle", split.after(), ""));
        }
        svg.append("<g class=\"cells\" shape-rendering=\"crispEdges\">\n");
        var shownColumns = columns.stream().map(t -> Markup.escape(shown(t))).toList();
        for (int r = 0; r < rows.size(); r++) {
            String row = Markup.escape(rows.get(r));
            for (int t = 0; t < steps; t++) {
                double v = values[r][t];
                svg.append("<rect x=\"");
                Markup.appendFixed(svg, LEFT + t * cellW, 2).append("\" y=\"");
                Markup.appendFixed(svg, TOP + r * cellH, 2).append("\" width=\"");
                Markup.appendFixed(svg, cellW, 2).append("\" height=\"");
                Markup.appendFixed(svg, cellH, 2).append("\" fill=\"").append(color(v)).append("\"><title>")
                        .append(row).append(", t = ").append(t + 1).append(" (").append(shownColumns.get(t))
                        .append("): ");
                Markup.appendFixed(svg, v, 3).append("</title></rect>\n");
            }
        }
        svg.append("</g>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" "
                + "stroke=\"black\"/>\n", LEFT, TOP, gridW, gridH));
        if (splits) {
            double x = LEFT + cellW * split.column();
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%.2f\" "
                    + "stroke=\"black\" stroke-width=\"2\"/>\n", x, TOP - 4, x, TOP + gridH + 4));
        }
        int every = rows.size() > 40 ? 4 : rows.size() > 20 ? 2 : 1;
        for (int r = 0; r < rows.size(); r += every) {
            svg.append(text(LEFT - 6, TOP + (r + 0.5) * cellH + 3.5, "end", rows.get(r), ""));
        }
        for (int t = 0; t < steps; t++) {
            double x = LEFT + (t + 0.5) * cellW;
            double y = TOP + gridH + 13;
            String label = shownColumns.get(t);
            if (rotate) {
                svg.append(String.format(Locale.ROOT, "<text class=\"token\" x=\"%.2f\" y=\"%.2f\" "
                        + "text-anchor=\"end\" transform=\"rotate(-60 %.2f %.2f)\">%s</text>\n", x, y - 6, x, y - 6,
                        label));
            } else {
                svg.append(String.format(Locale.ROOT, "<text class=\"token\" x=\"%.2f\" y=\"%.2f\" "
                        + "text-anchor=\"middle\" font-family=\"DejaVu Sans Mono, monospace\">%s</text>\n", x, y,
                        label));
            }
        }
        svg.append(text(LEFT + gridW / 2, TOP + gridH + labelsH + 18, "middle", xLabel, ""));
        appendScale(svg, LEFT + gridW + 24, TOP, Math.max(60, Math.min(gridH, 160)));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The colour bar: −1 at the bottom, 1 at the top. */
    private static void appendScale(StringBuilder svg, double x, double y, double h) {
        int n = 21;
        for (int i = 0; i < n; i++) {
            double v = 1 - 2.0 * i / (n - 1);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"14\" height=\"%.2f\" "
                    + "fill=\"%s\"/>\n", x, y + i * h / n, h / n + 0.5, color(v)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"14\" height=\"%.2f\" fill=\"none\" "
                + "stroke=\"black\"/>\n", x, y, h));
        svg.append(text(x + 18, y + 8, "start", "1", ""));
        svg.append(text(x + 18, y + h / 2 + 4, "start", "0", ""));
        svg.append(text(x + 18, y + h, "start", "−1", ""));
    }

    /** White at 0, towards blue at −1 and red at 1; grey for NaN or ±∞. */
    public static String color(double v) {
        if (!Double.isFinite(v)) {
            return "#999999";
        }
        double a = Math.min(1, Math.abs(v));
        double[] end = v < 0 ? NEGATIVE : POSITIVE;
        int rgb = 0;
        for (double e : end) {
            rgb = rgb << 8 | (int) Math.round(255 + a * (e - 255));
        }
        String hex = Integer.toHexString(rgb);
        return "#" + "0".repeat(6 - hex.length()) + hex;
    }

    /** A token as shown under its column: a space as ␣, a newline as ↵. */
    private static String shown(String token) {
        return token.replace(" ", "␣").replace("\n", "↵");
    }

    private static String text(double x, double y, String anchor, String content, String extra) {
        return String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\"%s>%s</text>\n", x, y, anchor,
                extra, Markup.escape(content));
    }
}
