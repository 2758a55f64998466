package rnnscratch.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import rnnscratch.plot.SvgPlot.Dash;
import rnnscratch.plot.SvgPlot.Scale;
import rnnscratch.plot.SvgPlot.Series;
import rnnscratch.testing.Props;

/** The dependency-free SVG line chart behind the plots. Docs: docs/sequence-models.md */
class SvgPlotTest {
    private static final String[] NAMES = {"data", "1-step preds", "a < b & c > \"d\"", "困惑度 perplexity", "x'"};

    /** 1 to 4 series of 1 to 60 points, at a random scale and offset, from the seed. */
    private static List<Series> randomSeries(int count, long seed, boolean positive) {
        var rng = new Random(seed);
        double scale = Math.pow(10, rng.nextInt(9) - 4);
        double offset = positive ? 0 : (rng.nextDouble() - 0.5) * 10 * scale;
        var series = new ArrayList<Series>();
        for (int s = 0; s < count; s++) {
            int n = 1 + rng.nextInt(60);
            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextInt(3) == 0 ? i : rng.nextDouble() * 1000 - 200;
                y[i] = positive ? scale * Math.exp(rng.nextGaussian() * 2) : offset + scale * rng.nextGaussian();
            }
            series.add(new Series(NAMES[rng.nextInt(NAMES.length)], x, y, Dash.values()[rng.nextInt(4)]));
        }
        return series;
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc, String cls) {
        var out = new ArrayList<String>();
        NodeList all = doc.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            var e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    @Test
    @DisplayName("For random series, the chart is well-formed XML with one polyline per series and the legend names")
    void chartIsWellFormedXml() {
        Props.qt(40).forAll(integers().between(1, 4), longs().all(), integers().between(0, 1)).checkAssert((n, s, log) -> {
            var series = randomSeries(n, s, log == 1);
            String svg = SvgPlot.lineChart("title & <test>", "time", "x", series, log == 1 ? Scale.LOG : Scale.LINEAR);
            Document doc;
            try {
                doc = parse(svg);
            } catch (Exception e) {
                throw new AssertionError("the SVG is not well-formed XML: " + e.getMessage(), e);
            }
            assertThat(doc.getDocumentElement().getLocalName()).as("the root element").isEqualTo("svg");
            assertThat(doc.getElementsByTagName("polyline").getLength()).as("one polyline per series").isEqualTo(n);
            assertThat(texts(doc, "legend-entry")).as("the legend lists the series in order")
                    .containsExactlyElementsOf(series.stream().map(Series::name).toList());
            assertThat(texts(doc, "title")).as("the title, escaped in the XML and read back").containsExactly("title & <test>");
        });
    }

    @Test
    @DisplayName("Every data point is drawn inside the plot area, on linear and on log scales")
    void allPointsInsidePlotArea() {
        Props.qt(40).forAll(integers().between(1, 4), longs().all(), integers().between(0, 1)).checkAssert((n, s, log) -> {
            String svg = SvgPlot.lineChart("t", "x", "y", randomSeries(n, s, log == 1), log == 1 ? Scale.LOG : Scale.LINEAR);
            Document doc = parseOrFail(svg);
            Element area = doc.getElementById("plot-area") != null ? doc.getElementById("plot-area") : findPlotArea(doc);
            double x0 = Double.parseDouble(area.getAttribute("x"));
            double y0 = Double.parseDouble(area.getAttribute("y"));
            double x1 = x0 + Double.parseDouble(area.getAttribute("width"));
            double y1 = y0 + Double.parseDouble(area.getAttribute("height"));
            NodeList lines = doc.getElementsByTagName("polyline");
            for (int i = 0; i < lines.getLength(); i++) {
                for (String point : ((Element) lines.item(i)).getAttribute("points").split(" ")) {
                    String[] xy = point.split(",");
                    double px = Double.parseDouble(xy[0]);
                    double py = Double.parseDouble(xy[1]);
                    assertThat(px).as("x of point %s of series %d", point, i).isBetween(x0, x1);
                    assertThat(py).as("y of point %s of series %d", point, i).isBetween(y0, y1);
                }
            }
        });
    }

    @Test
    @DisplayName("Linear ticks are at least two evenly spaced round numbers: multiples of 1, 2 or 5 × 10ᵏ")
    void linearTicksAreRoundNumbers() {
        Props.qt(40).forAll(integers().between(1, 4), longs().all()).checkAssert((n, s) -> {
            Document doc = parseOrFail(SvgPlot.lineChart("t", "x", "y", randomSeries(n, s, false)));
            for (String axis : List.of("x-tick", "y-tick")) {
                List<BigDecimal> ticks = texts(doc, axis).stream().map(BigDecimal::new).toList();
                assertThat(ticks.size()).as("number of %s labels", axis).isGreaterThanOrEqualTo(2);
                BigDecimal step = ticks.get(1).subtract(ticks.get(0));
                for (int i = 1; i < ticks.size(); i++) {
                    assertThat(ticks.get(i).subtract(ticks.get(i - 1))).as("%s spacing of %s", axis, ticks)
                            .isEqualByComparingTo(step);
                }
                String mantissa = step.stripTrailingZeros().unscaledValue().toString();
                assertThat(mantissa).as("the %s step %s must be 1, 2 or 5 × 10ᵏ", axis, step.toPlainString())
                        .isIn("1", "2", "5");
            }
        });
    }

    @Test
    @DisplayName("Log-scale y ticks are at least two positive, increasing values")
    void logTicksArePositiveAndIncreasing() {
        Props.qt(40).forAll(integers().between(1, 4), longs().all()).checkAssert((n, s) -> {
            Document doc = parseOrFail(SvgPlot.lineChart("t", "x", "y", randomSeries(n, s, true), Scale.LOG));
            List<Double> ticks = texts(doc, "y-tick").stream().map(Double::valueOf).toList();
            assertThat(ticks.size()).as("number of log-scale y labels: %s", ticks).isGreaterThanOrEqualTo(2);
            for (int i = 0; i < ticks.size(); i++) {
                assertThat(ticks.get(i)).as("log tick %d of %s", i, ticks).isPositive();
                if (i > 0) {
                    assertThat(ticks.get(i)).as("log ticks %s", ticks).isGreaterThan(ticks.get(i - 1));
                }
            }
        });
    }

    @Test
    @DisplayName("A NaN or infinite point is refused with IllegalArgumentException naming the series and the point")
    void nanPointsAreRefused() {
        Props.qt().forAll(integers().between(1, 30), longs().all()).checkAssert((n, s) -> {
            var rng = new Random(s);
            var x = new double[n];
            var y = new double[n];
            int bad = rng.nextInt(n);
            double[] target = rng.nextBoolean() ? x : y;
            target[bad] = rng.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
            assertThatThrownBy(() -> Series.of("noisy", x, y)).as("a series with %s at point %d", target[bad], bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'noisy'").hasMessageContaining("point " + bad);
        });
    }

    @Test
    @DisplayName("A log-scale chart of a value ≤ 0 is refused, and so is a chart with no series")
    void impossibleChartsAreRefused() {
        var zero = Series.of("s", new double[] {1, 2}, new double[] {1, 0});
        assertThatThrownBy(() -> SvgPlot.lineChart("t", "x", "y", List.of(zero), Scale.LOG))
                .as("a log-scale chart of a series holding 0").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> SvgPlot.lineChart("t", "x", "y", List.of()))
                .as("a chart of no series").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no series");
    }

    @Test
    @DisplayName("writeAtomically replaces the file with the full text and leaves no temporary file behind")
    void writeAtomicallyLeavesOnlyTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plot.svg");
        SvgPlot.writeAtomically(file, "old");
        SvgPlot.writeAtomically(file, "new ✓");
        assertThat(Files.readString(file)).as("the file after the second write").isEqualTo("new ✓");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("files in the folder: no temporary file").containsExactly(file);
        }
    }

    private static Document parseOrFail(String svg) {
        try {
            return parse(svg);
        } catch (Exception e) {
            throw new AssertionError("the SVG is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Element findPlotArea(Document doc) {
        NodeList rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            var e = (Element) rects.item(i);
            if (e.getAttribute("id").equals("plot-area")) {
                return e;
            }
        }
        throw new AssertionError("no <rect id=\"plot-area\"> in the SVG");
    }
}
