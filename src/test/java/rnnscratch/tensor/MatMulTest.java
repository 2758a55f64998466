package rnnscratch.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.tensor.kernel.Parallel;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** The matrix products, stated as sentences. Docs: docs/tensor-and-autograd.md */
class MatMulTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(2);
    }

    @Test
    @DisplayName("A·I = A, exactly")
    void multiplyingByTheIdentityChangesNothing() {
        Props.qt().forAll(integers().between(1, 12), integers().between(1, 12), longs().all())
                .checkAssert((m, n, seed) -> {
                    var a = Matrices.uniform(m, n, 2.0, seed);
                    assertThat(Matrices.bitIdentical(MatMul.mm(a, Mat.identity(n)), a))
                            .as("A·I must give back A bit for bit for a %dx%d matrix", m, n).isTrue();
                });
    }

    @Test
    @DisplayName("(AB)ᵀ = BᵀAᵀ")
    void transposeOfAProductIsTheProductOfTransposesReversed() {
        Props.qt().forAll(integers().between(1, 9), integers().between(1, 9), integers().between(1, 9), longs().all())
                .checkAssert((m, k, n, seed) -> {
                    var a = Matrices.uniform(m, k, 1.0, seed);
                    var b = Matrices.uniform(k, n, 1.0, seed + 1);
                    var left = Mat.transpose(MatMul.mm(a, b));
                    var right = MatMul.mm(Mat.transpose(b), Mat.transpose(a));
                    assertThat(Matrices.maxAbsDiff(left, right))
                            .as("(AB)ᵀ and BᵀAᵀ differ for A %dx%d, B %dx%d", m, k, k, n).isLessThan(1e-12);
                });
    }

    @Test
    @DisplayName("one-hot(ids)·W picks exactly the rows of W named by ids")
    void oneHotTimesWPicksRowsOfW() {
        Props.qt().forAll(integers().between(1, 20), integers().between(1, 30), integers().between(1, 16), longs().all())
                .checkAssert((batch, vocab, hidden, seed) -> {
                    var ids = Matrices.labels(batch, vocab, seed);
                    var w = Matrices.uniform(vocab, hidden, 1.0, seed + 7);
                    var picked = MatMul.mm(Mat.oneHot(ids, vocab), w);
                    for (int i = 0; i < batch; i++) {
                        assertThat(picked[i]).as("row %d of one-hot·W must be row %d of W", i, ids[i])
                                .containsExactly(w[ids[i]]);
                    }
                });
    }

    @Test
    @DisplayName("Aᵀ·B and A·Bᵀ equal the plain product of the transposed operand, bit for bit")
    void transposedProductsEqualPlainProductOfTransposes() {
        Props.qt().forAll(integers().between(1, 40), integers().between(1, 40), integers().between(1, 40), longs().all())
                .checkAssert((m, k, n, seed) -> {
                    var a = Matrices.sparse(k, m, seed);
                    var b = Matrices.uniform(k, n, 1.0, seed + 1);
                    assertThat(Matrices.bitIdentical(MatMul.mmTransA(a, b), MatMul.mm(Mat.transpose(a), b)))
                            .as("mmTransA(A, B) must equal mm(Aᵀ, B) for A %dx%d, B %dx%d", k, m, k, n).isTrue();
                    var c = Matrices.uniform(m, k, 1.0, seed + 2);
                    var d = Matrices.uniform(n, k, 1.0, seed + 3);
                    assertThat(Matrices.bitIdentical(MatMul.mmTransB(c, d), MatMul.mm(c, Mat.transpose(d))))
                            .as("mmTransB(A, B) must equal mm(A, Bᵀ) for A %dx%d, B %dx%d", m, k, n, k).isTrue();
                });
    }

    @Test
    @DisplayName("The two-thread product equals the one-thread product bit for bit")
    void multiThreadedProductEqualsSingleThreaded() {
        Props.qt(30).forAll(integers().between(1, 96), integers().between(1, 300), integers().between(1, 160), longs().all())
                .checkAssert((m, k, n, seed) -> {
                    var a = Matrices.sparse(m, k, seed);
                    var b = Matrices.uniform(k, n, 1.0, seed + 1);
                    var at = Matrices.sparse(k, m, seed + 2);
                    Parallel.setThreads(1);
                    var one = MatMul.mm(a, b);
                    var oneT = MatMul.mmTransA(at, b);
                    Parallel.setThreads(2);
                    var two = MatMul.mm(a, b);
                    var twoT = MatMul.mmTransA(at, b);
                    assertThat(Matrices.bitIdentical(one, two))
                            .as("mm on 1 and 2 threads must agree bit for bit, A %dx%d, B %dx%d", m, k, k, n).isTrue();
                    assertThat(Matrices.bitIdentical(oneT, twoT))
                            .as("mmTransA on 1 and 2 threads must agree bit for bit").isTrue();
                });
    }

    @Test
    @DisplayName("Any number of threads gives the one-thread product bit for bit, whether it splits rows or columns")
    void anyThreadCountEqualsOneThread() {
        Props.qt(30).forAll(integers().between(1, 80), integers().between(1, 300), integers().between(1, 600),
                        longs().all())
                .checkAssert((m, k, n, seed) -> {
                    int threads = 3 + (int) Math.floorMod(seed, 6L); // 3 to 8
                    var a = Matrices.sparse(m, k, seed);
                    var b = Matrices.uniform(k, n, 1.0, seed + 1);
                    var at = Matrices.sparse(k, m, seed + 2);
                    Parallel.setThreads(1);
                    var one = MatMul.mm(a, b);
                    var oneT = MatMul.mmTransA(at, b);
                    Parallel.setThreads(threads);
                    assertThat(Matrices.bitIdentical(one, MatMul.mm(a, b)))
                            .as("mm on 1 and %d threads must agree bit for bit, A %dx%d, B %dx%d", threads, m, k, k, n)
                            .isTrue();
                    assertThat(Matrices.bitIdentical(oneT, MatMul.mmTransA(at, b)))
                            .as("mmTransA on 1 and %d threads must agree bit for bit, A %dx%d, B %dx%d", threads, k, m,
                                    k, n)
                            .isTrue();
                });
    }

    @Test
    @DisplayName("A large product split over threads equals the one-thread product (the size training uses)")
    void bookSizedProductIsThreadIndependent() {
        var a = Matrices.uniform(32, 512, 1.0, 1);
        var b = Matrices.uniform(512, 512, 1.0, 2);
        Parallel.setThreads(1);
        var one = MatMul.mm(a, b);
        Parallel.setThreads(2);
        assertThat(Matrices.bitIdentical(one, MatMul.mm(a, b))).as("32x512 · 512x512 on 1 vs 2 threads").isTrue();
    }

    @Test
    @DisplayName("A product named for later, Aᵀ·B or A·Bᵀ, refuses operands whose shapes do not fit when it is named, "
            + "not later when a sum reads it")
    void aNamedProductChecksItsShapesAtOnce() {
        Props.qt().forAll(integers().between(1, 5), integers().between(1, 5), integers().between(1, 5))
                .checkAssert((k, m, n) -> {
                    var a = new double[k][m];
                    var tooMany = new double[k + 1][n];
                    assertThatThrownBy(() -> Product.mmTransA(a, tooMany))
                            .as("Aᵀ·B with A %dx%d and B %dx%d: the rows of A and B differ", k, m, k + 1, n)
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mmTransA");
                    var wider = new double[n][k + 1];
                    var left = new double[m][k];
                    assertThatThrownBy(() -> Product.mmTransB(left, wider))
                            .as("A·Bᵀ with A %dx%d and B %dx%d: the columns of A and B differ", m, k, n, k + 1)
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mmTransB");
                    assertThat(Product.mmTransA(a, new double[k][n]).rows()).as("rows of Aᵀ·B").isEqualTo(m);
                    assertThat(Product.mmTransB(left, new double[n][k]).cols()).as("columns of A·Bᵀ").isEqualTo(n);
                });
    }
}
