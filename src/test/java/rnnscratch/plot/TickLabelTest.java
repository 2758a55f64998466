package rnnscratch.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.plot.SvgPlot.Scale;
import rnnscratch.plot.SvgPlot.Series;
import rnnscratch.testing.Props;

/** Tick labels stay short and readable, however large or small the values. Docs: docs/command-line.md */
class TickLabelTest {
    private static final Pattern Y_TICK = Pattern.compile("<text class=\"y-tick\"[^>]*>([^<]*)</text>");

    @Test
    @DisplayName("On a log axis from 10^a to 10^b every tick label has at most 7 characters (1e+33, not 33 zeros) "
            + "and reads back as its value")
    void logTickLabelsAreShort() {
        Props.qt(60).forAll(integers().between(-40, 40), integers().between(1, 80)).checkAssert((a, span) -> {
            double lo = Math.pow(10, a);
            double hi = Math.pow(10, a + span / 2.0);
            String svg = SvgPlot.lineChart("t", "x", "y", List.of(Series.of("s", new double[] {1, 2},
                    new double[] {lo, hi})), Scale.LOG);
            double margin = Math.pow(10, 0.06 * span / 2.0); // the axis adds 5% of its decades at each end
            Matcher m = Y_TICK.matcher(svg);
            int ticks = 0;
            while (m.find()) {
                ticks++;
                String label = m.group(1);
                assertThat(label.length()).as("tick label '%s' on an axis from %s to %s", label, lo, hi)
                        .isLessThanOrEqualTo(7);
                double v = Double.parseDouble(label);
                assertThat(v).as("label '%s' lies in the axis' range", label).isBetween(lo / margin, hi * margin);
            }
            assertThat(ticks).as("tick labels on an axis from %s to %s", lo, hi).isGreaterThanOrEqualTo(2);
        });
    }
}
