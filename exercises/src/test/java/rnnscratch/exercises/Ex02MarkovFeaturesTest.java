package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.seq.MarkovFeatures;
import rnnscratch.testing.Props;

/** Exercise 02: τ-order Markov features from a series. Docs: docs/sequence-models.md */
@Tag("exercise")
@Tag("ex02")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex02MarkovFeaturesTest {
    static double[] randomSeries(int length, long seed) {
        return new Random(seed).doubles(length, -1, 1).toArray();
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: x = 1..5 with τ = 2 gives windows (1,2), (2,3), (3,4) and labels 3, 4, 5")
    void workedExample() {
        var m = TestData.explained("Exercise 02: x = 1..5 (L = 5), τ = 2: features double[L − τ][τ] = 3 × 2, one row "
                + "per window; labels double[L − τ][1] = 3 × 1, one row per window holding the value after it (the "
                + "last window, (3, 4), is followed by 5: there is no window (4, 5), nothing comes after it); the "
                + "windows overlap: window i starts at x[i], one value after window i − 1, not τ values after it",
                () -> Ex02MarkovFeatures.markovFeatures(new double[] {1, 2, 3, 4, 5}, 2));
        assertThat(m.tau()).as("Exercise 02: the order τ").isEqualTo(2);
        double[][] f = m.features();
        String shared = f.length > 1 && f[0] == f[1]
                ? "; your rows 0 and 1 are one and the same array, so every row shows the last window written into "
                        + "it: make a new double[τ] for every window"
                : "";
        assertThat(f).as("Exercise 02: L − τ = 3 windows of τ = 2 values, window i = (x[i], …, x[i + τ − 1]): "
                        + "(1, 2), (2, 3), (3, 4), each in its order in x (oldest first)" + shared)
                .isDeepEqualTo(new double[][] {{1, 2}, {2, 3}, {3, 4}});
        assertThat(m.labels()).as("Exercise 02: the value right after each window")
                .isDeepEqualTo(new double[][] {{3}, {4}, {5}});
    }

    @Test
    @Order(2)
    @DisplayName("The features and labels are the library's MarkovFeatures, for every τ and T")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 20), longs().all())
                .checkAssert((tau, extra, seed) -> {
                    double[] x = randomSeries(tau + extra, seed);
                    var yours = Ex02MarkovFeatures.markovFeatures(x, tau);
                    var lib = MarkovFeatures.of(x, tau);
                    assertThat(yours.features()).as("Exercise 02: features of a series of T = %s with τ = %s",
                            x.length, tau).isDeepEqualTo(lib.features());
                    assertThat(yours.labels()).as("Exercise 02: labels of a series of T = %s with τ = %s",
                            x.length, tau).isDeepEqualTo(lib.labels());
                });
    }

    @Test
    @Order(3)
    @DisplayName("Each window followed by its label is a piece of the series, τ + 1 long")
    void windowAndLabelArePiecesOfTheSeries() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 20), longs().all())
                .checkAssert((tau, extra, seed) -> {
                    double[] x = randomSeries(tau + extra, seed);
                    var m = Ex02MarkovFeatures.markovFeatures(x, tau);
                    assertThat(m.features()).as("Exercise 02: L − τ = %s rows", extra).hasNumberOfRows(extra);
                    for (int i = 0; i < extra; i++) {
                        double[] piece = Arrays.copyOf(m.features()[i], tau + 1);
                        piece[tau] = m.labels()[i][0];
                        assertThat(piece).as("Exercise 02: row %s with its label must be x[%s .. %s]", i, i, i + tau)
                                .containsExactly(Arrays.copyOfRange(x, i, i + tau + 1));
                    }
                });
    }
}
