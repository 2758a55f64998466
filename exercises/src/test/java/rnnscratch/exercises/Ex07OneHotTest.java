package rnnscratch.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rnnscratch.autograd.Tensor;
import rnnscratch.rnn.OneHot;
import rnnscratch.testing.Props;

/** Exercise 07: one-hot of Xᵀ. Docs: docs/data-processing.md */
@Tag("exercise")
@Tag("ex07")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex07OneHotTest {
    @Test
    @Order(1)
    @DisplayName("Worked example: X = [[0, 2], [1, 0]] with V = 3")
    void workedExample() {
        int[][] x = {{0, 2}, {1, 0}};
        assertThat(Ex07OneHot.transpose(x)).as("Exercise 07: Xᵀ has one row per time step: Xᵀ[t][b] = X[b][t], so row t holds "
                + "token t of every sequence (the columns of X become the rows of Xᵀ)")
                .isDeepEqualTo(new int[][] {{0, 1}, {2, 0}});
        var steps = TestData.explained("Exercise 07: oneHot of Xᵀ = [[0, 1], [2, 0]] with V = 3: token ids are "
                + "0-based, so token v has its 1 in column v (0 ≤ v < V)",
                () -> Ex07OneHot.oneHot(new int[][] {{0, 1}, {2, 0}}, 3));
        assertThat(steps).as("Exercise 07: one tensor per time step").hasSize(2);
        assertThat(steps.get(1).value()).as("Exercise 07: every step needs a matrix of its own: make a new "
                + "double[batch][V] inside the loop, or the ones of all steps pile up in one array")
                .isNotSameAs(steps.get(0).value());
        double[][] step0 = steps.get(0).value();
        assertThat(step0.length == 2 && step0[0].length == 3).as("Exercise 07: step 0 is %d×%d; it must be batch×V "
                + "= 2×3: one row per sequence of the minibatch, with its 1 in the column of that sequence's token",
                step0.length, step0.length == 0 ? 0 : step0[0].length).isTrue();
        String transposedAgain = Arrays.deepEquals(step0, new double[][] {{1, 0, 0}, {0, 0, 1}})
                ? "; you gave tokens 0 and 2, column 0 of Xᵀ: oneHot is given Xᵀ, already transposed, so step s is "
                        + "row s of xt as it is"
                : "";
        assertThat(step0).as("Exercise 07: step 0 holds tokens 0 and 1: row 0 has its 1 in column 0, row 1 in column 1"
                        + transposedAgain)
                .isDeepEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}});
        assertThat(steps.get(1).value()).as("Exercise 07: step 1 holds tokens 2 and 0")
                .isDeepEqualTo(new double[][] {{0, 0, 1}, {1, 0, 0}});
    }

    @Test
    @Order(2)
    @DisplayName("Worked example: one sequence of three steps, X = [[0, 2, 1]] (1×3), has Xᵀ = [[0], [2], [1]] (3×1)")
    void workedExampleNotSquare() {
        String shapes = "Exercise 07: X is int[batch = 1][t = 3], so Xᵀ is int[t = 3][batch = 1]: as many rows as X has "
                + "columns, and as many columns as X has rows";
        int[][] xt = TestData.explained(shapes, () -> Ex07OneHot.transpose(new int[][] {{0, 2, 1}}));
        boolean shapeRight = xt.length == 3 && Arrays.stream(xt).allMatch(row -> row.length == 1);
        assertThat(xt).as(shapeRight
                        ? "Exercise 07: the shape 3×1 is right, but Xᵀ[s][0] must be X[0][s] for every s = 0, 1, 2: "
                                + "loop s over all x[0].length = 3 columns of X, not over its x.length = 1 rows"
                        : shapes)
                .isDeepEqualTo(new int[][] {{0}, {2}, {1}});
    }

    @Test
    @Order(3)
    @DisplayName("Xᵀ[s][b] is X[b][s], as the library's transpose")
    void transposeMatchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 6), longs().all())
                .checkAssert((batch, steps, seed) -> {
                    int[][] x = TestData.tokens(batch, steps, 7, seed);
                    assertThat(Ex07OneHot.transpose(x)).as("Exercise 07: transpose of X = %s (int[%s][%s])",
                            Arrays.deepToString(x), batch, steps).isDeepEqualTo(OneHot.transpose(x));
                });
    }

    @Test
    @Order(4)
    @DisplayName("Each step is a batch×V matrix with a single 1 per row, at the token's column, as the library's")
    void oneHotMatchesTheLibrary() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 6), integers().between(1, 8), longs().all())
                .checkAssert((batch, steps, vocab, seed) -> {
                    int[][] xt = TestData.tokens(steps, batch, vocab, seed);
                    var yours = Ex07OneHot.oneHot(xt, vocab);
                    var expected = OneHot.oneHot(xt, vocab);
                    assertThat(yours).as("Exercise 07: one tensor per time step of Xᵀ = %s", Arrays.deepToString(xt))
                            .hasSize(steps);
                    for (int s = 0; s < steps; s++) {
                        Tensor step = yours.get(s);
                        assertThat(step.value()).as("Exercise 07: step %s of Xᵀ = %s with V = %s", s,
                                Arrays.deepToString(xt), vocab).isDeepEqualTo(expected.get(s).value());
                        assertThat(step.requiresGrad()).as("Exercise 07: inputs are constants (Tensor.constant)")
                                .isFalse();
                    }
                });
    }
}
