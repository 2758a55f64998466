package rnnscratch.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** The mean cross-entropy the training loop minimises, stated as sentences. Docs: docs/perplexity.md */
class CrossEntropyTest {
    @Test
    @DisplayName("Cross-entropy is never negative")
    void crossEntropyIsNonNegative() {
        Props.qt().forAll(integers().between(1, 10), integers().between(1, 30), longs().all()).checkAssert((n, v, s) -> {
            var loss = Ops.crossEntropy(Tensor.constant(Matrices.uniform(n, v, 20, s)), Matrices.labels(n, v, s));
            assertThat(loss.item()).as("−log of a probability is ≥ 0").isGreaterThanOrEqualTo(0.0);
        });
    }

    @Test
    @DisplayName("Cross-entropy of uniform logits is log V")
    void uniformLogitsGiveLogV() {
        Props.qt().forAll(integers().between(1, 10), integers().between(1, 60), longs().all()).checkAssert((n, v, s) -> {
            var logits = Mat.full(n, v, s % 1000 / 7.0);
            var loss = Ops.crossEntropy(Tensor.constant(logits), Matrices.labels(n, v, s));
            assertThat(loss.item()).as("every class has probability 1/V, so the loss is log V")
                    .isCloseTo(Math.log(v), within(1e-12));
        });
    }

    @Test
    @DisplayName("Cross-entropy stays finite for logits of magnitude 1e3, and so does its gradient")
    void largeLogitsStayFinite() {
        Props.qt().forAll(integers().between(1, 10), integers().between(2, 30), longs().all()).checkAssert((n, v, s) -> {
            var z = Tensor.param(Matrices.uniform(n, v, 1e3, s));
            var loss = Ops.crossEntropy(z, Matrices.labels(n, v, s));
            loss.backward();
            assertThat(Double.isFinite(loss.item())).as("loss %s must be finite", loss.item()).isTrue();
            assertThat(Mat.allFinite(z.grad())).as("the gradient must be finite").isTrue();
        });
    }

    @Test
    @DisplayName("A label outside the vocabulary is refused with the label and the shape")
    void labelOutsideVocabularyIsRefused() {
        assertThatThrownBy(() -> Ops.crossEntropy(Tensor.constant(new double[2][3]), new int[] {0, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 3")
                .hasMessageContaining("(2x3)");
    }
}
