package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static rnnscratch.autograd.Ops.mm;
import static rnnscratch.autograd.Ops.mul;
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
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** Exercise 20: learned embeddings instead of one-hot vectors. Docs: docs/bptt.md */
@Tag("exercise")
@Tag("ex20")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex20EmbeddingTest {
    private static int[] ids(int batch, int vocab, long seed) {
        return TestData.tokens(1, batch, vocab, seed)[0];
    }

    @Test
    @Order(1)
    @DisplayName("Worked example: V = 3 tokens embedded in d = 2 numbers, a step reading tokens 2, 0, 2")
    void workedExample() {
        double[][] E = {{1, 2}, {3, 4}, {5, 6}};
        int[] ids = {2, 0, 2};
        assertThat(Ex20Embedding.lookup(E, ids)).as("Exercise 20: lookup(E, [2, 0, 2]) is the rows E[2], E[0], E[2]")
                .isDeepEqualTo(new double[][] {{5, 6}, {1, 2}, {5, 6}});
        double[][] dX = {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}};
        double[][] dE = Ex20Embedding.lookupBackward(dX, ids, 3);
        assertThat(dE).as("Exercise 20: the gradient of E has E's shape, V × d = 3 × 2").hasDimensions(3, 2);
        assertThat(dE[2]).as("Exercise 20: row 2 of ∂ℓ/∂E: token 2 was read twice (rows 0 and 2 of X), so both rows "
                + "of ∂ℓ/∂X add up: (0.1 + 0.5, 0.2 + 0.6)").containsExactly(new double[] {0.6, 0.8},
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(dE[0]).as("Exercise 20: row 0 of ∂ℓ/∂E: token 0 was read once, by row 1 of X")
                .containsExactly(0.3, 0.4);
        assertThat(dE[1]).as("Exercise 20: row 1 of ∂ℓ/∂E: token 1 was not read, so its row gets no gradient")
                .containsExactly(0.0, 0.0);
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: a step reading only token 1 still gives ∂ℓ/∂E for all V = 3 tokens")
    void workedExampleGradientHasTheShapeOfE() {
        double[][] dE = TestData.explained("Exercise 20: lookupBackward([[0.1, 0.2]], [1], V = 3): ∂ℓ/∂E has E's "
                + "shape V × d = 3 × 2, one row per token of the vocabulary, not one per row of ∂ℓ/∂X",
                () -> Ex20Embedding.lookupBackward(new double[][] {{0.1, 0.2}}, new int[] {1}, 3));
        assertThat(dE).as("Exercise 20: ∂ℓ/∂E for a step that read token 1 once: row 1 is the row of ∂ℓ/∂X, rows 0 and "
                + "2 are zeros (V × d = 3 × 2)").isDeepEqualTo(new double[][] {{0, 0}, {0.1, 0.2}, {0, 0}});
    }

    @Test
    @Order(3)
    @DisplayName("The lookup is the one-hot product: E[ids] equals onehot(ids)·E, exactly")
    void lookupIsTheOneHotProduct() {
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 5), integers().between(1, 6), longs().all())
                .checkAssert((vocab, d, batch, seed) -> {
                    double[][] E = Matrices.uniform(vocab, d, 1.0, seed);
                    int[] ids = ids(batch, vocab, seed + 1);
                    double[][] product = MatMul.mm(Mat.oneHot(ids, vocab), E);
                    double[][] yours = Ex20Embedding.lookup(E, ids);
                    assertThat(yours).as("Exercise 20: lookup(E, %s) with V = %d, d = %d: row b is row ids[b] of E, "
                            + "what onehot(ids)·E gives", Arrays.toString(ids), vocab, d).isDeepEqualTo(product);
                });
    }

    @Test
    @Order(4)
    @DisplayName("The lookup returns new rows: writing into them leaves E unchanged")
    void lookupCopies() {
        Props.qt(30).forAll(integers().between(1, 6), integers().between(1, 4), longs().all())
                .checkAssert((vocab, batch, seed) -> {
                    double[][] E = Matrices.uniform(vocab, 3, 1.0, seed);
                    double[][] before = Mat.copy(E);
                    double[][] x = Ex20Embedding.lookup(E, ids(batch, vocab, seed));
                    for (double[] row : x) {
                        Arrays.fill(row, 99.0);
                    }
                    assertThat(E).as("Exercise 20: E after writing into lookup's result: copy the rows, or the "
                            + "model's input would be the embedding matrix itself").isDeepEqualTo(before);
                });
    }

    @Test
    @Order(5)
    @DisplayName("lookupBackward is the autograd's gradient of E through onehot(ids)·E, repeated tokens included")
    void backwardIsTheAutogradsGradient() {
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 5), integers().between(1, 10), longs().all())
                .checkAssert((vocab, d, batch, seed) -> {
                    var rng = new Random(seed);
                    Tensor E = Tensor.param(Matrices.uniform(vocab, d, 1.0, rng.nextLong()));
                    int[] ids = ids(batch, vocab, rng.nextLong());
                    double[][] dX = Matrices.uniform(batch, d, 1.0, rng.nextLong());
                    // ℓ = Σ (onehot(ids)·E) ⊙ dX, so that ∂ℓ/∂X = dX
                    sum(mul(mm(Tensor.constant(Mat.oneHot(ids, vocab)), E), Tensor.constant(dX))).backward();
                    double[][] yours = Ex20Embedding.lookupBackward(dX, ids, vocab);
                    assertThat(yours).as("Exercise 20: ∂ℓ/∂E must be V × d = %d × %d", vocab, d)
                            .hasDimensions(vocab, d);
                    assertThat(Matrices.maxAbsDiff(yours, E.grad())).as("Exercise 20: ∂ℓ/∂E for ids %s: the autograd "
                            + "gives %s, you returned %s (each row of ∂ℓ/∂X adds into the row of E it was read from)",
                            Arrays.toString(ids), Arrays.deepToString(E.grad()), Arrays.deepToString(yours))
                            .isLessThan(1e-12);
                });
    }
}
