package rnnscratch.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.tensor.kernel.Kernel;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** Element-wise operations, reductions and shape checks, stated as sentences. Docs: docs/tensor-and-autograd.md */
class MatTest {
    private static final Map<String, BiFunction<double[][], double[][], Object>> BINARY = Map.of(
            "mm", MatMul::mm,
            "mmTransA", MatMul::mmTransA,
            "mmTransB", MatMul::mmTransB,
            "add", Mat::add,
            "sub", Mat::sub,
            "mul", Mat::mul,
            "addInPlace", (a, b) -> {
                Mat.addInPlace(a, b);
                return a;
            },
            "addRowVector", Mat::addRowVector,
            "maskWherePositive", Mat::maskWherePositive);

    @Test
    @DisplayName("Every operation given mismatched shapes throws IllegalArgumentException naming both shapes")
    void mismatchedShapesAreReportedWithBothShapes() {
        Props.qt().forAll(integers().between(1, 6), integers().between(1, 6), integers().between(1, 6),
                        integers().between(1, 6))
                .assuming((m, k, p, n) -> m != p && k != n && m != n && k != p)
                .checkAssert((m, k, p, n) -> {
                    var a = new double[m][k];
                    var b = new double[p][n];
                    for (var op : BINARY.entrySet()) {
                        assertThatThrownBy(() -> op.getValue().apply(a, b))
                                .as("%s of (%dx%d) and (%dx%d) must be refused", op.getKey(), m, k, p, n)
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining(op.getKey())
                                .hasMessageContaining("(" + m + "x" + k + ")")
                                .hasMessageContaining("(" + p + "x" + n + ")");
                    }
                });
    }

    @Test
    @DisplayName("The shape message reads like the book's failure: mm: (32x28) · (512x512)")
    void shapeMessageExample() {
        assertThatThrownBy(() -> MatMul.mm(new double[32][28], new double[512][512]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mm: (32x28) · (512x512)");
    }

    @Test
    @DisplayName("Every row of a softmax is positive and sums to 1, even for logits of magnitude 1e3")
    void softmaxRowsSumToOne() {
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 30), longs().all())
                .checkAssert((m, n, seed) -> {
                    var z = Matrices.uniform(m, n, 1e3, seed);
                    for (double[] row : Mat.softmaxRows(z)) {
                        double s = 0;
                        for (double v : row) {
                            assertThat(v).as("softmax entries are probabilities").isBetween(0.0, 1.0);
                            s += v;
                        }
                        assertThat(s).as("a softmax row sums to 1").isCloseTo(1.0, within(1e-12));
                    }
                });
    }

    @Test
    @DisplayName("log-sum-exp lies between the row maximum and the maximum plus log n")
    void logSumExpIsBoundedByMaxAndMaxPlusLogN() {
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 30), longs().all())
                .checkAssert((m, n, seed) -> {
                    var z = Matrices.uniform(m, n, 1e3, seed);
                    var lse = Mat.rowLogSumExp(z);
                    var max = Mat.rowMax(z);
                    for (int i = 0; i < m; i++) {
                        assertThat(lse[i]).as("row %d: max ≤ lse ≤ max + log n", i)
                                .isBetween(max[i], max[i] + Math.log(n) + 1e-9);
                    }
                });
    }

    @Test
    @DisplayName("argmax picks the first largest element of each row")
    void argmaxPicksTheFirstLargest() {
        assertThat(Mat.argmaxRows(new double[][] {{1, 3, 3}, {-1, -2, -0.5}})).containsExactly(1, 2);
    }

    @Test
    @DisplayName("The L2 norm is the square root of the sum of squares")
    void normIsTheRootOfTheSumOfSquares() {
        assertThat(Mat.norm(new double[][] {{3, 4}})).as("‖(3, 4)‖ = √(9 + 16)").isEqualTo(5.0);
    }

    @Test
    @DisplayName("The seeded normal initialiser repeats for a seed")
    void seededNormalRepeats() {
        var a = Mat.randn(3, 4, 0.01, new Random(42));
        var b = Mat.randn(3, 4, 0.01, new Random(42));
        assertThat(Matrices.bitIdentical(a, b)).as("the same seed gives the same initial weights").isTrue();
    }

    @Test
    @DisplayName("concatRows puts the parts' rows one after the other and copies them")
    void concatRowsStacksRows() {
        var p = new double[][] {{1, 2}};
        var q = new double[][] {{3, 4}, {5, 6}};
        var c = Mat.concatRows(List.of(p, q));
        assertThat(c).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        c[0][0] = 9;
        assertThat(p[0][0]).as("the parts are not aliased").isEqualTo(1.0);
    }

    @Test
    @DisplayName("tanh of a matrix is Math.tanh of every element, to within 4e-15 relative, on one thread and on two")
    void tanhIsMathTanhOfEveryElement() {
        Props.qt(40).forAll(integers().between(1, 80), integers().between(1, 80), longs().all())
                .checkAssert((r, c, seed) -> {
                    var a = Matrices.uniform(r, c, 4.0, seed);
                    var expected = Mat.map(a, Math::tanh);
                    for (int threads : new int[] {1, 2}) {
                        var got = Kernel.using(Kernel.choice(), threads, () -> Mat.tanh(a));
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < c; j++) {
                                assertThat(Math.abs(got[i][j] - expected[i][j]))
                                        .as("tanh at [%d][%d] of a %dx%d matrix, %d thread(s)", i, j, r, c, threads)
                                        .isLessThanOrEqualTo(4e-15 * Math.abs(expected[i][j]));
                            }
                        }
                    }
                });
    }

    @Test
    @DisplayName("A ragged matrix (rows of different lengths) is refused by columnSums, naming the row")
    void raggedMatrixIsRefusedByColumnSums() {
        double[][] ragged = {{1, 2, 3}, {4, 5}};
        assertThatThrownBy(() -> Mat.columnSums(ragged))
                .as("columnSums of rows of 3 and 2 numbers is not a bias gradient")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("columnSums");
    }

    @Test
    @DisplayName("The cross-entropy's gradient needs one label per row, each a column of the logits")
    void softmaxMinusOneHotChecksItsLabels() {
        double[][] z = {{0, 0, 0}, {1, 2, 3}};
        double[] lse = Mat.rowLogSumExp(z);
        assertThatThrownBy(() -> Mat.softmaxMinusOneHot(z, lse, new int[] {0}, 1.0))
                .as("two rows of logits and one label")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("softmaxMinusOneHot");
        assertThatThrownBy(() -> Mat.softmaxMinusOneHot(z, lse, new int[] {0, 3}, 1.0))
                .as("label 3 is not a column of a 3-column matrix")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("softmaxMinusOneHot");
    }

    @Test
    @DisplayName("pick needs one column per row")
    void pickNeedsOneColumnPerRow() {
        assertThatThrownBy(() -> Mat.pick(new double[2][3], new int[] {0, 1, 2}))
                .as("three columns picked from two rows").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pick");
    }

    @Test
    @DisplayName("The vector difference needs two vectors of one length")
    void vectorSubNeedsOneLength() {
        assertThatThrownBy(() -> Mat.sub(new double[2], new double[3]))
                .as("a vector of 2 minus a vector of 3").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sub");
    }

    @Test
    @DisplayName("splitRows refuses parts whose rows do not add up to the matrix's rows")
    void splitRowsRefusesPartsThatDoNotAddUp() {
        var a = new double[5][2];
        assertThatThrownBy(() -> Mat.splitRows(a, new int[] {2, 2})).as("parts of 2 + 2 rows for 5 rows")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("splitRows");
        assertThatThrownBy(() -> Mat.splitRows(a, new int[] {3, 3})).as("parts of 3 + 3 rows for 5 rows")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("splitRows");
        assertThat(Mat.splitRows(a, new int[] {2, 3})).as("parts of 2 + 3 rows for 5 rows").hasSize(2);
    }
}
