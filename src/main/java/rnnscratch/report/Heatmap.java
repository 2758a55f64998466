package rnnscratch.report;

import java.util.List;
import java.util.Locale;

/**
 * An SVG heatmap of hidden states: one column per time step (labelled with the token read), one row per chosen unit,
 * each cell coloured by {@code H_t[unit]} in {@code [−1, 1]} (the range of {@code tanh}): blue below zero, white at
 * zero, red above; a value that is not a finite number is grey. Every cell carries a tooltip with its unit, step and
 * value. A line separates the prefix from the model's own continuation.
 *
 * <p>Docs: docs/training.md
 */
final class Heatmap {
    private static final int LEFT = 64;
    private static final int TOP = 52;
    private static final int SCALE_W = 80;
    private static final double[] NEGATIVE = {31, 119, 180};
    private static final double[] POSITIVE = {214, 39, 40};

    private Heatmap() {}

    /**
     * The SVG element (no XML prolog, for inlining in HTML).
     *
     * @param units the rows: indices into each {@code values[t]}
     */
    static String svg(String title, HiddenStates states, int[] units) {
        List<String> tokens = states.tokens();
        double[][] values = states.values();
        int steps = tokens.size();
        double cellW = Math.max(6, Math.min(16, 720.0 / Math.max(1, steps)));
        double cellH = units.length > 40 ? 8 : 12;
        boolean rotate = tokens.stream().anyMatch(t -> t.codePointCount(0, t.length()) > 1);
        double gridW = cellW * steps;
        double gridH = cellH * units.length;
        double labelsH = rotate ? 8 + 6.5 * tokens.stream().mapToInt(String::length).max().orElse(1) : 18;
        double width = LEFT + gridW + SCALE_W;
        double height = TOP + gridH + labelsH + 30;

        var svg = new StringBuilder(64 * steps * units.length + 4096);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" "
                + "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Arial, "
                + "sans-serif\" font-size=\"11\">\n", width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT + gridW / 2, 18, "middle", title, " font-size=\"14\""));
        if (states.prefixLength() > 0 && states.prefixLength() < steps) {
            double x = LEFT + cellW * states.prefixLength();
            svg.append(text(LEFT + cellW * states.prefixLength() / 2, TOP - 8, "middle", "read", ""));
            svg.append(text(x + (gridW - cellW * states.prefixLength()) / 2, TOP - 8, "middle",
                    "predicted and fed back", ""));
        }
        svg.append("<g class=\"cells\" shape-rendering=\"crispEdges\">\n");
        var shownTokens = tokens.stream().map(t -> Html.escape(shown(t))).toList();
        for (int r = 0; r < units.length; r++) {
            for (int t = 0; t < steps; t++) {
                double v = values[t][units[r]];
                svg.append("<rect x=\"");
                Html.appendFixed(svg, LEFT + t * cellW, 2).append("\" y=\"");
                Html.appendFixed(svg, TOP + r * cellH, 2).append("\" width=\"");
                Html.appendFixed(svg, cellW, 2).append("\" height=\"");
                Html.appendFixed(svg, cellH, 2).append("\" fill=\"").append(color(v)).append("\"><title>unit ")
                        .append(units[r]).append(", t = ").append(t + 1).append(" (").append(shownTokens.get(t))
                        .append("): ");
                Html.appendFixed(svg, v, 3).append("</title></rect>\n");
            }
        }
        svg.append("</g>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" "
                + "stroke=\"black\"/>\n", LEFT, TOP, gridW, gridH));
        if (states.prefixLength() > 0 && states.prefixLength() < steps) {
            double x = LEFT + cellW * states.prefixLength();
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%.2f\" "
                    + "stroke=\"black\" stroke-width=\"2\"/>\n", x, TOP - 4, x, TOP + gridH + 4));
        }
        int every = units.length > 40 ? 4 : units.length > 20 ? 2 : 1;
        for (int r = 0; r < units.length; r += every) {
            svg.append(text(LEFT - 6, TOP + (r + 0.5) * cellH + 3.5, "end", "unit " + units[r], ""));
        }
        for (int t = 0; t < steps; t++) {
            double x = LEFT + (t + 0.5) * cellW;
            double y = TOP + gridH + 13;
            String label = Html.escape(shown(tokens.get(t)));
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
        svg.append(text(LEFT + gridW / 2, TOP + gridH + labelsH + 18, "middle",
                "time step t (the token read at t; the state is H_t after reading it)", ""));
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
    static String color(double v) {
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
                extra, Html.escape(content));
    }
}
