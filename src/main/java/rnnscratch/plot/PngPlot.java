package rnnscratch.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import rnnscratch.UserException;
import rnnscratch.plot.SvgPlot.Scale;
import rnnscratch.plot.SvgPlot.Series;
import rnnscratch.io.AtomicFiles;

/**
 * The same line chart as {@link SvgPlot} (same size, axes, ticks and colours), drawn with Java2D on a
 * {@link BufferedImage} and written as PNG through {@code javax.imageio}, for viewers that do not show SVG.
 *
 * <p>Docs: docs/command-line.md
 */
public final class PngPlot {
    private PngPlot() {}

    /**
     * The chart as an RGB image of {@link SvgPlot#WIDTH}×{@link SvgPlot#HEIGHT} pixels.
     *
     * @throws IllegalArgumentException with no series, or a non-positive y on a log scale
     */
    public static BufferedImage lineChart(String title, String xLabel, String yLabel, List<Series> series,
            Scale yScale) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("PngPlot.lineChart '" + title + "': no series to draw");
        }
        ChartAxis xAxis = ChartAxis.x(series);
        ChartAxis yAxis = ChartAxis.y(series, yScale, "PngPlot.lineChart '" + title + "'");
        var image = new BufferedImage(SvgPlot.WIDTH, SvgPlot.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SvgPlot.WIDTH, SvgPlot.HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            drawTicks(g, xAxis, yAxis);
            g.setColor(Color.BLACK);
            g.drawRect(SvgPlot.LEFT, SvgPlot.TOP, SvgPlot.PLOT_W, SvgPlot.PLOT_H);
            int middle = SvgPlot.LEFT + SvgPlot.PLOT_W / 2;
            text(g, xLabel, middle, SvgPlot.HEIGHT - 14, 0.5);
            AffineTransform before = g.getTransform();
            g.rotate(-Math.PI / 2, 18, SvgPlot.TOP + SvgPlot.PLOT_H / 2.0);
            text(g, yLabel, 18, SvgPlot.TOP + SvgPlot.PLOT_H / 2 + 4, 0.5);
            g.setTransform(before);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            text(g, title, middle, 22, 0.5);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int s = 0; s < series.size(); s++) {
                drawSeries(g, series.get(s), s, xAxis, yAxis);
            }
            drawLegend(g, series);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes {@code image} as a PNG file atomically.
     *
     * @throws UserException if the file cannot be written; a {@link PngUnavailableException} if this Java has no
     *                       PNG writer
     */
    public static void write(Path file, BufferedImage image) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new PngUnavailableException("this Java runtime cannot write PNG files", null);
            }
        });
    }

    private static void drawTicks(Graphics2D g, ChartAxis xAxis, ChartAxis yAxis) {
        int bottom = SvgPlot.TOP + SvgPlot.PLOT_H;
        for (ChartAxis.Tick t : xAxis.ticks()) {
            int x = (int) Math.round(SvgPlot.px(xAxis, t.value()));
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x, SvgPlot.TOP, x, bottom);
            g.setColor(Color.BLACK);
            g.drawLine(x, bottom, x, bottom + 5);
            text(g, t.label(), x, bottom + 19, 0.5);
        }
        for (ChartAxis.Tick t : yAxis.ticks()) {
            int y = (int) Math.round(SvgPlot.py(yAxis, t.value()));
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(SvgPlot.LEFT, y, SvgPlot.LEFT + SvgPlot.PLOT_W, y);
            g.setColor(Color.BLACK);
            g.drawLine(SvgPlot.LEFT - 5, y, SvgPlot.LEFT, y);
            text(g, t.label(), SvgPlot.LEFT - 8, y + 4, 1.0);
        }
    }

    private static void drawSeries(Graphics2D g, Series s, int index, ChartAxis xAxis, ChartAxis yAxis) {
        double[] xs = s.x();
        double[] ys = s.y();
        var line = new Path2D.Double();
        line.moveTo(SvgPlot.px(xAxis, xs[0]), SvgPlot.py(yAxis, ys[0]));
        for (int i = 1; i < xs.length; i++) {
            line.lineTo(SvgPlot.px(xAxis, xs[i]), SvgPlot.py(yAxis, ys[i]));
        }
        g.setColor(color(index));
        g.setStroke(stroke(s.dash()));
        g.draw(line);
        if (xs.length == 1) {
            g.fill(new Ellipse2D.Double(SvgPlot.px(xAxis, xs[0]) - 2.5,
                    SvgPlot.py(yAxis, ys[0]) - 2.5, 5, 5));
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** The legend in the plot's top right corner. */
    private static void drawLegend(Graphics2D g, List<Series> series) {
        int longest = series.stream().mapToInt(s -> g.getFontMetrics().stringWidth(s.name())).max().orElse(0);
        int w = 48 + longest;
        int h = 8 + 18 * series.size();
        int x0 = SvgPlot.LEFT + SvgPlot.PLOT_W - w - 6;
        int y0 = SvgPlot.TOP + 6;
        g.setColor(Color.WHITE);
        g.fillRect(x0, y0, w, h);
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(x0, y0, w, h);
        for (int s = 0; s < series.size(); s++) {
            int y = y0 + 13 + 18 * s;
            g.setColor(color(s));
            g.setStroke(stroke(series.get(s).dash()));
            g.drawLine(x0 + 8, y, x0 + 34, y);
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            text(g, series.get(s).name(), x0 + 40, y + 4, 0.0);
        }
    }

    /** Draws {@code s} with its baseline at {@code y}; {@code anchor} 0 puts x at its start, 0.5 middle, 1 end. */
    private static void text(Graphics2D g, String s, int x, int y, double anchor) {
        int width = g.getFontMetrics().stringWidth(s);
        g.drawString(s, (int) Math.round(x - anchor * width), y);
    }

    private static Color color(int index) {
        return Color.decode(SvgPlot.COLORS[index % SvgPlot.COLORS.length]);
    }

    private static BasicStroke stroke(SvgPlot.Dash dash) {
        if (dash.pattern.isEmpty()) {
            return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        String[] parts = dash.pattern.split(" ");
        var lengths = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            lengths[i] = Float.parseFloat(parts[i]);
        }
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, lengths, 0f);
    }
}
