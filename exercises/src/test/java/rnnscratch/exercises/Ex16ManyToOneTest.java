package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.addBias;
import static rnnscratch.autograd.Ops.crossEntropy;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.sum;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.exercises.Ex16ManyToOne.Classifier;
import rnnscratch.rnn.OneHot;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;
import rnnscratch.train.GradClipping;
import rnnscratch.optim.Sgd;

/** Exercise 16: many-to-one, classification from the last hidden state. Docs: docs/applications.md */
@Tag("exercise")
@Tag("ex16")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex16ManyToOneTest {
    static final int V = 4;
    static final int MARKED = 3;

    /** Sequences of 5 tokens, half of them containing MARKED and half not; label 1 when they contain it. */
    static int[][] containsData(int n, Random rng, int[] labels) {
        var x = new int[n][5];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(2);
            for (int t = 0; t < 5; t++) {
                x[i][t] = rng.nextInt(MARKED);
            }
            if (labels[i] == 1) {
                x[i][rng.nextInt(5)] = MARKED;
            }
        }
        return x;
    }

    /** H_T from the library's rnn: the same recurrence with a dummy output layer. */
    static Tensor lastHidden(Classifier m, int[][] x) {
        int v = m.vocabSize();
        int h = m.numHiddens();
        var p = new RnnParams(m.W_xh(), m.W_hh(), m.b_h(), Tensor.constant(new double[h][v]),
                Tensor.constant(new double[1][v]));
        return Rnn.rnn(OneHot.oneHot(OneHot.transpose(x), v), RnnState.initRnnState(x.length, h), p).state().H();
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: a handmade latch says whether token 1 occurred")
    void workedExample() {
        // token 1 pushes the single hidden unit up; W_hh = 5 keeps it there; the head turns it into class scores
        var m = new Classifier(Tensor.param(new double[][] {{0}, {5}}), Tensor.param(new double[][] {{5}}),
                Tensor.param(new double[][] {{0}}), Tensor.param(new double[][] {{-1, 1}}),
                Tensor.param(new double[][] {{0, 0}}));
        double h2 = Math.tanh(5);
        double h3 = Math.tanh(5 * h2);
        double[][] logits = TestData.explained("Exercise 16: x = [[0, 0, 1, 0], [0, 0, 0, 0]] is int[batch][T], "
                + "2 sequences of T = 4 steps: step through its columns (its transpose), each step a batch × V = 2 × 2 "
                + "one-hot matrix, with H double[batch][H] = 2 × 1",
                () -> Ex16ManyToOne.logits(m, new int[][] {{0, 0, 1, 0}, {0, 0, 0, 0}}).value());
        assertThat(logits[0]).as("Exercise 16: [0, 0, 1, 0]: H goes 0, 0, tanh(5), then tanh(5·tanh(5)) — each H "
                + "from the input and the H before it — and the logits are H_T·[−1, 1], from the H after the last "
                + "step, with no tanh on the logits").containsExactly(new double[] {-h3, h3}, within(1e-12));
        assertThat(logits[1]).as("Exercise 16: [0, 0, 0, 0] never moves H from 0: logits [0, 0]")
                .containsExactly(new double[] {0, 0}, within(1e-12));
    }

    @Test
    @Order(2)
    @DisplayName("The logits are the head applied to the hidden state after the last step")
    void logitsComeFromTheLastHiddenState() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 6), integers().between(1, 5), longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    var m = Classifier.init(V, hidden, 3, 1.0, new Random(seed));
                    int[][] x = TestData.tokens(batch, steps, V, seed);
                    double[][] hT = lastHidden(m, x).value();
                    double[][] expected = Mat.addRowVector(MatMul.mm(hT, m.W_hc().value()), m.b_c().value());
                    double[][] yours = Ex16ManyToOne.logits(m, x).value();
                    assertThat(Matrices.maxAbsDiff(yours, expected))
                            .as("Exercise 16: logits of x = %s must be H_T·W_hc + b_c with H_T after all %s steps; "
                                    + "you returned %s, expected %s", Arrays.deepToString(x), steps,
                                    Arrays.deepToString(yours), Arrays.deepToString(expected))
                            .isLessThan(1e-12);
                });
    }

    @Test
    @Order(3)
    @DisplayName("Gradients reach every parameter through the logits, as through the library's rnn")
    void gradientsFlowThroughTheLogits() {
        Props.qt(30).forAll(integers().between(1, 3), integers().between(1, 4), integers().between(1, 4), longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    int[][] x = TestData.tokens(batch, steps, V, seed);
                    var yours = Classifier.init(V, hidden, 2, 1.0, new Random(seed));
                    var lib = Classifier.init(V, hidden, 2, 1.0, new Random(seed));
                    Tensor logits = Ex16ManyToOne.logits(yours, x);
                    assertThat(logits.requiresGrad()).as("Exercise 16: the logits must be computed from the "
                            + "parameters with Ops, so that gradients reach them; yours are a constant with no path "
                            + "back to W_xh, W_hh, b_h, W_hc and b_c").isTrue();
                    sum(logits).backward();
                    sum(addBias(mm(lastHidden(lib, x), lib.W_hc()), lib.b_c())).backward();
                    String[] names = {"W_xh", "W_hh", "b_h", "W_hc", "b_c"};
                    String[] where = {"X_t·W_xh at every step", "H_{t−1}·W_hh at every step", "+ b_h at every step",
                        "H_T·W_hc", "+ b_c on the logits"};
                    for (int i = 0; i < names.length; i++) {
                        assertThat(Matrices.maxAbsDiff(yours.params().get(i).grad(), lib.params().get(i).grad()))
                                .as("Exercise 16: the gradient of %s differs from the library's: the logits must use "
                                        + "%s (H_t = tanh(X_t·W_xh + H_{t−1}·W_hh + b_h), logits = H_T·W_hc + b_c; "
                                        + "the biases start at 0, so a forgotten one shows only here), built from Ops",
                                        names[i], where[i])
                                .isLessThan(1e-9);
                    }
                });
    }

    @Test
    @Order(4)
    @DisplayName("Trained for 60 steps on \"does it contain token 3?\", it is right on at least 90% of new sequences")
    void learnsToDetectAToken() {
        var rng = new Random(16);
        var m = Classifier.init(V, 8, 2, 0.5, rng);
        var labels = new int[32];
        for (int step = 0; step < 60; step++) {
            int[][] x = containsData(32, rng, labels);
            Tensor loss = crossEntropy(Ex16ManyToOne.logits(m, x), labels);
            loss.backward();
            GradClipping.gradClipping(m.params(), 1.0);
            Sgd.sgd(m.params(), 1.0, 1);
        }
        var testLabels = new int[200];
        int[][] test = containsData(200, new Random(1616), testLabels);
        int[] predicted = Mat.argmaxRows(Ex16ManyToOne.logits(m, test).value());
        long right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == testLabels[i] ? 1 : 0;
        }
        assertThat(right / 200.0).as("Exercise 16: accuracy on 200 new sequences after training with your logits")
                .isGreaterThanOrEqualTo(0.9);
    }
}
