package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
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
import rnnscratch.rnn.Sampling;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.FixedDraws;
import rnnscratch.testing.Props;

/** Exercise 18: generation by sampling with a temperature. Docs: docs/applications.md */
@Tag("exercise")
@Tag("ex18")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex18SamplingTest {

    private static double[] logits(int v, long seed, double scale) {
        var rng = new Random(seed);
        var o = new double[v];
        for (int j = 0; j < v; j++) {
            o[j] = rng.nextGaussian() * scale;
        }
        return o;
    }

    /** A generator whose every {@code nextDouble()} is {@code u}, counting how many were taken. */
    static final class CountedDraws extends Random {
        private static final long serialVersionUID = 1L;
        private final double u;
        int draws;

        CountedDraws(double u) {
            super(0);
            this.u = u;
        }

        @Override
        public double nextDouble() {
            draws++;
            return u;
        }
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: scores (0, ln 3) at κ = 1 give p = (1/4, 3/4); u = 0.2 draws 0, u = 0.3 draws 1")
    void workedExample() {
        double[] o = {0.0, Math.log(3)};
        double[] p = Ex18Sampling.softmaxWithTemperature(o, 1.0);
        assertThat(p[0]).as("Exercise 18: p_0 = e^0 / (e^0 + e^ln3) = 1/4").isCloseTo(0.25,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p[1]).as("Exercise 18: p_1 = 3/4").isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
        var counted = new CountedDraws(0.2);
        int first = Ex18Sampling.sample(o, 1.0, counted);
        assertThat(counted.draws).as("Exercise 18: one draw takes exactly one number u from the generator you are "
                + "given; yours took %d from it%s", counted.draws, counted.draws == 0
                        ? " (a generator of your own gives other tokens than the library's for the same seed)"
                        : "").isOne();
        assertThat(first)
                .as("Exercise 18: the generator you are given returns u = 0.2 (draw exactly one number from it, "
                        + "not from a generator of your own); u < p_0 = 0.25, so the first token is drawn, though the "
                        + "second is more likely").isZero();
        assertThat(Ex18Sampling.sample(o, 1.0, FixedDraws.always(0.3)))
                .as("Exercise 18: u = 0.3 ≥ p_0 = 0.25 but < p_0 + p_1 = 1, so the second token is drawn").isOne();
        assertThat(Ex18Sampling.softmaxWithTemperature(o, 0.5)[1])
                .as("Exercise 18: divide the scores by κ before the softmax: at κ = 1/2 they are doubled, "
                        + "(0, 2·ln 3), so p_1 = 9 / (1 + 9)").isCloseTo(0.9,
                        org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    @Order(2)
    @DisplayName("softmaxWithTemperature and sample leave the scores they are given as they were")
    void scoresAreLeftAsTheyWere() {
        Props.qt().forAll(integers().between(1, 30), longs().all(), doubles().between(0.05, 20))
                .checkAssert((v, seed, t) -> {
                    double[] o = logits(v, seed, 3);
                    double[] before = o.clone();
                    Ex18Sampling.softmaxWithTemperature(o, t);
                    assertThat(o).as("Exercise 18: the scores o after softmaxWithTemperature(o, %s): compute (o_j − "
                            + "max)/κ into p (or a new array), not into o, which belongs to the caller: a "
                            + "second draw from the same scores must see them unchanged", t).containsExactly(before);
                    Ex18Sampling.sample(o, t, new Random(seed));
                    assertThat(o).as("Exercise 18: the scores o after sample(o, %s, rng)", t).containsExactly(before);
                });
    }

    @Test
    @Order(3)
    @DisplayName("softmax(o / κ) is the library's: a distribution that sums to 1, for every temperature κ > 0")
    void softmaxIsTheLibrarys() {
        Props.qt().forAll(integers().between(1, 30), longs().all(), doubles().between(0.05, 20))
                .checkAssert((v, seed, t) -> {
                    double[] o = logits(v, seed, 3);
                    double[] yours = Ex18Sampling.softmaxWithTemperature(o, t);
                    double[] lib = Sampling.softmaxWithTemperature(o, t);
                    assertThat(yours).as("Exercise 18: softmax(o / κ) for V = %s, κ = %s: divide every score by κ "
                            + "before exp, then normalise", v, t).hasSize(v);
                    assertThat(Mat.norm(new double[][] {diff(yours, lib)}))
                            .as("Exercise 18: softmax(o / %s) of %s: you gave %s, expected %s", t, Arrays.toString(o),
                                    Arrays.toString(yours), Arrays.toString(lib))
                            .isLessThan(1e-12);
                });
    }

    @Test
    @Order(4)
    @DisplayName("Large scores, or scores all below 0, at a small temperature give no NaN: the softmax is computed "
            + "stably")
    void stableForSmallTemperatures() {
        double[] positive = Ex18Sampling.softmaxWithTemperature(new double[] {50, 60}, 0.05);
        assertThat(Arrays.stream(positive).allMatch(Double::isFinite) && Math.abs(positive[1] - 1) < 1e-12)
                .as("Exercise 18: softmax((50, 60) / 0.05) = softmax(1000, 1200) must be (e^−200 ≈ 0, 1); you gave %s "
                        + "— exp(1200) overflows to ∞ and ∞/∞ is NaN: subtract the largest score from every score "
                        + "before exp (the softmax does not change, and the largest exp becomes exp(0) = 1)",
                        Arrays.toString(positive))
                .isTrue();
        double[] negative = Ex18Sampling.softmaxWithTemperature(new double[] {-50, -60}, 0.05);
        assertThat(Arrays.stream(negative).allMatch(Double::isFinite) && Math.abs(negative[0] - 1) < 1e-12)
                .as("Exercise 18: softmax((−50, −60) / 0.05) must be (1, e^−200 ≈ 0); you gave %s — subtract the "
                        + "largest score, which here is negative: start the maximum at −∞ (or the first score), not 0",
                        Arrays.toString(negative))
                .isTrue();
        Props.qt().forAll(integers().between(2, 30), longs().all(), doubles().between(0.001, 0.05))
                .checkAssert((v, seed, t) -> {
                    double[] o = logits(v, seed, 60);
                    double[] p = Ex18Sampling.softmaxWithTemperature(o, t);
                    assertThat(Arrays.stream(p).allMatch(Double::isFinite))
                            .as("Exercise 18: softmax(o / %s) of scores up to ±%.0f holds NaN or infinity: %s — "
                                    + "subtract the largest score before exp", t,
                                    Arrays.stream(o).map(Math::abs).max().orElse(0), Arrays.toString(p))
                            .isTrue();
                    assertThat(Arrays.stream(p).sum()).as("Exercise 18: the probabilities sum to 1")
                            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
                });
    }

    @Test
    @Order(5)
    @DisplayName("A draw is the library's draw with the same generator: the same seed gives the same tokens")
    void drawsAreTheLibrarys() {
        Props.qt().forAll(integers().between(1, 30), longs().all(), doubles().between(0.1, 5))
                .checkAssert((v, seed, t) -> {
                    double[] o = logits(v, seed, 2);
                    var yours = new Random(seed);
                    var lib = new Random(seed);
                    for (int i = 0; i < 40; i++) {
                        int expected = Sampling.sample(o, t, lib);
                        assertThat(Ex18Sampling.sample(o, t, yours))
                                .as("Exercise 18: draw %d from softmax(o / %s) with the generator given: take one "
                                        + "rng.nextDouble() u and the first j whose cumulative probability exceeds u",
                                        i + 1, t)
                                .isEqualTo(expected);
                    }
                    assertThat(yours.nextLong()).as("Exercise 18: each draw uses exactly one nextDouble() of the "
                            + "generator given, so after 40 draws it is where the library's is").isEqualTo(lib.nextLong());
                });
    }

    @Test
    @Order(6)
    @DisplayName("As κ → 0 the draw is the greedy choice, the argmax of the scores")
    void coldIsGreedy() {
        Props.qt().forAll(integers().between(2, 30), longs().all(), doubles().between(0, 0.999))
                .checkAssert((v, seed, u) -> {
                    double[] o = logits(v, seed, 2);
                    int argmax = Mat.argmaxRows(new double[][] {o})[0];
                    assertThat(Ex18Sampling.sample(o, 1e-4, FixedDraws.always(u)))
                            .as("Exercise 18: at κ = 1e-4 with u = %s every draw is the most likely token", u)
                            .isEqualTo(argmax);
                });
    }

    @Test
    @Order(7)
    @DisplayName("A token of probability 0 is never drawn, as in the library: not at u = 0, and when rounding leaves u "
            + "above the sum of the probabilities, the draw is the last token whose probability is not 0")
    void zeroProbabilityIsNeverDrawn() {
        assertThat(Ex18Sampling.sample(new double[] {Double.NEGATIVE_INFINITY, 0.0}, 1.0, FixedDraws.always(0.0)))
                .as("Exercise 18: p = (0, 1) and u = 0.0: the first j whose cumulative probability exceeds u (is "
                        + "greater, not equal) is 1; token 0, of probability 0, must never be drawn").isOne();
        var logits = new double[11]; // ten tokens of p = 0.1 (their sum in doubles is 0.9999999999999999), one of 0
        logits[10] = Double.NEGATIVE_INFINITY;
        double u = Math.nextDown(1.0);
        int library = Sampling.sample(logits, 1.0, FixedDraws.always(u));
        assertThat(library).as("the library's draw").isEqualTo(9);
        assertThat(Ex18Sampling.sample(logits, 1.0, FixedDraws.always(u)))
                .as("Exercise 18: p = (0.1 × 10, then 0), u = %s lies above the running sum after the last token (its "
                        + "rounding): take the last token whose probability is not 0, never one of probability 0", u)
                .isEqualTo(library);
    }

    private static double[] diff(double[] a, double[] b) {
        if (a.length != b.length) {
            return new double[] {Double.POSITIVE_INFINITY};
        }
        var d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
