package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.crossEntropy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.optim.Sgd;
import rnnscratch.rnn.RNNModelScratch;
import rnnscratch.rnn.RnnParams;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Props;
import rnnscratch.train.GradClipping;
import rnnscratch.train.Labels;

/** Exercise 17: many-to-many, tagging every step. Docs: docs/applications.md */
@Tag("exercise")
@Tag("ex17")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex17ManyToManyTest {
    static final int V = 5;

    /** The tag of every step is the token before it; the first step's tag is 0 ("nothing before"). */
    static int[][] previousTokens(int[][] x) {
        var tags = new int[x.length][x[0].length];
        for (int b = 0; b < x.length; b++) {
            for (int t = 1; t < x[0].length; t++) {
                tags[b][t] = x[b][t - 1];
            }
        }
        return tags;
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: a handmade model that tags every token with itself returns X, in X's layout")
    void workedExample() {
        var eye = Mat.scale(Mat.identity(V), 3.0);
        var echo = new RNNModelScratch(RnnParams.of(eye, new double[V][V], new double[1][V], eye, new double[1][V]));
        int[][] x = {{1, 2, 3}, {4, 0, 2}};
        assertThat(Ex17ManyToMany.tag(echo, x))
                .as("Exercise 17: outputs are time-major (row t·batch + b); put each tag back at [b][t]")
                .isDeepEqualTo(x);
        var zero = new RNNModelScratch(RnnParams.of(new double[V][2], new double[2][2], new double[1][2],
                new double[2][V], new double[1][V]));
        assertThat(TestData.explained("Exercise 17: taggingLoss with x = tags = [[1, 2, 3], [4, 0, 2]], batch = 2, "
                        + "T = 3: the outputs have T·batch = 6 rows, and row t·batch + b is labelled tags[b][t]",
                        () -> Ex17ManyToMany.taggingLoss(zero, x, x).item()))
                .as("Exercise 17: a model that outputs all zeros gives every tag probability 1/V, so each of the "
                        + "T·batch = 6 predictions costs log V, and the loss, their mean, is log V")
                .isCloseTo(Math.log(V), within(1e-12));
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: a model that answers with the token read one step before (4 at first) tags "
            + "[1, 2, 3] as [4, 1, 2]")
    void workedExampleCarriesTheState() {
        int[][] x = {{1, 2, 3}, {3, 0, 2}};
        assertThat(Ex17ManyToMany.tag(TestData.delayModel(V, 4), x))
                .as("Exercise 17: run each whole sequence through the RNN at once, from one zero state, so that the "
                        + "state carries what step t − 1 read into step t; a fresh state at every step forgets it and "
                        + "gives the first step's answer 4 everywhere")
                .isDeepEqualTo(new int[][] {{4, 1, 2}, {4, 3, 0}});
    }

    @Test
    @Order(3)
    @DisplayName("The loss is the mean cross-entropy of the time-major outputs against the tags flattened as Yᵀ")
    void lossMatchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), integers().between(1, 4), longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    var net = TestData.randomModel(V, hidden, seed);
                    var rng = new Random(seed);
                    int[][] x = TestData.tokens(batch, steps, 0, V, rng);
                    int[][] tags = TestData.tokens(batch, steps, 0, V, rng);
                    double expected = crossEntropy(net.forward(x, net.beginState(batch)).outputs(),
                            Labels.flattenTransposed(tags)).item();
                    assertThat(Ex17ManyToMany.taggingLoss(net, x, tags).item())
                            .as("Exercise 17: taggingLoss for x = %s, tags = %s (label of row t·batch + b is "
                                    + "tags[b][t])", Arrays.deepToString(x), Arrays.deepToString(tags))
                            .isCloseTo(expected, within(1e-12));
                });
    }

    @Test
    @Order(4)
    @DisplayName("tag[b][t] is the argmax of output row t·batch + b")
    void tagsAreTheArgmaxInBatchLayout() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), integers().between(1, 4), longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    var net = TestData.randomModel(V, hidden, seed);
                    int[][] x = TestData.tokens(batch, steps, 0, V, new Random(seed));
                    int[] best = Mat.argmaxRows(net.forward(x, net.beginState(batch)).outputs().value());
                    int[][] yours = Ex17ManyToMany.tag(net, x);
                    assertThat(yours.length).as("Exercise 17: one row of tags per sequence").isEqualTo(batch);
                    for (int b = 0; b < batch; b++) {
                        for (int t = 0; t < steps; t++) {
                            assertThat(yours[b][t])
                                    .as("Exercise 17: tag of sequence %s, step %s is the argmax of output row "
                                            + "%s·%s + %s; x = %s", b, t, t, batch, b, Arrays.deepToString(x))
                                    .isEqualTo(best[t * batch + b]);
                        }
                    }
                });
    }

    @Test
    @Order(5)
    @DisplayName("Trained with this loss, an RNN learns to tag each token with the one before it (≥ 90% right)")
    void learnsToTagWithThePreviousToken() {
        var rng = new Random(17);
        var net = new RNNModelScratch(V, 16, rng);
        for (int step = 0; step < 150; step++) {
            int[][] x = TestData.tokens(16, 6, 1, V, rng);
            Tensor loss = Ex17ManyToMany.taggingLoss(net, x, previousTokens(x));
            loss.backward();
            GradClipping.gradClipping(net.params().list(), 1.0);
            Sgd.sgd(net.params().list(), 2.0, 1);
        }
        int[][] test = TestData.tokens(100, 6, 1, V, new Random(1717));
        int[][] expected = previousTokens(test);
        int[][] tags = Ex17ManyToMany.tag(net, test);
        long right = 0;
        for (int b = 0; b < test.length; b++) {
            for (int t = 0; t < 6; t++) {
                right += tags[b][t] == expected[b][t] ? 1 : 0;
            }
        }
        assertThat(right / 600.0).as("Exercise 17: share of steps tagged right on 100 new sequences after training")
                .isGreaterThanOrEqualTo(0.9);
    }
}
