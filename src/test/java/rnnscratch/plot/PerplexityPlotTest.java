package rnnscratch.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnscratch.testing.Props;
import rnnscratch.train.EpochStats;

/** The perplexity plot a training run draws. Docs: docs/command-line.md */
@DisplayName("The perplexity plot: SVG or PNG by the ending, nothing when no epoch is finite")
class PerplexityPlotTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("The plot is SVG or PNG by the file's ending, titled, with perplexity on a log axis")
    void plotIsSvgOrPng() throws IOException {
        Props.qt(10).forAll(integers().between(1, 40), doubles().between(1.0, 1e4)).checkAssert((n, scale) -> {
            var epochs = new ArrayList<EpochStats>();
            for (int e = 1; e <= n; e++) {
                epochs.add(new EpochStats(e, 1 + scale / e, 1, 0, 0, OptionalInt.empty(), e));
            }
            Path svg = dir.resolve("p.svg");
            assertThat(PerplexityPlot.write(svg, "Perplexity on a test", epochs)).as("p.svg of %d epochs is written", n)
                    .isTrue();
            try {
                assertThat(Files.readString(svg)).as("p.svg: its title, axes and series").contains("Perplexity on a test").contains(">perplexity<")
                        .contains(">epoch<").contains("class=\"series\"");
                Path png = dir.resolve("p.png");
                assertThat(PerplexityPlot.write(png, "Perplexity on a test", epochs)).as("p.png of %d epochs is written", n)
                        .isTrue();
                BufferedImage image = ImageIO.read(png.toFile());
                assertThat(image.getWidth()).as("p.png's width, the SVG's").isEqualTo(SvgPlot.WIDTH);
                assertThat(image.getHeight()).as("p.png's height, the SVG's").isEqualTo(SvgPlot.HEIGHT);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    @DisplayName("A run with no finite perplexity to draw writes no plot")
    void nothingFiniteWritesNoPlot() {
        var infinite = List.of(new EpochStats(1, Double.POSITIVE_INFINITY, 1, 0, 0, OptionalInt.empty(), 1));
        assertThat(PerplexityPlot.write(dir.resolve("none.svg"), "t", infinite)).as("nothing finite to draw")
                .isFalse();
        assertThat(dir.resolve("none.svg")).as("the plot of a run with no finite perplexity").doesNotExist();
    }
}
