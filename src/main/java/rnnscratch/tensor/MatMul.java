package rnnscratch.tensor;

/**
 * The matrix products, the hot spot of training: {@code A·B}, {@code Aᵀ·B} and {@code A·Bᵀ} over {@code double[][]}.
 *
 * <p>How it is made fast, in plain Java (all of it stays inside this class):
 * <ul>
 *   <li>i-k-j loop order: the innermost loop {@code c[j] += a * b[j]} runs along rows, which the JIT vectorises;</li>
 *   <li>k-blocking: a block of rows of {@code B} is reused for every row of {@code A} while it sits in the cache;</li>
 *   <li>zero-skipping: a zero entry of the left operand skips its whole row of work, so multiplying a one-hot matrix
 *       costs a row copy (the notes multiply by one-hot matrices on purpose);</li>
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
    private static final int K_BLOCK = 128;
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
        var c = new double[m][n];
        Parallel.forRows(m, (long) m * k * n >= SPLIT_WORK, (from, to) -> mmRows(a, b, c, from, to, k, n));
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
        var c = new double[m][n];
        Parallel.forRows(m, (long) m * k * n >= SPLIT_WORK, (from, to) -> mmTransARows(a, b, c, from, to, k, n));
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
        for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
            int k1 = Math.min(k, k0 + K_BLOCK);
            for (int i = from; i < to; i++) {
                double[] ai = a[i];
                double[] ci = c[i];
                for (int kk = k0; kk < k1; kk++) {
                    double aik = ai[kk];
                    if (aik == 0.0) {
                        continue;
                    }
                    double[] bk = b[kk];
                    for (int j = 0; j < n; j++) {
                        ci[j] += aik * bk[j];
                    }
                }
            }
        }
    }

    private static void mmTransARows(double[][] a, double[][] b, double[][] c, int from, int to, int k, int n) {
        for (int i0 = from; i0 < to; i0 += I_BLOCK) {
            int i1 = Math.min(to, i0 + I_BLOCK);
            for (int kk = 0; kk < k; kk++) {
                double[] ak = a[kk];
                double[] bk = b[kk];
                for (int i = i0; i < i1; i++) {
                    double aki = ak[i];
                    if (aki == 0.0) {
                        continue;
                    }
                    double[] ci = c[i];
                    for (int j = 0; j < n; j++) {
                        ci[j] += aki * bk[j];
                    }
                }
            }
        }
    }
}
