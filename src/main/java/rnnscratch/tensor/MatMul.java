package rnnscratch.tensor;

import rnnscratch.tensor.kernel.Products;
import rnnscratch.tensor.kernel.Transpose;

/**
 * The matrix products: {@code A·B}, {@code Aᵀ·B} and {@code A·Bᵀ} over {@code double[][]}.
 *
 * <p>Each is its definition, {@code C[i][j] = Σ_k A[i][k]·B[k][j]}, with the operands read as the name says. This
 * class checks the shapes and names the products; the kernel ({@code rnnscratch.tensor.kernel}) computes them fast —
 * blocked loops, threads, the opt-in vector kernel — and sums every element over {@code k} in increasing order,
 * whatever the number of threads, so one thread and many give bit-identical results.
 *
 * <p>Docs: docs/tensor-and-autograd.md, docs/performance.md
 */
public final class MatMul {
    private MatMul() {}

    /**
     * {@code C = A·B}.
     *
     * @param a {@code double[m][k]}
     * @param b {@code double[k][n]}
     * @return {@code double[m][n]}
     */
    public static double[][] mm(double[][] a, double[][] b) {
        Shapes.requireRectangular("mm", a);
        Shapes.requireRectangular("mm", b);
        if (Shapes.cols(a) != Shapes.rows(b)) {
            throw new IllegalArgumentException("mm: " + Shapes.of(a) + " · " + Shapes.of(b)
                    + " (columns of the left must equal rows of the right)");
        }
        return Products.mm(a, b);
    }

    /**
     * {@code C = Aᵀ·B}, without forming {@code Aᵀ}.
     *
     * @param a {@code double[k][m]}
     * @param b {@code double[k][n]}
     * @return {@code double[m][n]}
     */
    public static double[][] mmTransA(double[][] a, double[][] b) {
        requireTransA(a, b);
        return Products.mmTransA(a, b);
    }

    /**
     * {@code C = A·Bᵀ}: {@code Bᵀ}, then {@link #mm}.
     *
     * @param a {@code double[m][k]}
     * @param b {@code double[n][k]}
     * @return {@code double[m][n]}
     */
    public static double[][] mmTransB(double[][] a, double[][] b) {
        requireTransB(a, b);
        return Products.mm(a, Transpose.of(b));
    }

    static void requireTransA(double[][] a, double[][] b) {
        Shapes.requireRectangular("mmTransA", a);
        Shapes.requireRectangular("mmTransA", b);
        if (Shapes.rows(a) != Shapes.rows(b)) {
            throw new IllegalArgumentException("mmTransA: " + Shapes.of(a) + "ᵀ · " + Shapes.of(b)
                    + " (rows of the left must equal rows of the right)");
        }
    }

    static void requireTransB(double[][] a, double[][] b) {
        Shapes.requireRectangular("mmTransB", a);
        Shapes.requireRectangular("mmTransB", b);
        if (Shapes.cols(a) != Shapes.cols(b)) {
            throw new IllegalArgumentException("mmTransB: " + Shapes.of(a) + " · " + Shapes.of(b)
                    + "ᵀ (columns of the left must equal columns of the right)");
        }
    }
}
