package rnnscratch.tensor.kernel;

/**
 * The kernel's products, {@code A·B} and {@code Aᵀ·B}, fresh or added into a given {@code C}, on the kernel that
 * {@link Kernel} has chosen: the plain one ({@link PlainKernel}) or the Vector API one ({@link VectorKernel}, where it
 * beats the plain one). Shapes are checked by the callers ({@code rnnscratch.tensor.MatMul}).
 *
 * <p>Every element is summed over {@code k} in increasing order, going on from the value it had in {@code C}; so
 * adding two products one after the other into {@code C} gives the same bits as adding the one product of their rows
 * stacked ({@link StackedProducts}), and any number of threads gives the same bits as one. While
 * {@link ProductTimes#recording} runs, each product here is timed.
 *
 * <p>Docs: docs/performance.md
 */
public final class Products {
    private Products() {}

    /** {@code A·B} for {@code A: double[m][k]}, {@code B: double[k][n]}: {@code double[m][n]}. */
    public static double[][] mm(double[][] a, double[][] b) {
        var c = new double[a.length][b[0].length];
        long start = ProductTimes.start();
        addProduct(a, false, b, c);
        ProductTimes.record(start, a.length, b.length, c[0].length, false);
        return c;
    }

    /** {@code Aᵀ·B} for {@code A: double[k][m]}, {@code B: double[k][n]}, without forming {@code Aᵀ}. */
    public static double[][] mmTransA(double[][] a, double[][] b) {
        return addMmTransA(new double[a[0].length][b[0].length], a, b);
    }

    /**
     * {@code C += Aᵀ·B}, in place, for {@code A: double[k][m]}, {@code B: double[k][n]}, {@code C: double[m][n]}. A
     * narrow result ({@code n} below one tile of the kernel, and {@code m > n}) is computed as {@code (Bᵀ·A)ᵀ}, whose
     * rows are long: {@code C[i][j] = Σ_k a[k][i]·b[k][j] = Σ_k b[k][j]·a[k][i]}, the same products in the same order.
     *
     * @return {@code c}
     */
    public static double[][] addMmTransA(double[][] c, double[][] a, double[][] b) {
        long start = ProductTimes.start();
        int m = c.length;
        int n = c[0].length;
        if (n < narrow() && m > n) {
            var ct = Transpose.of(c);
            addProduct(b, true, a, ct);
            Transpose.into(ct, c);
        } else {
            addProduct(a, true, b, c);
        }
        ProductTimes.record(start, m, a.length, n, true);
        return c;
    }

    private static boolean vector() {
        return Kernel.usesVector() && VectorKernel.beatsPlain();
    }

    private static int narrow() {
        return vector() ? VectorKernel.PANEL : PlainKernel.NARROW;
    }

    private static void addProduct(double[][] a, boolean transA, double[][] b, double[][] c) {
        // A result of fewer than 4 rows (predictCh8's one-row steps) fills no register tile: the plain kernel, which
        // gives the same bits.
        if (vector() && c.length >= 4) {
            VectorKernel.addProduct(a, transA, b, c);
        } else {
            PlainKernel.addProduct(a, transA, b, c);
        }
    }
}
