package rnnscratch.seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Props;

/** The book's noisy sine wave x_t = sin(0.01·t) + ε, ε ~ N(0, 0.2²). Docs: docs/sequence-models.md */
class SineDataTest {
    @Test
    @DisplayName("The times are 1 … 1000 and the noise x_t − sin(0.01·t) has mean about 0 and spread about 0.2")
    void seriesIsSinePlusGaussianNoise() {
        Props.qt(30).forAll(longs().all()).checkAssert(s -> {
            var data = SineData.generate(new Random(s));
            double[] time = data.time();
            double[] x = data.x();
            assertThat(time).hasSize(1000);
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < time.length; i++) {
                assertThat(time[i]).as("time step at index %d", i).isEqualTo(i + 1.0);
                double noise = x[i] - Math.sin(0.01 * time[i]);
                sum += noise;
                sumSq += noise * noise;
            }
            double mean = sum / 1000;
            double std = Math.sqrt(sumSq / 1000 - mean * mean);
            assertThat(mean).as("mean of 1000 draws of N(0, 0.04): within 5 standard errors of 0")
                    .isCloseTo(0.0, within(5 * 0.2 / Math.sqrt(1000)));
            assertThat(std).as("standard deviation of the noise").isCloseTo(0.2, within(0.025));
        });
    }

    @Test
    @DisplayName("The same seed gives the same series")
    void sameSeedSameSeries() {
        assertThat(SineData.generate(new Random(7)).x()).containsExactly(SineData.generate(new Random(7)).x());
    }
}
