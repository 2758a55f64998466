package rnnscratch.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/**
 * The sums a backward pass collects ({@link Sums}): what they add up to, and what they refuse.
 * Docs: docs/tensor-and-autograd.md
 */
class SumsTest {
    @Test
    @DisplayName("A key to which nothing was added has no sum")
    void nothingAddedIsEmpty() {
        var sums = new Sums<String>();
        sums.add("W", new double[][] {{1}});
        assertThat(sums.remove("b")).as("the sum of a key never added to").isEmpty();
        assertThat(sums.remove("W")).as("the sum of W, added once").isPresent();
        assertThat(sums.remove("W")).as("the sum of W once it was removed").isEmpty();
    }

    @Test
    @DisplayName("A sum is the element-wise sum of its matrices and products, in any order, and writes into none of "
            + "the matrices it was given")
    void aSumAddsItsTermsAndKeepsThemIntact() {
        Props.qt().forAll(integers().between(1, 4), integers().between(1, 4), integers().between(1, 4),
                longs().all()).checkAssert((k, m, n, seed) -> {
                    var rng = new Random(seed);
                    double[][] a = Matrices.uniform(k, m, 1, rng.nextLong());
                    double[][] b = Matrices.uniform(k, n, 1, rng.nextLong());
                    double[][] c = Matrices.uniform(m, n, 1, rng.nextLong());
                    double[][] cBefore = Mat.copy(c);
                    double[][] expected = Mat.add(MatMul.mmTransA(a, b), c);
                    var productFirst = new Sums<String>();
                    productFirst.add("g", Product.mmTransA(a, b));
                    productFirst.add("g", c);
                    var matrixFirst = new Sums<String>();
                    matrixFirst.add("g", c);
                    matrixFirst.add("g", Product.mmTransA(a, b));
                    assertThat(Matrices.maxAbsDiff(productFirst.remove("g").orElseThrow(), expected))
                            .as("Aᵀ·B + C, the product added first").isLessThan(1e-12);
                    assertThat(Matrices.maxAbsDiff(matrixFirst.remove("g").orElseThrow(), expected))
                            .as("C + Aᵀ·B, the matrix added first").isLessThan(1e-12);
                    assertThat(c).as("the matrix C given to both sums, after they were read").isDeepEqualTo(cBefore);
                });
    }

    @Test
    @DisplayName("A product whose shape is not the sum's so far is refused, naming both shapes")
    void aProductOfAnotherShapeIsRefused() {
        var sums = new Sums<String>();
        sums.add("g", new double[2][3]);
        sums.add("g", Product.mmTransA(new double[4][3], new double[4][3]));
        assertThatThrownBy(() -> sums.remove("g")).as("a 3x3 product added to a 2x3 sum")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x3").hasMessageContaining("2x3");
        var wider = new Sums<String>();
        wider.add("g", new double[3][2]);
        wider.add("g", Product.mmTransA(new double[4][3], new double[4][3]));
        assertThatThrownBy(() -> wider.remove("g")).as("a 3x3 product added to a 3x2 sum")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x3").hasMessageContaining("3x2");
    }
}
