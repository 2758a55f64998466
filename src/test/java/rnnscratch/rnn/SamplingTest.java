package rnnscratch.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.FixedDraws;
import rnnscratch.testing.Props;

/** Generation by sampling with a temperature (d2l 8.5, exercise 3). Docs: docs/applications.md */
class SamplingTest {
    private static double[] logits(int v, long seed) {
        var rng = new Random(seed);
        var o = new double[v];
        for (int j = 0; j < v; j++) {
            o[j] = rng.nextGaussian() * 3;
        }
        return o;
    }

    private static RNNModelScratch model(int v, long seed) {
        return new RNNModelScratch(RnnParams.of(uniform(v, 6, seed), uniform(6, 6, seed + 1), uniform(1, 6, seed + 2),
                uniform(6, v, seed + 3), uniform(1, v, seed + 4)));
    }

    /** Weights large enough that the model's scores differ clearly from token to token. */
    private static double[][] uniform(int rows, int cols, long seed) {
        return rnnscratch.testing.Matrices.uniform(rows, cols, 2.0, seed);
    }

    @Test
    @DisplayName("softmax(o / T) is a probability distribution over the vocabulary")
    void softmaxWithTemperatureSumsToOne() {
        Props.qt().forAll(integers().between(1, 40), longs().all(), doubles().between(0.01, 10))
                .checkAssert((v, seed, t) -> {
                    double[] p = Sampling.softmaxWithTemperature(logits(v, seed), t);
                    assertThat(Arrays.stream(p).sum()).as("Σ p for V = %d, T = %s", v, t)
                            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
                    assertThat(Arrays.stream(p).allMatch(x -> x >= 0 && x <= 1)).as("every p_j in [0, 1]: %s",
                            Arrays.toString(p)).isTrue();
                });
    }

    @Test
    @DisplayName("Every sampled id is inside the vocabulary [0, V)")
    void sampledIdsAreInsideTheVocabulary() {
        Props.qt().forAll(integers().between(1, 40), longs().all(), doubles().between(0.05, 20))
                .checkAssert((v, seed, t) -> {
                    var rng = new Random(seed);
                    double[] o = logits(v, seed);
                    for (int i = 0; i < 50; i++) {
                        assertThat(Sampling.sample(o, t, rng)).as("a draw with V = %d, T = %s", v, t)
                                .isBetween(0, v - 1);
                    }
                });
    }

    @Test
    @DisplayName("Sampling with the same seed generates the same text (repeatable with --seed)")
    void sameSeedSameSample() {
        Props.qt(30).forAll(integers().between(2, 12), longs().all(), doubles().between(0.2, 3))
                .checkAssert((v, seed, t) -> {
                    var net = model(v, seed);
                    int[] a = Predict.predictIds(new int[] {0, 1 % v}, 30, net,
                            Sampling.withTemperature(t, new Random(seed)));
                    int[] b = Predict.predictIds(new int[] {0, 1 % v}, 30, net,
                            Sampling.withTemperature(t, new Random(seed)));
                    assertThat(b).as("two generations with seed %d, T = %s", seed, t).containsExactly(a);
                });
    }

    @Test
    @DisplayName("As T → 0, sampling equals greedy prediction")
    void vanishingTemperatureIsGreedy() {
        Props.qt(30).forAll(integers().between(2, 12), longs().all()).checkAssert((v, seed) -> {
            var net = model(v, seed);
            int[] greedy = Predict.predictIds(new int[] {0}, 30, net);
            int[] cold = Predict.predictIds(new int[] {0}, 30, net, Sampling.withTemperature(1e-6,
                    new Random(seed)));
            assertThat(cold).as("T = 1e-6 against argmax, V = %d", v).containsExactly(greedy);
        });
    }

    @Test
    @DisplayName("At T = 1 the draws follow the model's softmax: observed frequencies are within 3% of p")
    void drawsFollowTheDistribution() {
        double[] o = {2.0, 1.0, 0.0, -1.0};
        double[] p = Sampling.softmaxWithTemperature(o, 1.0);
        var counts = new int[o.length];
        var rng = new Random(1);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[Sampling.sample(o, 1.0, rng)]++;
        }
        for (int j = 0; j < o.length; j++) {
            assertThat((double) counts[j] / n).as("frequency of id %d (p = %.4f)", j, p[j])
                    .isCloseTo(p[j], org.assertj.core.data.Offset.offset(0.03 * p[j] + 1e-3));
        }
    }

    @Test
    @DisplayName("The command line's generator gives nearby seeds unrelated first draws (java.util.Random's do not)")
    void nearbySeedsDrawDifferently() {
        var first = new java.util.TreeSet<Integer>();
        for (long seed = 1; seed <= 8; seed++) {
            first.add((int) (Sampling.generator(seed).nextDouble() * 10));
        }
        assertThat(first.size()).as("tenths of the first draw for seeds 1 … 8: %s", first).isGreaterThanOrEqualTo(4);
        assertThat(Sampling.generator(3).nextLong()).as("the same seed, the same numbers")
                .isEqualTo(Sampling.generator(3).nextLong());
    }

    @Test
    @DisplayName("A temperature that is not a finite number > 0 is refused")
    void badTemperatureIsRefused() {
        for (double t : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Sampling.withTemperature(t, new Random(0))).as("T = %s", t)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
            assertThatThrownBy(() -> Sampling.softmaxWithTemperature(new double[] {1, 2}, t)).as("softmax, T = %s", t)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
        }
    }

    @Test
    @DisplayName("The seed is scrambled by SplitMix64's mixing function (its published outputs for states 0 and 2γ)")
    void generatorIsSplitMix64OfTheSeed() {
        // SplitMix64 from state 0 outputs 0xE220A8397B1DCDAF, then 0x6E789E6AA1B965F4: mix(0 + γ) and mix(γ + γ).
        assertThat(Sampling.generator(0).nextLong()).as("seed 0 seeds java.util.Random with mix(γ)")
                .isEqualTo(new Random(0xE220A8397B1DCDAFL).nextLong());
        assertThat(Sampling.generator(0x9E3779B97F4A7C15L).nextLong()).as("seed γ seeds it with mix(2γ)")
                .isEqualTo(new Random(0x6E789E6AA1B965F4L).nextLong());
    }

    @Test
    @DisplayName("A draw u gives the first id whose cumulative probability exceeds u (u equal to a sum goes on)")
    void drawIsTheFirstCumulativeSumAboveU() {
        double[] logits = {0, 0, Math.log(2)}; // p = 1/4, 1/4, 1/2 exactly
        assertThat(Sampling.sample(logits, 1.0, FixedDraws.always(0.0))).as("u = 0").isEqualTo(0);
        assertThat(Sampling.sample(logits, 1.0, FixedDraws.always(0.25))).as("u = 0.25 = p₀: not below it, so id 1")
                .isEqualTo(1);
        assertThat(Sampling.sample(logits, 1.0, FixedDraws.always(0.5))).as("u = 0.5 = p₀ + p₁: id 2").isEqualTo(2);
    }

    @Test
    @DisplayName("When rounding leaves u above the last cumulative sum, the draw is the last id of nonzero probability")
    void roundingGapGivesTheLastPossibleId() {
        var logits = new double[11]; // ten ids of p = 0.1 (their sum in doubles is 0.9999999999999999), one of p = 0
        logits[10] = Double.NEGATIVE_INFINITY;
        double u = Math.nextDown(1.0);
        assertThat(Sampling.sample(logits, 1.0, FixedDraws.always(u))).as("u just below 1, above the sum of ten 0.1s")
                .isEqualTo(9);
    }

    @Test
    @DisplayName("Sampling from no scores at all is refused")
    void noScoresIsRefused() {
        assertThatThrownBy(() -> Sampling.sample(new double[0], 1.0, new Random(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no scores");
    }
}
