package rnnscratch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Params;
import rnnscratch.testing.Props;

/**
 * The small functions of the training loop, each against its formula: {@code grad_clipping}'s threshold, perplexity's
 * inputs and the settings. (The updaters are in {@code rnnscratch.optim.UpdatersTest}.) Docs: docs/training.md
 */
class UpdateRulesTest {
    @Test
    @DisplayName("grad_clipping refuses a threshold θ that is zero, negative or NaN, and leaves the gradients alone")
    void clippingNeedsPositiveTheta() {
        for (double theta : new double[] {0.0, -1.0, Double.NaN, Double.NEGATIVE_INFINITY}) {
            var ps = Params.withGradients(2, 7);
            var grads = Params.copies(ps.stream().map(Tensor::grad).toList());
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
                    var ps = Params.withGradients(count, seed);
                    double expected = Math.sqrt(ps.stream().mapToDouble(p -> Mat.sumSquares(p.grad())).sum());
                    assertThat(GradClipping.gradClipping(ps, theta)).as("the norm before clipping to %s", theta)
                            .isCloseTo(expected, within(1e-12 * expected));
                    double exact = GradClipping.globalNorm(ps);
                    var grads = Params.copies(ps.stream().map(Tensor::grad).toList());
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
        assertThat(new MinibatchStats(1, 1, 2.0, 1.5, 1.0).clipped()).as("‖g‖ 1.5 > θ 1").isTrue();
        assertThat(new MinibatchStats(1, 1, 2.0, 1.0, 1.0).clipped()).as("‖g‖ 1 = θ 1").isFalse();
        assertThat(new MinibatchStats(1, 1, 2.0, 0.5, 1.0).clipped()).as("‖g‖ 0.5 < θ 1").isFalse();
        assertThat(new MinibatchStats(1, 1, 2.0, 1e300, Double.POSITIVE_INFINITY).clipped())
                .as("no clipping at θ = ∞").isFalse();
    }

    @Test
    @DisplayName("Perplexity is exp(Σ lᵢ·nᵢ / Σ nᵢ), the exponential of the token-weighted mean loss")
    void perplexityIsExpOfTheTokenWeightedMeanLoss() {
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
        });
        assertThat(Perplexity.perplexity(0.0, 1)).as("a loss of 0 on one token").isEqualTo(1.0);
    }

    @Test
    @DisplayName("Perplexity refuses no tokens at all and unequal numbers of losses and counts")
    void perplexityRefusesInputsWithoutAMean() {
        Props.qt().forAll(integers().between(1, 6)).checkAssert(n -> {
            var losses = new double[n];
            var counts = new int[n + 1];
            java.util.Arrays.fill(counts, 1);
            assertThatThrownBy(() -> Perplexity.perplexity(losses, counts))
                    .as("%d losses and %d counts", n, n + 1).isInstanceOf(IllegalArgumentException.class);
        });
        assertThatThrownBy(() -> Perplexity.perplexity(1.0, 0)).as("no tokens")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Perplexity.perplexity(new double[0], new int[0])).as("no minibatches")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("The training settings refuse θ that is not positive, sampleEvery below 1 and numPreds below 0")
    void optionsAreChecked() {
        var prefixes = List.of("a");
        for (double theta : new double[] {0.0, -1.0, Double.NaN}) {
            assertThatThrownBy(() -> Ch8Options.of(theta, "a", prefixes, 1, 1)).as("θ = %s", theta)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Ch8Options.of(1, "a", prefixes, 0, 1)).as("sampleEvery 0")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ch8Options.of(1, "a", prefixes, 1, -1)).as("numPreds −1")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Ch8Options.of(Double.POSITIVE_INFINITY, "a", prefixes, 1, 0).numPreds())
                .as("θ = ∞ (no clipping) and numPreds 0 are allowed").isZero();
    }

    @Test
    @DisplayName("The book's training settings are θ = 1, a \"time traveller\" sample every 10 epochs, 50 tokens, and "
            + "final predictions after \"time traveller\" and \"traveller\"")
    void bookSettings() {
        var book = Ch8Options.book();
        assertThat(book.theta()).as("the book's clipping threshold θ").isEqualTo(1.0);
        assertThat(book.sampleEvery()).as("epochs between the book's samples").isEqualTo(10);
        assertThat(book.numPreds()).as("tokens the book predicts after a prefix").isEqualTo(50);
        assertThat(book.samplePrefix()).as("the prefix of the book's samples").isEqualTo("time traveller");
        assertThat(book.finalPrefixes()).as("the prefixes of the book's final predictions")
                .containsExactly("time traveller", "traveller");
    }
}
