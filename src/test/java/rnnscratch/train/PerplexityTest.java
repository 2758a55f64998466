package rnnscratch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.autograd.Ops;
import rnnscratch.autograd.Tensor;
import rnnscratch.tensor.Mat;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** Perplexity (困惑度), stated as sentences. Docs: docs/perplexity.md */
class PerplexityTest {
    private static double perplexityOf(double[][] logits, int[] labels) {
        double meanLoss = Ops.crossEntropy(Tensor.constant(logits), labels).item();
        return Perplexity.perplexity(meanLoss * labels.length, labels.length);
    }

    @Test
    @DisplayName("Perplexity is at least 1 for any logits and labels")
    void perplexityIsAtLeastOne() {
        Props.qt().forAll(integers().between(1, 20), integers().between(1, 30), doubles().between(0, 50), longs().all())
                .checkAssert((n, v, range, seed) -> assertThat(perplexityOf(Matrices.uniform(n, v, range, seed),
                        Matrices.labels(n, v, seed))).as("exp of a non-negative mean loss").isGreaterThanOrEqualTo(1.0));
    }

    @Test
    @DisplayName("Perplexity of uniform logits equals the vocabulary size V")
    void uniformLogitsGivePerplexityV() {
        Props.qt().forAll(integers().between(1, 20), integers().between(1, 100), longs().all())
                .checkAssert((n, v, seed) -> assertThat(perplexityOf(new double[n][v], Matrices.labels(n, v, seed)))
                        .as("guessing uniformly among V tokens").isCloseTo(v, within(1e-9 * v)));
    }

    @Test
    @DisplayName("Perplexity approaches 1 as the logits put all mass on the right labels")
    void confidentRightAnswersGivePerplexityNearOne() {
        Props.qt().forAll(integers().between(1, 20), integers().between(2, 30), longs().all()).checkAssert((n, v, seed) -> {
            int[] labels = Matrices.labels(n, v, seed);
            double previous = Double.POSITIVE_INFINITY;
            for (double margin : new double[] {1, 5, 10, 20, 40}) {
                var logits = Mat.scale(Mat.oneHot(labels, v), margin);
                double ppl = perplexityOf(logits, labels);
                assertThat(ppl).as("a larger margin on the right label lowers perplexity").isLessThan(previous);
                previous = ppl;
            }
            assertThat(previous).as("with a margin of 40 the model is all but certain").isCloseTo(1.0, within(1e-12));
        });
    }
}
