package rnnscratch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.RnnState;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * The update rules and the small functions of the training loop, each against its formula: {@code sgd},
 * {@link SgdOptimizer}, {@code grad_clipping}'s threshold, perplexity's inputs, the state a minibatch starts from and
 * the settings. Docs: docs/training.md
 */
class UpdateRulesTest {
    /** Parameters with random values and random gradients. */
    private static List<Tensor> params(int count, long seed) {
        var rng = new Random(seed);
        var params = new ArrayList<Tensor>();
        for (int i = 0; i < count; i++) {
            var p = Tensor.param(Matrices.uniform(1 + rng.nextInt(3), 1 + rng.nextInt(3), 2.0, rng.nextLong()));
            Mat.addInPlace(p.grad(), Matrices.uniform(p.rows(), p.cols(), 3.0, rng.nextLong()));
            params.add(p);
        }
        return params;
    }

    private static List<double[][]> copies(List<double[][]> arrays) {
        return arrays.stream().map(Matrices::copyOf).toList();
    }

    @Test
    @DisplayName("sgd(params, lr, b) moves every parameter by −lr·grad/b and then sets every gradient to 0")
    void sgdDividesByTheBatchSize() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(0.01, 3), integers().between(1, 64), longs().all())
                .checkAssert((count, lr, batch, seed) -> {
                    var ps = params(count, seed);
                    var values = copies(ps.stream().map(Tensor::value).toList());
                    var grads = copies(ps.stream().map(Tensor::grad).toList());
                    Sgd.sgd(ps, lr, batch);
                    for (int k = 0; k < count; k++) {
                        var expected = Mat.sub(values.get(k), Mat.scale(grads.get(k), lr / batch));
                        assertThat(Matrices.maxAbsDiff(ps.get(k).value(), expected))
                                .as("parameter %d after sgd with lr %s and batch size %d", k, lr, batch)
                                .isLessThan(1e-12);
                        assertThat(Mat.sumSquares(ps.get(k).grad())).as("gradient %d after sgd", k).isZero();
                    }
                });
    }

    @Test
    @DisplayName("SgdOptimizer.step() moves every parameter by −lr·grad and keeps the gradients; zeroGrad() clears "
            + "them")
    void sgdOptimizerStepAndZeroGrad() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(0.01, 3), longs().all())
                .checkAssert((count, lr, seed) -> {
                    var ps = params(count, seed);
                    var values = copies(ps.stream().map(Tensor::value).toList());
                    var grads = copies(ps.stream().map(Tensor::grad).toList());
                    var optimizer = new SgdOptimizer(ps, lr);
                    optimizer.step();
                    for (int k = 0; k < count; k++) {
                        var expected = Mat.sub(values.get(k), Mat.scale(grads.get(k), lr));
                        assertThat(Matrices.maxAbsDiff(ps.get(k).value(), expected))
                                .as("parameter %d after one step with lr %s", k, lr).isLessThan(1e-12);
                        assertThat(ps.get(k).grad()).as("gradient %d after step()", k).isDeepEqualTo(grads.get(k));
                    }
                    optimizer.zeroGrad();
                    for (Tensor p : ps) {
                        assertThat(Mat.sumSquares(p.grad())).as("a gradient after zeroGrad()").isZero();
                    }
                });
    }

    @Test
    @DisplayName("SgdOptimizer refuses an empty parameter list and a learning rate that is not positive")
    void sgdOptimizerRefusesBadSettings() {
        var p = Tensor.param(new double[][] {{1}});
        assertThatThrownBy(() -> new SgdOptimizer(List.of(), 0.1)).as("no parameters")
                .isInstanceOf(IllegalArgumentException.class);
        for (double lr : new double[] {0.0, -0.5, Double.NaN}) {
            assertThatThrownBy(() -> new SgdOptimizer(List.of(p), lr)).as("lr = %s", lr)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("Adam refuses an empty parameter list, β outside [0, 1), a non-positive ε, and counts its steps")
    void adamSettingsAndSteps() {
        var p = Tensor.param(new double[][] {{1}});
        assertThatThrownBy(() -> new Adam(List.of(), 0.1)).as("no parameters")
                .isInstanceOf(IllegalArgumentException.class);
        double[][] bad = {{0.1, -0.1, 0.999, 1e-8}, {0.1, 1.0, 0.999, 1e-8}, {0.1, 0.9, -0.1, 1e-8},
            {0.1, 0.9, 1.0, 1e-8}, {0.1, 0.9, 0.999, 0.0}, {Double.NaN, 0.9, 0.999, 1e-8}};
        for (double[] s : bad) {
            assertThatThrownBy(() -> new Adam(List.of(p), s[0], s[1], s[2], s[3]))
                    .as("lr %s, β₁ %s, β₂ %s, ε %s", s[0], s[1], s[2], s[3])
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Adam(List.of(p), 0.1, 0.0, 0.0, 1e-8).steps()).as("β = 0 is allowed").isZero();
        var computed = rnnscratch.autograd.Ops.tanh(p);
        assertThatThrownBy(() -> new Adam(List.of(computed), 0.1)).as("a computed tensor is not a parameter")
                .isInstanceOf(IllegalArgumentException.class);
        var adam = new Adam(List.of(p), 0.1);
        adam.step();
        adam.step();
        assertThat(adam.steps()).as("steps after two step() calls").isEqualTo(2);
    }

    @Test
    @DisplayName("grad_clipping refuses a threshold θ that is zero, negative or NaN, and leaves the gradients alone")
    void clippingNeedsPositiveTheta() {
        for (double theta : new double[] {0.0, -1.0, Double.NaN, Double.NEGATIVE_INFINITY}) {
            var ps = params(2, 7);
            var grads = copies(ps.stream().map(Tensor::grad).toList());
            assertThatThrownBy(() -> GradClipping.gradClipping(ps, theta)).as("θ = %s", theta)
                    .isInstanceOf(IllegalArgumentException.class);
            for (int k = 0; k < ps.size(); k++) {
                assertThat(ps.get(k).grad()).as("gradient %d after a refused θ = %s", k, theta)
                        .isDeepEqualTo(grads.get(k));
            }
        }
    }

    @Test
    @DisplayName("grad_clipping returns the global norm before clipping, √(Σ over all parameters of Σ grad²), and a "
            + "norm exactly θ is left as it is")
    void clippingReturnsTheNormBefore() {
        Props.qt().forAll(integers().between(1, 4), doubles().between(0.01, 10), longs().all())
                .checkAssert((count, theta, seed) -> {
                    var ps = params(count, seed);
                    double expected = Math.sqrt(ps.stream().mapToDouble(p -> Mat.sumSquares(p.grad())).sum());
                    assertThat(GradClipping.gradClipping(ps, theta)).as("the norm before clipping to %s", theta)
                            .isCloseTo(expected, within(1e-12 * expected));
                    double exact = GradClipping.globalNorm(ps);
                    var grads = copies(ps.stream().map(Tensor::grad).toList());
                    GradClipping.gradClipping(ps, exact);
                    for (int k = 0; k < count; k++) {
                        assertThat(ps.get(k).grad()).as("gradient %d with θ equal to its norm", k)
                                .isDeepEqualTo(grads.get(k));
                    }
                });
    }

    @Test
    @DisplayName("A minibatch counts as clipped exactly when its gradient norm is above θ")
    void clippedMeansAboveTheta() {
        assertThat(new MinibatchStats(1, 1, 2.0, 1.5, 1.0, new double[0]).clipped()).as("‖g‖ 1.5 > θ 1").isTrue();
        assertThat(new MinibatchStats(1, 1, 2.0, 1.0, 1.0, new double[0]).clipped()).as("‖g‖ 1 = θ 1").isFalse();
        assertThat(new MinibatchStats(1, 1, 2.0, 0.5, 1.0, new double[0]).clipped()).as("‖g‖ 0.5 < θ 1").isFalse();
        assertThat(new MinibatchStats(1, 1, 2.0, 1e300, Double.POSITIVE_INFINITY, new double[0]).clipped())
                .as("no clipping at θ = ∞").isFalse();
    }

    @Test
    @DisplayName("Perplexity is exp(Σ lᵢ·nᵢ / Σ nᵢ); it refuses no tokens at all and unequal numbers of losses and "
            + "counts")
    void perplexityFormulaAndInputs() {
        Props.qt().forAll(integers().between(1, 6), longs().all()).checkAssert((n, seed) -> {
            var rng = new Random(seed);
            var losses = new double[n];
            var counts = new int[n];
            double sum = 0;
            long tokens = 0;
            for (int i = 0; i < n; i++) {
                losses[i] = 3 * rng.nextDouble();
                counts[i] = 1 + rng.nextInt(50);
                sum += losses[i] * counts[i];
                tokens += counts[i];
            }
            double expected = Math.exp(sum / tokens);
            assertThat(Perplexity.perplexity(losses, counts)).as("perplexity of %d minibatches", n)
                    .isCloseTo(expected, within(1e-12 * expected));
            assertThat(Perplexity.perplexity(sum, tokens)).as("perplexity from the sums")
                    .isCloseTo(expected, within(1e-12 * expected));
            assertThatThrownBy(() -> Perplexity.perplexity(losses, java.util.Arrays.copyOf(counts, n + 1)))
                    .as("%d losses and %d counts", n, n + 1).isInstanceOf(IllegalArgumentException.class);
        });
        assertThatThrownBy(() -> Perplexity.perplexity(1.0, 0)).as("no tokens")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Perplexity.perplexity(new double[0], new int[0])).as("no minibatches")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Perplexity.perplexity(0.0, 1)).as("a loss of 0 on one token").isEqualTo(1.0);
    }

    @Test
    @DisplayName("A minibatch starts from zeros when it is the first or drawn at random; otherwise from the previous "
            + "state, the same values with its history cut")
    void stateForMinibatch() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 5), longs().all()).checkAssert((b, h, s) -> {
            var fresh = TrainCh8.stateForMinibatch(Optional.empty(), false, b, h);
            assertThat(fresh.H().value()).as("the first minibatch's state").isDeepEqualTo(new double[b][h]);
            var w = Tensor.param(Matrices.uniform(b, h, 1.0, s));
            var previous = new RnnState(rnnscratch.autograd.Ops.tanh(w));
            var values = Matrices.copyOf(previous.H().value());
            var random = TrainCh8.stateForMinibatch(Optional.of(previous), true, b, h);
            assertThat(random.H().value()).as("with random iteration every minibatch starts from zeros")
                    .isDeepEqualTo(new double[b][h]);
            assertThat(previous.H().requiresGrad()).as("random iteration leaves the previous state alone").isTrue();
            var next = TrainCh8.stateForMinibatch(Optional.of(previous), false, b, h);
            assertThat(next.H().value()).as("sequential iteration continues from the previous values")
                    .isDeepEqualTo(values);
            assertThat(next.H().requiresGrad()).as("…with no history: no gradient flows into the last minibatch")
                    .isFalse();
        });
    }

    @Test
    @DisplayName("The training settings refuse θ that is not positive, sampleEvery below 1 and numPreds below 0; the "
            + "book's are θ = 1, \"time traveller\" every 10 epochs, 50 tokens")
    void optionsAreChecked() {
        var prefixes = List.of("a");
        for (double theta : new double[] {0.0, -1.0, Double.NaN}) {
            assertThatThrownBy(() -> new Ch8Options(theta, "a", prefixes, 1, 1)).as("θ = %s", theta)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Ch8Options(1, "a", prefixes, 0, 1)).as("sampleEvery 0")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ch8Options(1, "a", prefixes, 1, -1)).as("numPreds −1")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Ch8Options(Double.POSITIVE_INFINITY, "a", prefixes, 1, 0).numPreds())
                .as("θ = ∞ (no clipping) and numPreds 0 are allowed").isZero();
        var book = Ch8Options.book();
        assertThat(book.theta()).isEqualTo(1.0);
        assertThat(book.sampleEvery()).isEqualTo(10);
        assertThat(book.numPreds()).isEqualTo(50);
        assertThat(book.samplePrefix()).isEqualTo("time traveller");
        assertThat(book.finalPrefixes()).containsExactly("time traveller", "traveller");
    }
}
