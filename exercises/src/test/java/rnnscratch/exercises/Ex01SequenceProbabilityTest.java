package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import rnnscratch.exercises.Ex01SequenceProbability.Joint;
import rnnscratch.testing.Props;

/** Exercise 01: forward and backward factorisation of a sequence's probability. Docs: docs/sequence-models.md */
@Tag("exercise")
@Tag("ex01")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex01SequenceProbabilityTest {
    /** A model with random positive probabilities for every sequence, from a seed. */
    static Joint randomJoint(int vocabSize, int length, long seed) {
        var rng = new Random(seed);
        var table = new double[(int) Math.pow(vocabSize, length)];
        double sum = 0;
        for (int i = 0; i < table.length; i++) {
            table[i] = 0.05 + rng.nextDouble();
            sum += table[i];
        }
        for (int i = 0; i < table.length; i++) {
            table[i] /= sum;
        }
        return new Joint(vocabSize, length, table);
    }

    static int[] randomSequence(int vocabSize, int length, long seed) {
        var rng = new Random(seed);
        return rng.ints(length, 0, vocabSize).toArray();
    }

    static double product(double[] factors) {
        return Arrays.stream(factors).reduce(1.0, (a, b) -> a * b);
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: P(x = [1, 0]) = 0.3 both ways")
    void workedExample() {
        // P(00) = 0.1, P(01) = 0.2, P(10) = 0.3, P(11) = 0.4
        var p = new Joint(2, 2, new double[] {0.1, 0.2, 0.3, 0.4});
        int[] x = {1, 0};
        assertThat(Ex01SequenceProbability.forwardFactors(p, x))
                .as("Exercise 01: forwards, P(x_1 = 1) = 0.3 + 0.4 = 0.7 and P(x_2 = 0 | x_1 = 1) = 0.3 / 0.7")
                .containsExactly(new double[] {0.7, 0.3 / 0.7}, within(1e-12));
        assertThat(Ex01SequenceProbability.backwardFactors(p, x))
                .as("Exercise 01: backwards, P(x_1 = 1 | x_2 = 0) = P(x_1 = 1, x_2 = 0) / P(x_2 = 0) = 0.3 / 0.4, "
                        + "where P(x_2 = 0) sums the sequences with 0 at position 2: P(00) + P(10) = 0.1 + 0.3; and "
                        + "the last factor is P(x_2 = 0) = 0.4 itself")
                .containsExactly(new double[] {0.75, 0.4}, within(1e-12));
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: with T = 3 a factor conditions on all the tokens before (or after) it, not just the "
            + "nearest one")
    void workedExampleConditionsOnTheWholePrefix() {
        // P(000) = P(001) = 0.05, P(010) = P(011) = P(100) = P(101) = P(110) = 0.1, P(111) = 0.4
        var p = new Joint(2, 3, new double[] {0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4});
        int[] x = {1, 1, 1};
        assertThat(Ex01SequenceProbability.forwardFactors(p, x))
                .as("Exercise 01: forwards, P(x_1 = 1) = 0.7, P(x_2 = 1 | x_1 = 1) = 0.5 / 0.7 and P(x_3 = 1 | x_1 = 1, "
                        + "x_2 = 1) = P(111) / P(x_1 = 1, x_2 = 1) = 0.4 / 0.5 = 0.8: the whole prefix x_1, x_2, not "
                        + "only x_2 (P(x_3 = 1 | x_2 = 1) = 0.5 / 0.7 would be a Markov chain's factor)")
                .containsExactly(new double[] {0.7, 0.5 / 0.7, 0.8}, within(1e-12));
        assertThat(Ex01SequenceProbability.backwardFactors(p, x))
                .as("Exercise 01: backwards, P(x_1 = 1 | x_2 = 1, x_3 = 1) = P(111) / P(x_2 = 1, x_3 = 1) = 0.4 / 0.5 "
                        + "= 0.8: the whole suffix x_2, x_3, not only x_2; then P(x_2 = 1 | x_3 = 1) = 0.5 / 0.65 and "
                        + "P(x_3 = 1) = 0.65")
                .containsExactly(new double[] {0.8, 0.5 / 0.65, 0.65}, within(1e-12));
    }

    @Test
    @Order(3)
    @DisplayName("The forward factors multiply to the joint probability")
    void forwardFactorsMultiplyToTheJoint() {
        Props.qt().forAll(integers().between(1, 3), integers().between(1, 4), longs().all(), longs().all())
                .checkAssert((v, t, modelSeed, xSeed) -> {
                    var p = randomJoint(v, t, modelSeed);
                    int[] x = randomSequence(v, t, xSeed);
                    double[] f = Ex01SequenceProbability.forwardFactors(p, x);
                    assertThat(f).as("Exercise 01: one forward factor per token of x = %s", Arrays.toString(x))
                            .hasSize(t);
                    assertThat(product(f))
                            .as("Exercise 01: the forward factors %s of x = %s must multiply to P(x) = %s",
                                    Arrays.toString(f), Arrays.toString(x), p.probability(x))
                            .isCloseTo(p.probability(x), within(1e-12));
                });
    }

    @Test
    @Order(4)
    @DisplayName("The backward factors multiply to the same joint probability")
    void backwardFactorsMultiplyToTheJoint() {
        Props.qt().forAll(integers().between(1, 3), integers().between(1, 4), longs().all(), longs().all())
                .checkAssert((v, t, modelSeed, xSeed) -> {
                    var p = randomJoint(v, t, modelSeed);
                    int[] x = randomSequence(v, t, xSeed);
                    double[] b = Ex01SequenceProbability.backwardFactors(p, x);
                    assertThat(b).as("Exercise 01: one backward factor per token of x = %s", Arrays.toString(x))
                            .hasSize(t);
                    assertThat(product(b))
                            .as("Exercise 01: the backward factors %s of x = %s must multiply to P(x) = %s, as the "
                                    + "forward ones do", Arrays.toString(b), Arrays.toString(x), p.probability(x))
                            .isCloseTo(p.probability(x), within(1e-12));
                });
    }

    @Test
    @Order(5)
    @DisplayName("Each factor is a conditional probability: over the values of its own token they sum to 1")
    void eachFactorIsAConditionalProbability() {
        Props.qt().forAll(integers().between(1, 3), integers().between(1, 4), longs().all(), longs().all())
                .checkAssert((v, t, modelSeed, xSeed) -> {
                    var p = randomJoint(v, t, modelSeed);
                    int[] x = randomSequence(v, t, xSeed);
                    for (int pos = 0; pos < t; pos++) {
                        double forward = 0;
                        double backward = 0;
                        for (int value = 0; value < v; value++) {
                            int[] y = x.clone();
                            y[pos] = value;
                            forward += Ex01SequenceProbability.forwardFactors(p, y)[pos];
                            backward += Ex01SequenceProbability.backwardFactors(p, y)[pos];
                        }
                        assertThat(forward)
                                .as("Exercise 01: Σ over v of P(x_t = v | the tokens before it), t = %s, x = %s",
                                        pos, Arrays.toString(x))
                                .isCloseTo(1.0, within(1e-12));
                        assertThat(backward)
                                .as("Exercise 01: Σ over v of P(x_t = v | the tokens after it), t = %s, x = %s",
                                        pos, Arrays.toString(x))
                                .isCloseTo(1.0, within(1e-12));
                    }
                });
    }

    @Test
    @Order(6)
    @DisplayName("When the tokens are independent, every factor is just the token's own probability")
    void independentTokensGiveTheirOwnProbabilities() {
        Props.qt().forAll(integers().between(2, 3), integers().between(1, 4), longs().all())
                .checkAssert((v, t, seed) -> {
                    var rng = new Random(seed);
                    var q = new double[v];
                    double sum = 0;
                    for (int i = 0; i < v; i++) {
                        q[i] = 0.1 + rng.nextDouble();
                        sum += q[i];
                    }
                    for (int i = 0; i < v; i++) {
                        q[i] /= sum;
                    }
                    var table = new double[(int) Math.pow(v, t)];
                    for (int index = 0; index < table.length; index++) {
                        table[index] = 1;
                        for (int pos = 0, rest = index; pos < t; pos++, rest /= v) {
                            table[index] *= q[rest % v];
                        }
                    }
                    var p = new Joint(v, t, table);
                    int[] x = randomSequence(v, t, seed + 1);
                    double[] own = Arrays.stream(x).mapToDouble(token -> q[token]).toArray();
                    assertThat(Ex01SequenceProbability.forwardFactors(p, x))
                            .as("Exercise 01: forward factors of x = %s when P(x) = Π q(x_t) with q = %s",
                                    Arrays.toString(x), Arrays.toString(q))
                            .containsExactly(own, within(1e-12));
                    assertThat(Ex01SequenceProbability.backwardFactors(p, x))
                            .as("Exercise 01: backward factors of x = %s when P(x) = Π q(x_t) with q = %s",
                                    Arrays.toString(x), Arrays.toString(q))
                            .containsExactly(own, within(1e-12));
                });
    }
}
