package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.sum;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.OneHot;
import rnnscratch.rnn.Rnn;
import rnnscratch.rnn.RnnParams;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** Exercise 09: one rnn time step and the loop over steps. Docs: docs/rnn.md */
@Tag("exercise")
@Tag("ex09")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex09RnnStepTest {
    static List<Tensor> randomInputs(int steps, int batch, int vocab, long seed) {
        return OneHot.oneHot(TestData.tokens(steps, batch, vocab, seed), vocab);
    }

    /** V = 2, H = 1: W_xh = [0.5, −1]ᵀ, W_hh = 2, b_h = 0.1, W_hq = [1, −1], b_q = [0, 0.5], so Y = [H, −H + 0.5]. */
    static RnnParams handmade() {
        return RnnParams.of(new double[][] {{0.5}, {-1}}, new double[][] {{2}}, new double[][] {{0.1}},
                new double[][] {{1, -1}}, new double[][] {{0, 0.5}});
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: H = tanh(X·W_xh + H·W_hh + b_h) for one sequence with V = 2, H = 1")
    void workedExample() {
        var p = handmade();
        Tensor x = Tensor.constant(new double[][] {{1, 0}});
        Tensor h = Tensor.constant(new double[][] {{0.25}});
        double expected = Math.tanh(0.5 + 0.25 * 2 + 0.1);
        double[][] step = Ex09RnnStep.rnnStep(x, h, p).value();
        boolean oneNumber = step.length == 1 && step[0].length == 1;
        boolean noBias = oneNumber && Math.abs(step[0][0] - Math.tanh(1.0)) < 1e-12;
        boolean biasOutside = oneNumber && Math.abs(step[0][0] - (Math.tanh(1.0) + 0.1)) < 1e-12;
        assertThat(step)
                .as("Exercise 09: tanh(1·0.5 + 0·(−1) + 0.25·2 + 0.1) = tanh(1.1)" + (noBias
                        ? "; you gave tanh(1.0): the bias b_h = 0.1 is missing from the sum inside tanh"
                        : biasOutside
                                ? "; you gave tanh(1.0) + 0.1: b_h is added inside tanh, to X·W_xh + H·W_hh, "
                                        + "before tanh squashes the sum"
                                : ""))
                .isDeepEqualTo(new double[][] {{expected}});
        var out = Ex09RnnStep.rnn(List.of(x), new RnnState(h), p);
        double y0 = out.outputs().value()[0][0];
        double y1 = out.outputs().value()[0].length > 1 ? out.outputs().value()[0][1] : Double.NaN;
        assertThat(out.outputs().value()).as("Exercise 09: " + (Math.abs(y0 - expected) < 1e-12
                && Math.abs(y1 + expected) < 1e-12
                ? "Y_t = H_t·W_hq + b_q = [H_t, −H_t + 0.5] with the new H_t = tanh(1.1); you gave [H_t, −H_t]: "
                        + "the output bias b_q = [0, 0.5] is missing"
                : Math.abs(y0 - 0.25) < 1e-12
                ? "Y was computed from the state you were given (H = 0.25): first compute the new H_t = tanh(1.1), "
                        + "then Y_t = H_t·W_hq + b_q = [H_t, −H_t + 0.5] from it"
                : Math.abs(y0 - Math.tanh(expected)) < 1e-12
                        ? "Y_t = H_t·W_hq + b_q = [H_t, −H_t + 0.5] with the new H_t = tanh(1.1), and no tanh on it: "
                                + "you gave [tanh(H_t), …]; tanh belongs to the state only, the output layer is "
                                + "linear"
                        : "Y = H·W_hq + b_q = [H, −H + 0.5] with the new H = tanh(1.1)"))
                .isDeepEqualTo(new double[][] {{expected, -expected + 0.5}});
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: two steps carry H, so step 2 starts from the H that step 1 left")
    void workedExampleTwoSteps() {
        var p = handmade();
        Tensor x = Tensor.constant(new double[][] {{1, 0}});
        var h0 = new RnnState(Tensor.constant(new double[][] {{0}}));
        double h1 = Math.tanh(0.5 + 0.1);
        double h2 = Math.tanh(0.5 + h1 * 2 + 0.1);
        var out = Ex09RnnStep.rnn(List.of(x, x), h0, p);
        assertThat(out.outputs().value()).as("Exercise 09: two steps of one sequence give two output rows")
                .hasNumberOfRows(2);
        assertThat(out.outputs().value()[0][0]).as("Exercise 09: step 1 from H_0 = 0: H_1 = tanh(1·0.5 + 0·2 + 0.1) "
                + "= tanh(0.6), and Y_1 = [H_1, −H_1 + 0.5]").isCloseTo(h1, within(1e-12));
        double step2 = out.outputs().value()[1][0];
        assertThat(step2).as("Exercise 09: " + (Math.abs(step2 - h1) < 1e-12
                ? "the state was not carried from step 1 to step 2: step 2 gave H_1 again, as if it started from "
                        + "the initial state; it must start from H_1 = tanh(0.6), so H_2 = tanh(0.5 + tanh(0.6)·2 + 0.1) "
                        + "(keep the new H and give it to the next step)"
                : "step 2 must give H_2 = tanh(1·0.5 + H_1·2 + 0.1) with H_1 = tanh(0.6). Step 1 was right, but "
                        + "there H_0 = 0, so H·W_hh added nothing: look at how the step uses H (H·W_hh, added to "
                        + "X·W_xh)")).isCloseTo(h2, within(1e-12));
        assertThat(out.state().H().value()[0][0]).as("Exercise 09: the returned state is H_2, the H after the "
                + "last step").isCloseTo(h2, within(1e-12));
    }

    @Test
    @Order(3)
    @DisplayName("One step computes H_t = tanh(X·W_xh + H·W_hh + b_h)")
    void oneStepIsTheEquation() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), integers().between(1, 5), longs().all())
                .checkAssert((batch, vocab, hidden, seed) -> {
                    var p = TestData.randomParams(vocab, hidden, 1.0, seed);
                    Tensor x = randomInputs(1, batch, vocab, seed).get(0);
                    double[][] h = Matrices.uniform(batch, hidden, 1, seed + 1);
                    double[][] expected = Mat.tanh(Mat.addRowVector(Mat.add(MatMul.mm(x.value(), p.W_xh().value()),
                            MatMul.mm(h, p.W_hh().value())), p.b_h().value()));
                    double[][] yours = Ex09RnnStep.rnnStep(x, Tensor.constant(h), p).value();
                    assertThat(Matrices.maxAbsDiff(yours, expected))
                            .as("Exercise 09: H_t must be tanh(X·W_xh + H·W_hh + b_h); for X = %s and H = %s you "
                                    + "returned %s, expected %s", Arrays.deepToString(x.value()),
                                    Arrays.deepToString(h), Arrays.deepToString(yours), Arrays.deepToString(expected))
                            .isLessThan(1e-12);
                });
    }

    @Test
    @Order(4)
    @DisplayName("The loop gives the library's outputs (time-major) and final state")
    void loopMatchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 3), integers().between(1, 5), integers().between(1, 4), longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    int vocab = 4;
                    var p = TestData.randomParams(vocab, hidden, 1.0, seed);
                    var inputs = randomInputs(steps, batch, vocab, seed);
                    var h0 = new RnnState(Tensor.constant(Matrices.uniform(batch, hidden, 1, seed + 2)));
                    Rnn.Output yours = Ex09RnnStep.rnn(inputs, h0, p);
                    Rnn.Output lib = Rnn.rnn(inputs, h0, p);
                    assertThat(yours.outputs().shape()).as("Exercise 09: outputs of %s steps × batch %s, V = %s",
                            steps, batch, vocab).isEqualTo(lib.outputs().shape());
                    double[][] firstInputOnly = Rnn.rnn(Collections.nCopies(steps, inputs.get(0)), h0, p).outputs()
                            .value();
                    boolean readX1Always = !Arrays.deepEquals(inputs.get(0).value(), inputs.get(steps - 1).value())
                            && Matrices.maxAbsDiff(yours.outputs().value(), firstInputOnly) < 1e-12;
                    assertThat(Matrices.maxAbsDiff(yours.outputs().value(), lib.outputs().value()))
                            .as("Exercise 09: outputs Y_t = H_t·W_hq + b_q stacked time-major (row t·batch + b), "
                                    + "batch %s, %s steps%s", batch, steps, readX1Always
                                            ? ": every step read the first input X_1; step t must read its own "
                                                    + "input X_t, the t-th of the list"
                                            : "").isLessThan(1e-12);
                    assertThat(Matrices.maxAbsDiff(yours.state().H().value(), lib.state().H().value()))
                            .as("Exercise 09: the returned state is H after the last step").isLessThan(1e-12);
                });
    }

    @Test
    @Order(5)
    @DisplayName("Gradients flow back through the loop: ∂ΣY/∂params match the library's")
    void gradientsMatchTheLibrary() {
        Props.qt(30).forAll(integers().between(1, 3), integers().between(1, 4), integers().between(1, 4), longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    int vocab = 3;
                    var inputs = randomInputs(steps, batch, vocab, seed);
                    var yours = TestData.randomParams(vocab, hidden, 1.0, seed);
                    var lib = TestData.randomParams(vocab, hidden, 1.0, seed);
                    var h0 = RnnState.initRnnState(batch, hidden);
                    sum(Ex09RnnStep.rnn(inputs, h0, yours).outputs()).backward();
                    sum(Rnn.rnn(inputs, h0, lib).outputs()).backward();
                    for (int i = 0; i < RnnParams.NAMES.size(); i++) {
                        assertThat(Matrices.maxAbsDiff(yours.list().get(i).grad(), lib.list().get(i).grad()))
                                .as("Exercise 09: the gradient of %s: build every step and every output from Ops "
                                        + "on the tensors you are given, nothing detached and no plain arrays, so "
                                        + "that back-propagation reaches every parameter", RnnParams.NAMES.get(i))
                                .isLessThan(1e-9);
                    }
                });
    }
}
