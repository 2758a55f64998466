package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import rnnscratch.testing.Props;
import rnnscratch.train.Perplexity;

/** Exercise 10: perplexity from losses. Docs: docs/perplexity.md */
@Tag("exercise")
@Tag("ex10")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex10PerplexityTest {
    @Test
    @Order(1)
    @DisplayName("Worked example: losses 1 (over 10 tokens) and 2 (over 30) give exp(1.75)")
    void workedExample() {
        double got = Ex10Perplexity.perplexity(new double[] {1, 2}, new int[] {10, 30});
        String why = Math.abs(got - 1.75) < 1e-9
                ? " — you gave 1.75, the mean loss per token itself: the perplexity is exp of it"
                : got == 1.0
                        ? " — you gave exp(0) = 1: in Java an int divided by an int is an int, so 10 / 40 and 30 / 40 "
                                + "are 0; keep the sums as doubles, or divide the weighted sum of losses by the tokens"
                : Math.abs(got - Math.exp(1.5)) < 1e-9
                        ? " — you gave exp(1.5) = exp(mean(1, 2)): weight each minibatch's mean loss by its tokens"
                : Math.abs(got - Math.exp(35)) < 1e-9 * Math.exp(35)
                        ? " — you gave exp(70 / 2) = exp(35): divide the weighted sum by the 40 tokens, not by the 2 "
                                + "minibatches"
                : Math.abs(got - (10 * Math.exp(1) + 30 * Math.exp(2)) / 40) < 1e-9
                        ? " — you gave (10·e¹ + 30·e²) / 40, the mean of the minibatches' perplexities: average the "
                                + "losses first, then take exp once"
                        : "";
        assertThat(got)
                .as("Exercise 10: exp((1·10 + 2·30) / 40) = exp(1.75), the mean loss per token, each minibatch's mean "
                        + "loss weighted by its tokens" + why)
                .isCloseTo(Math.exp(1.75), within(1e-12));
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: probabilities 0.5 and 0.125 of the true tokens give perplexity 4")
    void workedExampleProbabilities() {
        double got = Ex10Perplexity.perplexityOfProbabilities(new double[] {0.5, 0.125});
        String why = Math.abs(got - Math.exp(-0.5 * (Math.log10(0.5) + Math.log10(0.125)))) < 1e-9
                ? " — you gave " + got + ", exp of the mean base-10 log: use Math.log (ln), whose inverse is Math.exp"
                : Math.abs(got - Math.exp(2)) < 1e-9 ? " — you gave e² = " + got + ", exp of the mean base-2 log: "
                        + "exp undoes the natural log only, so use Math.log (ln)"
                : got == 1.0 ? " — you gave exp(0) = 1: in Java 1 / n with an int n is 0 (integer division); divide "
                        + "the sum by n as a double"
                : Math.abs(got - 16) < 1e-9 ? " — you gave 16, exp of the whole sum: divide by n = 2 first"
                : Math.abs(got - 0.25) < 1e-9 ? " — you gave 0.25 = 1/4, exp of the mean of +log p: the loss of a "
                        + "token is −log p, so the sign is minus (a perplexity is never below 1)"
                : "";
        assertThat(got).as("Exercise 10: exp(−(log 0.5 + log 0.125) / 2) = exp(2 log 2) = 4" + why)
                .isCloseTo(4.0, within(1e-12));
    }

    @Test
    @Order(3)
    @DisplayName("Weighting each minibatch's mean loss by its tokens gives the library's perplexity")
    void matchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 6), longs().all()).checkAssert((n, seed) -> {
            var rng = new Random(seed);
            double[] losses = rng.doubles(n, 0, 5).toArray();
            int[] counts = rng.ints(n, 1, 100).toArray();
            double lossSum = 0;
            long total = 0;
            for (int i = 0; i < n; i++) {
                lossSum += losses[i] * counts[i];
                total += counts[i];
            }
            assertThat(Ex10Perplexity.perplexity(losses, counts))
                    .as("Exercise 10: perplexity of mean losses %s over %s tokens", Arrays.toString(losses),
                            Arrays.toString(counts))
                    .isCloseTo(Perplexity.perplexity(lossSum, total), within(1e-9 * Math.exp(5)));
        });
    }

    @Test
    @Order(4)
    @DisplayName("A model that gives every true token probability 1/V has perplexity V")
    void uniformGuessingGivesV() {
        Props.qt().forAll(integers().between(1, 200), integers().between(1, 20)).checkAssert((v, n) -> {
            double[] p = new double[n];
            Arrays.fill(p, 1.0 / v);
            assertThat(Ex10Perplexity.perplexityOfProbabilities(p))
                    .as("Exercise 10: %s token(s), each predicted with probability 1/%s", n, v)
                    .isCloseTo(v, within(1e-9 * v));
            double[] losses = new double[] {Math.log(v)};
            assertThat(Ex10Perplexity.perplexity(losses, new int[] {n}))
                    .as("Exercise 10: a mean loss of log %s over %s tokens", v, n).isCloseTo(v, within(1e-9 * v));
        });
    }

    @Test
    @Order(5)
    @DisplayName("Perplexity is at least 1, and exactly 1 only for a model sure of every true token")
    void perplexityIsAtLeastOne() {
        Props.qt().forAll(integers().between(1, 10), doubles().between(1e-6, 0.99), longs().all())
                .checkAssert((n, low, seed) -> {
                    double[] p = new Random(seed).doubles(n, low, 1.0).toArray();
                    assertThat(Ex10Perplexity.perplexityOfProbabilities(p))
                            .as("Exercise 10: the perplexity of probabilities %s", Arrays.toString(p))
                            .isGreaterThanOrEqualTo(1.0);
                    double[] sure = new double[n];
                    Arrays.fill(sure, 1.0);
                    assertThat(Ex10Perplexity.perplexityOfProbabilities(sure))
                            .as("Exercise 10: every true token predicted with probability 1").isEqualTo(1.0);
                });
    }
}
