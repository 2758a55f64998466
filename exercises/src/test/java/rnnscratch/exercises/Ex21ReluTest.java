package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.add;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.mul;
import static rnnscratch.autograd.Ops.relu;
import static rnnscratch.autograd.Ops.sum;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
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

/** Exercise 21: ReLU instead of tanh. Docs: docs/bptt.md */
@Tag("exercise")
@Tag("ex21")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex21ReluTest {
    @Test
    @Order(1)
    @DisplayName("Worked example: one sequence, H = 2 units, one step where one unit is active and the other is cut "
            + "to 0")
    void workedExample() {
        // X·W_xh + H_0·W_hh + b_h = (1, −1) + (0.5, 0.5)·[[1, 0], [0, 1]] + (0, 0) = (1.5, −0.5) → ReLU → (1.5, 0)
        var p = RnnParams.of(new double[][] {{1, -1}, {0, 0}}, new double[][] {{1, 0}, {0, 1}}, new double[][] {{0, 0}},
                new double[][] {{1, 0}, {0, 1}}, new double[][] {{0, 0}});
        Tensor x = Tensor.constant(new double[][] {{1, 0}});
        Rnn.Output out = Ex21Relu.rnn(List.of(x), new RnnState(Tensor.constant(new double[][] {{0.5, 0.5}})), p);
        assertThat(out.state().H().value()).as("Exercise 21: H_1 should be ReLU((1, −1) + (0.5, 0.5)) = ReLU(1.5, "
                + "−0.5) = (1.5, 0); you returned %s", Arrays.deepToString(out.state().H().value()))
                .isDeepEqualTo(new double[][] {{1.5, 0}});
        assertThat(out.outputs().value()).as("Exercise 21: Y_1 = H_1·W_hq + b_q = (1.5, 0) (W_hq is the identity)")
                .isDeepEqualTo(new double[][] {{1.5, 0}});
        assertThat(out.hiddenStates()).as("Exercise 21: rnn returns every step's H_t (here one)").hasSize(1);
        // back one step: (dH ⊙ [H_1 > 0])·W_hhᵀ = ((2, 3) ⊙ (1, 0))·I = (2, 0)
        double[][] back = Ex21Relu.backOneStep(new double[][] {{2, 3}}, new double[][] {{1.5, 0}},
                new double[][] {{1, 2}, {3, 4}});
        assertThat(back).as("Exercise 21: backOneStep(dH = (2, 3), H = (1.5, 0), W_hh = [[1, 2], [3, 4]]) should be "
                + "(2, 0)·W_hhᵀ = (2, 6); you returned %s. The inactive unit (H = 0) passes nothing, the active one "
                + "all of its gradient", Arrays.deepToString(back))
                .isDeepEqualTo(new double[][] {{2, 6}});
    }

    @Test
    @Order(2)
    @DisplayName("rnn computes H_t = ReLU(X_t·W_xh + H_{t−1}·W_hh + b_h) at every step, and Y_t = H_t·W_hq + b_q")
    void rnnIsTheEquation() {
        Props.qt().forAll(integers().between(1, 3), integers().between(1, 5), integers().between(1, 5), longs().all())
                .checkAssert((batch, steps, hidden, seed) -> {
                    int vocab = 4;
                    var p = TestData.randomParams(vocab, hidden, 1.0, seed);
                    int[][] xt = TestData.tokens(steps, batch, vocab, seed + 1);
                    double[][] h = Matrices.uniform(batch, hidden, 1.0, seed + 2);
                    Rnn.Output out = Ex21Relu.rnn(OneHot.oneHot(xt, vocab), new RnnState(Tensor.constant(h)), p);
                    assertThat(out.hiddenStates()).as("Exercise 21: one H_t per step").hasSize(steps);
                    for (int t = 0; t < steps; t++) {
                        double[][] x = Mat.oneHot(xt[t], vocab);
                        h = Mat.relu(Mat.addRowVector(Mat.add(MatMul.mm(x, p.W_xh().value()),
                                MatMul.mm(h, p.W_hh().value())), p.b_h().value()));
                        double[][] y = Mat.addRowVector(MatMul.mm(h, p.W_hq().value()), p.b_q().value());
                        assertThat(Matrices.maxAbsDiff(out.hiddenStates().get(t).value(), h))
                                .as("Exercise 21: H_%d should be ReLU(X_t·W_xh + H_{t−1}·W_hh + b_h) = %s, you "
                                        + "returned %s", t + 1, Arrays.deepToString(h),
                                        Arrays.deepToString(out.hiddenStates().get(t).value())).isLessThan(1e-12);
                        double[][] yours = Arrays.copyOfRange(out.outputs().value(), t * batch, (t + 1) * batch);
                        assertThat(Matrices.maxAbsDiff(yours, y)).as("Exercise 21: Y_%d, rows %d … %d of the outputs "
                                + "(time-major), should be H_%d·W_hq + b_q = %s, with no ReLU on the outputs; you "
                                + "returned %s", t + 1, t * batch, (t + 1) * batch - 1, t + 1, Arrays.deepToString(y),
                                Arrays.deepToString(yours)).isLessThan(1e-12);
                    }
                    assertThat(out.state().H().value()).as("Exercise 21: the state after the last step")
                            .isDeepEqualTo(out.hiddenStates().get(steps - 1).value());
                });
    }

    @Test
    @Order(3)
    @DisplayName("Gradients flow back through rnn: every parameter gets the gradient of a loss on the outputs")
    void gradientsFlow() {
        var rng = new Random(7);
        var p = TestData.randomParams(3, 4, 1.0, rng.nextLong());
        var inputs = OneHot.oneHot(TestData.tokens(3, 2, 3, rng.nextLong()), 3);
        var h0 = new RnnState(Tensor.constant(Matrices.uniform(2, 4, 1.0, rng.nextLong())));
        sum(Ex21Relu.rnn(inputs, h0, p).outputs()).backward();
        for (int i = 0; i < 5; i++) {
            assertThat(Mat.norm(p.list().get(i).grad())).as("Exercise 21: ‖∂ℓ/∂%s‖ after backward(): build rnn from "
                    + "the autograd's operations (Ops), not from plain arrays", RnnParams.NAMES.get(i)).isPositive();
        }
    }

    @Test
    @Order(4)
    @DisplayName("backOneStep is the autograd's gradient of H_{t−1} through one ReLU step")
    void backOneStepIsTheAutogradsGradient() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 6), longs().all())
                .checkAssert((batch, hidden, seed) -> {
                    var rng = new Random(seed);
                    Tensor hPrev = Tensor.param(Matrices.uniform(batch, hidden, 1.0, rng.nextLong()));
                    double[][] W_hh = Matrices.uniform(hidden, hidden, 1.0, rng.nextLong());
                    double[][] input = Matrices.uniform(batch, hidden, 1.0, rng.nextLong()); // X·W_xh + b_h
                    double[][] dH = Matrices.uniform(batch, hidden, 1.0, rng.nextLong());
                    Tensor h = relu(add(Tensor.constant(input), mm(hPrev, Tensor.constant(W_hh))));
                    sum(mul(h, Tensor.constant(dH))).backward(); // ∂ℓ/∂H_t = dH
                    double[][] yours = Ex21Relu.backOneStep(dH, h.value(), W_hh);
                    assertThat(Matrices.maxAbsDiff(yours, hPrev.grad())).as("Exercise 21: what ∂ℓ/∂H_t = %s sends "
                            + "back to H_{t−1} through H_t = %s with W_hh = %s: the autograd gives %s, you returned %s",
                            Arrays.deepToString(dH), Arrays.deepToString(h.value()), Arrays.deepToString(W_hh),
                            Arrays.deepToString(hPrev.grad()), Arrays.deepToString(yours)).isLessThan(1e-12);
                });
    }

    @Test
    @Order(5)
    @DisplayName("ReLU's step back scales no active unit down: with W_hh = I, an active unit's gradient passes whole")
    void activeUnitsPassEverything() {
        Props.qt(30).forAll(integers().between(1, 6), longs().all()).checkAssert((hidden, seed) -> {
            double[][] H = Matrices.uniform(1, hidden, 1.0, seed);
            double[][] dH = Matrices.uniform(1, hidden, 1.0, seed + 1);
            double[][] back = Ex21Relu.backOneStep(dH, H, Mat.identity(hidden));
            for (int j = 0; j < hidden; j++) {
                assertThat(back[0][j]).as("Exercise 21: unit %d with H = %s (tanh would pass only 1 − H² of it)", j,
                        H[0][j]).isCloseTo(H[0][j] > 0 ? dH[0][j] : 0.0, within(1e-15));
            }
        });
    }

    @Test
    @Order(6)
    @DisplayName("backOneStep leaves dH, H and W_hh as they were: it returns a new matrix")
    void backOneStepChangesNothingItReads() {
        Props.qt(30).forAll(integers().between(1, 4), integers().between(1, 6), longs().all())
                .checkAssert((batch, hidden, seed) -> {
                    var rng = new Random(seed);
                    double[][] dH = Matrices.uniform(batch, hidden, 1.0, rng.nextLong());
                    double[][] H = Mat.relu(Matrices.uniform(batch, hidden, 1.0, rng.nextLong()));
                    double[][] W_hh = Matrices.uniform(hidden, hidden, 1.0, rng.nextLong());
                    double[][] dHBefore = Mat.copy(dH);
                    double[][] HBefore = Mat.copy(H);
                    double[][] W_hhBefore = Mat.copy(W_hh);
                    Ex21Relu.backOneStep(dH, H, W_hh);
                    assertThat(dH).as("Exercise 21: dH = ∂ℓ/∂H_t after backOneStep(dH, H = %s, W_hh): mask into a "
                            + "new matrix, not into dH: the caller still needs ∂ℓ/∂H_t itself (bptt, exercise 19, "
                            + "lists every ∂ℓ/∂H_t)", Arrays.deepToString(HBefore)).isDeepEqualTo(dHBefore);
                    assertThat(H).as("Exercise 21: H = H_t after backOneStep").isDeepEqualTo(HBefore);
                    assertThat(W_hh).as("Exercise 21: W_hh after backOneStep").isDeepEqualTo(W_hhBefore);
                });
    }
}
