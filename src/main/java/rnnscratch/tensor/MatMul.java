package rnnscratch.tensor;

/**
 * The matrix products, the hot spot of training: {@code A·B}, {@code Aᵀ·B} and {@code A·Bᵀ} over {@code double[][]}.
 *
 * <p>How it is made fast, in plain Java (all of it stays inside this class):
 * <ul>
 *   <li>i-k-j loop order: the innermost loop {@code c[j] += a * b[j]} runs along rows, which the JIT vectorises;</li>
 *   <li>blocking: four rows of {@code B} stay in the L1 cache while they are added into a block of 64 rows of
 *       {@code C}, which stays in L2;</li>
 *   <li>k unrolled by four: one pass over a row of {@code C} adds four rows of {@code B}, summed in the same left-to-right
 *       order as four single updates;</li>
 *   <li>zero-skipping: a group of four rows of {@code B} whose four coefficients in the left operand are all zero is
 *       skipped, so multiplying a one-hot matrix costs one group of four rows per token instead of all of them
 *       (the notes multiply by one-hot matrices on purpose);</li>
 *   <li>rows of the result are split across the cores ({@link Parallel}) for large enough products; each element is
 *       summed in the same order whatever the split, so one and two threads give bit-identical results;</li>
 *   <li>a transposed operand never falls back to scalar dot products: {@code Aᵀ·B} runs its inner loop along the
 *       rows of {@code B}, and {@code A·Bᵀ} transposes {@code B} once, then uses the row-wise kernel.</li>
 * </ul>
 * Every element {@code C[i][j]} is accumulated over {@code k} in increasing order.
 *
 * <p>Docs: docs/tensor-and-autograd.md, docs/performance.md
 */
public final class MatMul {
    /** Products with fewer multiply-adds than this run on one thread (a hand-off costs more than it saves). */
    static final long SPLIT_WORK = 1L << 18;
    private static final int I_BLOCK = 64;

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
        int m = a.length;
        int k = b.length;
        int n = b[0].length;
        boolean split = (long) m * k * n >= SPLIT_WORK;
        if (Kernel.usesVector()) {
            return VectorKernel.mm(a, b, split);
        }
        var c = new double[m][n];
        Parallel.forRows(m, split, (from, to) -> mmRows(a, b, c, from, to, k, n));
        return c;
    }

    /**
     * {@code C = Aᵀ·B}, without forming {@code Aᵀ}.
     *
     * @param a {@code double[k][m]}
     * @param b {@code double[k][n]}
     * @return {@code double[m][n]}
     */
    public static double[][] mmTransA(double[][] a, double[][] b) {
        Shapes.requireRectangular("mmTransA", a);
        Shapes.requireRectangular("mmTransA", b);
        if (Shapes.rows(a) != Shapes.rows(b)) {
            throw new IllegalArgumentException("mmTransA: " + Shapes.of(a) + "ᵀ · " + Shapes.of(b)
                    + " (rows of the left must equal rows of the right)");
        }
        int k = a.length;
        int m = a[0].length;
        int n = b[0].length;
        boolean split = (long) m * k * n >= SPLIT_WORK;
        if (Kernel.usesVector()) {
            return VectorKernel.mmTransA(a, b, split);
        }
        var c = new double[m][n];
        Parallel.forRows(m, split, (from, to) -> mmTransARows(a, b, c, from, to, k, n));
        return c;
    }

    /**
     * {@code C = A·Bᵀ}, computed as {@code A·(Bᵀ)}: one transpose, then the row-wise kernel (scalar dot products
     * would not vectorise).
     *
     * @param a {@code double[m][k]}
     * @param b {@code double[n][k]}
     * @return {@code double[m][n]}
     */
    public static double[][] mmTransB(double[][] a, double[][] b) {
        Shapes.requireRectangular("mmTransB", a);
        Shapes.requireRectangular("mmTransB", b);
        if (Shapes.cols(a) != Shapes.cols(b)) {
            throw new IllegalArgumentException("mmTransB: " + Shapes.of(a) + " · " + Shapes.of(b)
                    + "ᵀ (columns of the left must equal columns of the right)");
        }
        return mm(a, Mat.transpose(b));
    }

    private static void mmRows(double[][] a, double[][] b, double[][] c, int from, int to, int k, int n) {
        for (int i0 = from; i0 < to; i0 += I_BLOCK) {
            int i1 = Math.min(to, i0 + I_BLOCK);
            int kk = 0;
            for (; kk + 3 < k; kk += 4) {
                double[] b0 = b[kk];
                double[] b1 = b[kk + 1];
                double[] b2 = b[kk + 2];
                double[] b3 = b[kk + 3];
                for (int i = i0; i < i1; i++) {
                    double[] ai = a[i];
                    axpy4(c[i], ai[kk], ai[kk + 1], ai[kk + 2], ai[kk + 3], b0, b1, b2, b3, n);
                }
            }
            for (; kk < k; kk++) {
                for (int i = i0; i < i1; i++) {
                    axpy1(c[i], a[i][kk], b[kk], n);
                }
            }
        }
    }

    private static void mmTransARows(double[][] a, double[][] b, double[][] c, int from, int to, int k, int n) {
        for (int i0 = from; i0 < to; i0 += I_BLOCK) {
            int i1 = Math.min(to, i0 + I_BLOCK);
            int kk = 0;
            for (; kk + 3 < k; kk += 4) {
                double[] a0 = a[kk];
                double[] a1 = a[kk + 1];
                double[] a2 = a[kk + 2];
                double[] a3 = a[kk + 3];
                for (int i = i0; i < i1; i++) {
                    axpy4(c[i], a0[i], a1[i], a2[i], a3[i], b[kk], b[kk + 1], b[kk + 2], b[kk + 3], n);
                }
            }
            for (; kk < k; kk++) {
                double[] ak = a[kk];
                for (int i = i0; i < i1; i++) {
                    axpy1(c[i], ak[i], b[kk], n);
                }
            }
        }
    }

    /**
     * {@code c += x0·b0 + x1·b1 + x2·b2 + x3·b3}, summed left to right, which is exactly the order of four single
     * updates; four rows of {@code B} per pass over {@code c} quarter the loads and stores of {@code c}. Skipped when
     * all four coefficients are zero.
     */
    private static void axpy4(double[] c, double x0, double x1, double x2, double x3, double[] b0, double[] b1,
            double[] b2, double[] b3, int n) {
        if (x0 == 0.0 && x1 == 0.0 && x2 == 0.0 && x3 == 0.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            c[j] = c[j] + x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
        }
    }

    /** {@code c += x·b}, skipped when {@code x} is zero (a one-hot row costs one row copy). */
    private static void axpy1(double[] c, double x, double[] b, int n) {
        if (x == 0.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            c[j] += x * b[j];
        }
    }
}
