package rnnscratch.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.add;
import static rnnscratch.autograd.Ops.addBias;
import static rnnscratch.autograd.Ops.catRows;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.mul;
import static rnnscratch.autograd.Ops.sum;
import static rnnscratch.autograd.Ops.tanh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * {@code retainGrad()} (PyTorch's {@code retain_grad()}): backward keeps the gradient of a computed tensor when asked,
 * and nothing else changes. The graph is a small RNN unrolled over a few steps, as in training: the hidden states
 * {@code H_t} are the computed tensors whose gradients a report shows. Docs: docs/tensor-and-autograd.md
 */
class RetainGradTest {
    /** Values of a small RNN and a fixed random weighting R of its outputs. */
    record Net(double[][] wxh, double[][] whh, double[][] bh, double[][] whq, List<double[][]> xs,
            double[][] r) {
        static Net random(int batch, int inputs, int hidden, int steps, long seed) {
            var rng = new Random(seed);
            var xs = new ArrayList<double[][]>();
            for (int t = 0; t < steps; t++) {
                xs.add(Matrices.uniform(batch, inputs, 1, rng.nextLong()));
            }
            return new Net(Matrices.uniform(inputs, hidden, 0.8, rng.nextLong()),
                    Matrices.uniform(hidden, hidden, 0.8, rng.nextLong()), Matrices.uniform(1, hidden, 0.5,
                    rng.nextLong()), Matrices.uniform(hidden, 3, 1, rng.nextLong()), xs,
                    Matrices.uniform(steps * batch, 3, 1, rng.nextLong()));
        }
    }

    /** One forward pass: the parameters (leaves), every step's hidden state H_t, and the loss Σ R ⊙ [H_t·W_hq]_t. */
    record Pass(List<Tensor> params, List<Tensor> hidden, Tensor loss) {}

    /**
     * Runs the RNN {@code H_t = tanh(X_t·W_xh + H_{t−1}·W_hh + b_h)}, then {@code l = Σ R ⊙ catRows(H_t·W_hq)}. When
     * {@code replace} is given, the hidden state of step {@code replaceAt} is replaced by that constant value (for
     * finite differences with respect to H_t).
     */
    static Pass forward(Net n, int replaceAt, Optional<double[][]> replace) {
        var wxh = Tensor.param(Mat.copy(n.wxh()));
        var whh = Tensor.param(Mat.copy(n.whh()));
        var bh = Tensor.param(Mat.copy(n.bh()));
        var whq = Tensor.param(Mat.copy(n.whq()));
        Tensor h = Tensor.constant(new double[n.xs().get(0).length][n.whh().length]);
        var hidden = new ArrayList<Tensor>();
        var outputs = new ArrayList<Tensor>();
        for (int t = 0; t < n.xs().size(); t++) {
            h = tanh(addBias(add(mm(Tensor.constant(n.xs().get(t)), wxh), mm(h, whh)), bh));
            if (t == replaceAt && replace.isPresent()) {
                h = Tensor.constant(replace.get());
            }
            hidden.add(h);
            outputs.add(mm(h, whq));
        }
        Tensor loss = sum(mul(catRows(outputs), Tensor.constant(n.r())));
        return new Pass(List.of(wxh, whh, bh, whq), hidden, loss);
    }

    static Pass forward(Net n) {
        return forward(n, -1, Optional.empty());
    }

    @Test
    @DisplayName("The retained gradient of a hidden state H_t equals the finite-difference gradient ∂l/∂H_t")
    void retainedGradientEqualsFiniteDifferences() {
        Props.qt(60).forAll(integers().between(1, 3), integers().between(1, 4), integers().between(1, 5), longs().all())
                .checkAssert((batch, hidden, steps, seed) -> {
                    Net n = Net.random(batch, 3, hidden, steps, seed);
                    Pass pass = forward(n);
                    pass.hidden().forEach(Tensor::retainGrad);
                    pass.loss().backward();
                    double eps = 1e-6;
                    for (int t = 0; t < steps; t++) {
                        double[][] h = pass.hidden().get(t).value();
                        for (int i = 0; i < h.length; i++) {
                            for (int j = 0; j < h[i].length; j++) {
                                double[][] plus = Mat.copy(h);
                                double[][] minus = Mat.copy(h);
                                plus[i][j] += eps;
                                minus[i][j] -= eps;
                                double numeric = (forward(n, t, Optional.of(plus)).loss().item()
                                        - forward(n, t, Optional.of(minus)).loss().item()) / (2 * eps);
                                double analytic = pass.hidden().get(t).grad()[i][j];
                                double rel = Math.abs(analytic - numeric)
                                        / Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
                                assertThat(rel).as("∂l/∂H_%d[%d][%d]: %.12g kept by retainGrad, %.12g by finite "
                                        + "differences", t + 1, i, j, analytic, numeric).isLessThan(1e-6);
                            }
                        }
                    }
                });
    }

    @Test
    @DisplayName("For l = Σ R ⊙ Y, the retained gradient of the computed tensor Y is exactly R")
    void retainedGradientOfALinearLossIsItsWeight() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), longs().all()).checkAssert((r, c, s) -> {
            var a = Tensor.param(Matrices.uniform(r, c, 1, s));
            var b = Tensor.param(Matrices.uniform(c, c, 1, s + 1));
            double[][] weight = Matrices.uniform(r, c, 1, s + 2);
            Tensor y = mm(a, b).retainGrad();
            sum(mul(y, Tensor.constant(weight))).backward();
            assertThat(Matrices.bitIdentical(y.grad(), weight)).as("∂(Σ R ⊙ Y)/∂Y = R").isTrue();
        });
    }

    @Test
    @DisplayName("Retaining gradients leaves every other gradient bit for bit unchanged: the parameters' and those of "
            + "tensors retained anyway")
    void retainingChangesNoOtherGradient() {
        Props.qt(60).forAll(integers().between(1, 3), integers().between(1, 6), integers().between(1, 6), longs().all())
                .checkAssert((batch, hidden, steps, seed) -> {
                    Net n = Net.random(batch, 4, hidden, steps, seed);
                    var pick = new Random(seed);
                    var some = new boolean[steps];
                    var more = new boolean[steps];
                    for (int t = 0; t < steps; t++) {
                        some[t] = pick.nextBoolean();
                        more[t] = some[t] || pick.nextBoolean();
                    }
                    Pass plain = forward(n);
                    Pass fewer = forward(n);
                    Pass most = forward(n);
                    for (int t = 0; t < steps; t++) {
                        if (some[t]) {
                            fewer.hidden().get(t).retainGrad();
                        }
                        if (more[t]) {
                            most.hidden().get(t).retainGrad();
                        }
                    }
                    for (Pass p : List.of(plain, fewer, most)) {
                        p.loss().backward();
                    }
                    for (int p = 0; p < plain.params().size(); p++) {
                        assertThat(Matrices.bitIdentical(plain.params().get(p).grad(), most.params().get(p).grad()))
                                .as("parameter %d's gradient with hidden states retained at %s and with none", p,
                                        java.util.Arrays.toString(more))
                                .isTrue();
                    }
                    for (int t = 0; t < steps; t++) {
                        if (some[t]) {
                            assertThat(Matrices.bitIdentical(fewer.hidden().get(t).grad(),
                                    most.hidden().get(t).grad()))
                                    .as("∂l/∂H_%d when H_%d alone is retained vs when others are retained too", t + 1,
                                            t + 1)
                                    .isTrue();
                        }
                    }
                });
    }

    @Test
    @DisplayName("Off unless asked: after backward a computed tensor that did not ask has no gradient (all zeros)")
    void notRetainedMeansNoGradient() {
        Props.qt(40).forAll(integers().between(1, 3), integers().between(1, 4), integers().between(1, 4), longs().all())
                .checkAssert((batch, hidden, steps, seed) -> {
                    Pass pass = forward(Net.random(batch, 2, hidden, steps, seed));
                    pass.loss().backward();
                    for (int t = 0; t < steps; t++) {
                        assertThat(Matrices.maxAbsDiff(pass.hidden().get(t).grad(), new double[batch][hidden]))
                                .as("H_%d did not ask retainGrad: backward keeps no gradient for it", t + 1).isZero();
                    }
                    assertThat(Matrices.maxAbsDiff(pass.params().get(3).grad(), new double[hidden][3]))
                            .as("while the parameters do get theirs (W_hq)").isPositive();
                });
    }

    @Test
    @DisplayName("retainGrad on a parameter, on a constant, or twice on the same tensor changes nothing")
    void retainGradOnLeavesAndTwiceIsHarmless() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all()).checkAssert((r, c, s) -> {
            double[][] wv = Matrices.uniform(c, c, 1, s);
            double[][] xv = Matrices.uniform(r, c, 1, s + 1);
            var w1 = Tensor.param(Mat.copy(wv));
            var x1 = Tensor.constant(xv);
            Tensor y1 = tanh(mm(x1, w1));
            sum(y1).backward();

            var w2 = Tensor.param(Mat.copy(wv)).retainGrad().retainGrad();
            var x2 = Tensor.constant(xv).retainGrad();
            Tensor y2 = tanh(mm(x2, w2)).retainGrad().retainGrad();
            sum(y2).backward();
            assertThat(Matrices.bitIdentical(w1.grad(), w2.grad()))
                    .as("a parameter's gradient is counted once, whether or not it asked retainGrad").isTrue();
            assertThat(Matrices.maxAbsDiff(x2.grad(), new double[r][c])).as("a constant never gets a gradient")
                    .isZero();
            assertThat(Matrices.bitIdentical(y2.grad(), Mat.full(r, c, 1.0)))
                    .as("∂(Σ Y)/∂Y = 1 everywhere, counted once although retainGrad was asked twice").isTrue();
        });
    }

    @Test
    @DisplayName("A retained gradient accumulates over backward calls like a parameter's, until zeroGrad")
    void retainedGradientAccumulates() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), longs().all()).checkAssert((r, c, s) -> {
            var w = Tensor.param(Matrices.uniform(c, c, 1, s));
            Tensor y = mm(Tensor.constant(Matrices.uniform(r, c, 1, s + 1)), w).retainGrad();
            Tensor loss = sum(tanh(y));
            loss.backward();
            double[][] once = Matrices.copyOf(y.grad());
            loss.backward();
            assertThat(Matrices.bitIdentical(y.grad(), Mat.scale(once, 2.0)))
                    .as("two backward() calls: twice the retained gradient").isTrue();
            y.zeroGrad();
            assertThat(Matrices.maxAbsDiff(y.grad(), new double[r][c])).as("zeroGrad resets it").isZero();
        });
    }
}
