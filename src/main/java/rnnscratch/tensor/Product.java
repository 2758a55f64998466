package rnnscratch.tensor;

/**
 * A product {@code Aᵀ·B} or {@code A·Bᵀ}, named now and computed when the {@link Sums} it is added to is read: a
 * backward rule's share such as {@code B̄ += Aᵀ·C̄}. Then the kernel can stack the {@code Aᵀ·B} of many time steps
 * into one product, and transpose a {@code B} used at every step once (docs/performance.md); the numbers are those of
 * {@link MatMul#mmTransA} and {@link MatMul#mmTransB}.
 *
 * <p>Docs: docs/tensor-and-autograd.md
 *
 * @param a          the left operand as given
 * @param b          the right operand as given
 * @param transposeA true for {@code Aᵀ·B}, false for {@code A·Bᵀ}
 */
public record Product(double[][] a, double[][] b, boolean transposeA) {
    /** {@code Aᵀ·B} for {@code A: double[k][m]}, {@code B: double[k][n]}: {@code double[m][n]} once computed. */
    public static Product mmTransA(double[][] a, double[][] b) {
        MatMul.requireTransA(a, b);
        return new Product(a, b, true);
    }

    /** {@code A·Bᵀ} for {@code A: double[m][k]}, {@code B: double[n][k]}: {@code double[m][n]} once computed. */
    public static Product mmTransB(double[][] a, double[][] b) {
        MatMul.requireTransB(a, b);
        return new Product(a, b, false);
    }

    /** Rows of the result. */
    public int rows() {
        return transposeA ? a[0].length : a.length;
    }

    /** Columns of the result. */
    public int cols() {
        return transposeA ? b[0].length : b.length;
    }
}
