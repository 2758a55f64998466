package rnnscratch.plot;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import rnnscratch.io.AtomicFiles;

/**
 * A dependency-free SVG line chart, in the spirit of d2l's {@code d2l.plot}: several named series, a title, axis
 * labels, round-numbered ticks, a legend, and an optional logarithmic y axis.
 *
 * <p>The chart is {@value #WIDTH}×{@value #HEIGHT} pixels. The data are drawn inside the rectangle with
 * {@code id="plot-area"}; every series is one {@code <polyline class="series">} (plus a {@code <circle>} when it has
 * a single point). Tick labels carry {@code class="x-tick"} or {@code class="y-tick"}. Series take the colours of
 * d2l's default formats in order (blue, magenta, green, red, …); the line style is the series' own {@link Dash}.
 *
 * <p>Docs: docs/sequence-models.md
 */
public final class SvgPlot {
    /** Width of the whole image in pixels. */
    public static final int WIDTH = 720;
    /** Height of the whole image in pixels. */
    public static final int HEIGHT = 360;

    static final int LEFT = 70;
    static final int TOP = 36;
    private static final int RIGHT = 20;
    private static final int BOTTOM = 56;
    static final int PLOT_W = WIDTH - LEFT - RIGHT;
    static final int PLOT_H = HEIGHT - TOP - BOTTOM;
    static final String[] COLORS = {
        "#1f77b4", "#bf00bf", "#008000", "#ff0000", "#ff7f0e", "#17becf", "#8c564b", "#7f7f7f"
    };

    private SvgPlot() {}

    /** The line style of a series, as matplotlib's {@code '-'}, {@code '--'}, {@code '-.'}, {@code ':'}. */
    public enum Dash {
        SOLID(""), DASHED("6 3"), DASH_DOT("6 3 1.5 3"), DOTTED("1.5 3");

        final String pattern;

        Dash(String pattern) {
            this.pattern = pattern;
        }
    }

    /** How the y axis maps values to heights. */
    public enum Scale {
        /** Equal distances for equal differences. */
        LINEAR,
        /** Equal distances for equal ratios; every y must be positive. */
        LOG
    }

    /**
     * One named curve: the points {@code (x[i], y[i])}, joined in order.
     *
     * @param name the legend text
     * @param x {@code double[n]}, finite
     * @param y {@code double[n]}, finite
     * @param dash the line style
     */
    public record Series(String name, double[] x, double[] y, Dash dash) {
        /** Refuses empty, unequal, NaN or infinite coordinates (a silent gap would hide a bug). */
        public Series {
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("SvgPlot.Series '" + name + "': " + x.length + " x values vs "
                        + y.length + " y values (need equal, non-zero)");
            }
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    throw new IllegalArgumentException("SvgPlot.Series '" + name + "': point " + i + " is ("
                            + x[i] + ", " + y[i] + "); every coordinate must be a finite number");
                }
            }
            x = x.clone();
            y = y.clone();
        }

        /** The x coordinates (a copy). */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** The y coordinates (a copy). */
        @Override
        public double[] y() {
            return y.clone();
        }

        /** A solid line. */
        public static Series of(String name, double[] x, double[] y) {
            return new Series(name, x, y, Dash.SOLID);
        }
    }

    /**
     * The SVG text of a line chart of {@code series}.
     *
     * @param yScale {@link Scale#LOG} for a logarithmic y axis (e.g. perplexity against epochs)
     * @throws IllegalArgumentException with no series, or a non-positive y on a log scale
     */
    public static String lineChart(String title, String xLabel, String yLabel, List<Series> series, Scale yScale) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("SvgPlot.lineChart '" + title + "': no series to draw");
        }
        ChartAxis xAxis = ChartAxis.x(series);
        ChartAxis yAxis = ChartAxis.y(series, yScale, "SvgPlot.lineChart '" + title + "'");

        var svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text("title", LEFT + PLOT_W / 2.0, 22, "middle", title, " font-size=\"14\""));
        appendTicks(svg, xAxis, yAxis);
        svg.append(String.format(Locale.ROOT, "<rect id=\"plot-area\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                + "fill=\"none\" stroke=\"black\"/>\n", LEFT, TOP, PLOT_W, PLOT_H));
        svg.append(text("x-label", LEFT + PLOT_W / 2.0, HEIGHT - 14, "middle", xLabel, ""));
        double yMid = TOP + PLOT_H / 2.0;
        svg.append(text("y-label", 18, yMid, "middle", yLabel,
                String.format(Locale.ROOT, " transform=\"rotate(-90 18 %.2f)\"", yMid)));
        for (int s = 0; s < series.size(); s++) {
            appendSeries(svg, series.get(s), COLORS[s % COLORS.length], xAxis, yAxis);
        }
        appendLegend(svg, series, xAxis, yAxis);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A linear-scale line chart. */
    public static String lineChart(String title, String xLabel, String yLabel, List<Series> series) {
        return lineChart(title, xLabel, yLabel, series, Scale.LINEAR);
    }

    /**
     * Writes {@code text} (UTF-8) to {@code file} atomically with {@link AtomicFiles}, so a reader never sees half a
     * file.
     *
     * @throws rnnscratch.UserException if the file cannot be written
     */
    public static void writeAtomically(Path file, String text) {
        AtomicFiles.writeString(file, text);
    }

    static double px(ChartAxis xAxis, double x) {
        return LEFT + xAxis.fraction(x) * PLOT_W;
    }

    static double py(ChartAxis yAxis, double y) {
        return TOP + (1.0 - yAxis.fraction(y)) * PLOT_H;
    }

    // ----- drawing ------------------------------------------------------------------------------------------------

    private static void appendTicks(StringBuilder svg, ChartAxis xAxis, ChartAxis yAxis) {
        svg.append("<g class=\"grid\" stroke=\"#e0e0e0\" stroke-width=\"1\">\n");
        for (ChartAxis.Tick t : xAxis.ticks()) {
            double x = px(xAxis, t.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\"/>\n",
                    x, TOP, x, TOP + PLOT_H));
        }
        for (ChartAxis.Tick t : yAxis.ticks()) {
            double y = py(yAxis, t.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\"/>\n",
                    LEFT, y, LEFT + PLOT_W, y));
        }
        svg.append("</g>\n<g class=\"ticks\" stroke=\"black\">\n");
        for (ChartAxis.Tick t : xAxis.ticks()) {
            double x = px(xAxis, t.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\"/>\n",
                    x, TOP + PLOT_H, x, TOP + PLOT_H + 5));
        }
        for (ChartAxis.Tick t : yAxis.ticks()) {
            double y = py(yAxis, t.value());
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\"/>\n",
                    LEFT - 5, y, LEFT, y));
        }
        svg.append("</g>\n");
        for (ChartAxis.Tick t : xAxis.ticks()) {
            svg.append(text("x-tick", px(xAxis, t.value()), TOP + PLOT_H + 19, "middle", t.label(), ""));
        }
        for (ChartAxis.Tick t : yAxis.ticks()) {
            svg.append(text("y-tick", LEFT - 8, py(yAxis, t.value()) + 4, "end", t.label(), ""));
        }
    }

    private static void appendSeries(StringBuilder svg, Series s, String color, ChartAxis xAxis, ChartAxis yAxis) {
        double[] xs = s.x();
        double[] ys = s.y();
        var points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.2f,%.2f", px(xAxis, xs[i]), py(yAxis, ys[i])));
        }
        String dash = s.dash().pattern.isEmpty() ? "" : " stroke-dasharray=\"" + s.dash().pattern + "\"";
        svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\"").append(dash)
                .append(" points=\"").append(points).append("\"><title>").append(Markup.escape(s.name()))
                .append("</title></polyline>\n");
        if (xs.length == 1) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"2.5\" fill=\"%s\"/>\n",
                    px(xAxis, xs[0]), py(yAxis, ys[0]), color));
        }
    }

    /** The legend box, in whichever corner of the plot area covers the fewest data points. */
    private static void appendLegend(StringBuilder svg, List<Series> series, ChartAxis xAxis, ChartAxis yAxis) {
        int longest = series.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        double w = Math.min(PLOT_W - 10, 44 + 7.0 * longest);
        double h = Math.min(PLOT_H - 10, 8 + 18.0 * series.size());
        double[][] corners = {
            {LEFT + PLOT_W - w - 6, TOP + 6}, {LEFT + 6, TOP + 6},
            {LEFT + PLOT_W - w - 6, TOP + PLOT_H - h - 6}, {LEFT + 6, TOP + PLOT_H - h - 6}
        };
        double[] best = corners[0];
        long fewest = Long.MAX_VALUE;
        for (double[] c : corners) {
            long covered = 0;
            for (Series s : series) {
                double[] xs = s.x();
                double[] ys = s.y();
                for (int i = 0; i < xs.length; i++) {
                    double x = px(xAxis, xs[i]);
                    double y = py(yAxis, ys[i]);
                    if (x >= c[0] && x <= c[0] + w && y >= c[1] && y <= c[1] + h) {
                        covered++;
                    }
                }
            }
            if (covered < fewest) {
                fewest = covered;
                best = c;
            }
        }
        svg.append(String.format(Locale.ROOT, "<g class=\"legend\">\n<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                + "height=\"%.2f\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbbbbb\" rx=\"3\"/>\n",
                best[0], best[1], w, h));
        for (int s = 0; s < series.size(); s++) {
            Series ser = series.get(s);
            double y = best[1] + 13 + 18.0 * s;
            String dash = ser.dash().pattern.isEmpty() ? "" : " stroke-dasharray=\"" + ser.dash().pattern + "\"";
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
                    + "stroke=\"%s\" stroke-width=\"1.5\"%s/>\n", best[0] + 8, y, best[0] + 34, y,
                    COLORS[s % COLORS.length], dash));
            svg.append(text("legend-entry", best[0] + 40, y + 4, "start", ser.name(), ""));
        }
        svg.append("</g>\n");
    }

    private static String text(String cls, double x, double y, String anchor, String content, String extra) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\"%s>%s</text>\n",
                cls, x, y, anchor, extra, Markup.escape(content));
    }
}
