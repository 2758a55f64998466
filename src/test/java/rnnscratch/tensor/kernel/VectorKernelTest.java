package rnnscratch.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnscratch.tensor.Mat;
import rnnscratch.tensor.MatMul;
import rnnscratch.testing.Matrices;
import rnnscratch.testing.Props;

/** The opt-in Vector API kernel, stated as sentences. Docs: docs/performance.md */
class VectorKernelTest {
    @BeforeEach
    void needsTheModule() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Kernel.vectorApiAvailable(),
                "the test JVM was started without --add-modules jdk.incubator.vector");
    }

    @AfterEach
    void backToPlain() {
        Kernel.useVector(false);
        Parallel.setThreads(2);
    }

    private static double[][] product(boolean vector, int kind, double[][] a, double[][] b) {
        Kernel.useVector(vector);
        return switch (kind) {
            case 0 -> MatMul.mm(a, b);
            case 1 -> MatMul.mmTransA(Mat.transpose(a), b);
            default -> MatMul.mmTransB(a, Mat.transpose(b));
        };
    }

    @Test
    @DisplayName("The vector kernel agrees with the plain kernel to 1e-12 relative, for all three products")
    void vectorKernelAgreesWithPlainKernel() {
        Props.qt(60).forAll(integers().between(1, 70), integers().between(1, 90), integers().between(1, 80),
                        longs().all())
                .checkAssert((m, k, n, seed) -> {
                    var a = Matrices.uniform(m, k, 1.0, seed);
                    var b = Matrices.uniform(k, n, 1.0, seed + 1);
                    for (int kind = 0; kind < 3; kind++) {
                        var plain = product(false, kind, a, b);
                        var vector = product(true, kind, a, b);
                        double scale = Math.max(1e-300, Matrices.maxAbsDiff(plain, new double[m][n]));
                        assertThat(Matrices.maxAbsDiff(plain, vector) / scale)
                                .as("product %d of A %dx%d and B %dx%d", kind, m, k, k, n).isLessThan(1e-12);
                    }
                });
    }

    @Test
    @DisplayName("Where the JVM uses fused multiply-adds, the vector kernel gives the plain kernel's bits, for all three "
            + "products")
    void vectorKernelGivesThePlainKernelsBits() {
        org.junit.jupiter.api.Assumptions.assumeTrue(PlainKernel.FUSED, "this JVM does not use the FMA instruction, "
                + "so the plain kernel multiplies and adds");
        org.junit.jupiter.api.Assumptions.assumeTrue(VectorKernel.beatsPlain(), "vectors of fewer than 8 doubles: the "
                + "vector kernel is the plain one here");
        Props.qt(60).forAll(integers().between(1, 70), integers().between(1, 150), integers().between(1, 120),
                        longs().all())
                .checkAssert((m, k, n, seed) -> {
                    // Dense, and with a third of A zero (the kernels skip different zeros: it must not show).
                    for (var a : java.util.List.of(Matrices.uniform(m, k, 1.0, seed), Matrices.sparse(m, k, seed))) {
                        var b = Matrices.uniform(k, n, 1.0, seed + 1);
                        for (int kind = 0; kind < 3; kind++) {
                            assertThat(Matrices.bitIdentical(product(false, kind, a, b), product(true, kind, a, b)))
                                    .as("product %d of A %dx%d and B %dx%d: vector and plain kernel bit for bit (each "
                                            + "element one chain of fused multiply-adds over k in increasing order)",
                                            kind, m, k, k, n).isTrue();
                        }
                    }
                });
    }

    @Test
    @DisplayName("With the vector kernel too, one and two threads give bit-identical products")
    void vectorKernelIsThreadIndependent() {
        Props.qt(30).forAll(integers().between(1, 70), integers().between(1, 200), integers().between(1, 100),
                        longs().all())
                .checkAssert((m, k, n, seed) -> {
                    var a = Matrices.uniform(m, k, 1.0, seed);
                    var b = Matrices.uniform(k, n, 1.0, seed + 1);
                    Kernel.useVector(true);
                    Parallel.setThreads(1);
                    var one = MatMul.mm(a, b);
                    Parallel.setThreads(2);
                    assertThat(Matrices.bitIdentical(one, MatMul.mm(a, b)))
                            .as("A·B of (%dx%d)·(%dx%d) on two threads has the one-thread bits", m, k, k, n).isTrue();
                });
    }

    @Test
    @DisplayName("With the vector kernel, any number of threads gives the one-thread result, for A·B and Aᵀ·B")
    void vectorKernelIsThreadIndependentForAnyCount() {
        Props.qt(30).forAll(integers().between(1, 80), integers().between(1, 300), integers().between(1, 600),
                        longs().all())
                .checkAssert((m, k, n, seed) -> {
                    int threads = 3 + (int) Math.floorMod(seed, 6L); // 3 to 8
                    var a = Matrices.sparse(m, k, seed);
                    var b = Matrices.uniform(k, n, 1.0, seed + 1);
                    var at = Matrices.sparse(k, m, seed + 2);
                    Kernel.useVector(true);
                    Parallel.setThreads(1);
                    var one = MatMul.mm(a, b);
                    var oneT = MatMul.mmTransA(at, b);
                    Parallel.setThreads(threads);
                    assertThat(Matrices.bitIdentical(one, MatMul.mm(a, b)))
                            .as("vector mm on 1 and %d threads, A %dx%d, B %dx%d", threads, m, k, k, n).isTrue();
                    assertThat(Matrices.bitIdentical(oneT, MatMul.mmTransA(at, b)))
                            .as("vector mmTransA on 1 and %d threads, A %dx%d, B %dx%d", threads, k, m, k, n).isTrue();
                });
    }
}
