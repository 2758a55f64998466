package rnnscratch.tensor.kernel;

/**
 * {@code Aᵀ}, fast: copied in tiles of 16 × 16 that stay in the cache, and a large matrix split by rows of the result
 * over the cores ({@link Parallel}). The same numbers as {@code t[j][i] = a[i][j]}, since a transpose only copies.
 *
 * <p>Docs: docs/performance.md
 */
public final class Transpose {
    private static final int TILE = 16;

    private Transpose() {}

    /** {@code Aᵀ} of a rectangular {@code double[m][n]}: {@code double[n][m]}. */
    public static double[][] of(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        var t = new double[n][m];
        into(a, t);
        return t;
    }

    /** Writes {@code Aᵀ} into {@code t}, {@code double[n][m]} for {@code A: double[m][n]}. */
    static void into(double[][] a, double[][] t) {
        int m = a.length;
        int n = t.length;
        Parallel.forRows(n, (long) m * n >= 1L << 16, (from, to) -> rows(a, t, from, to, m));
    }

    private static void rows(double[][] a, double[][] t, int from, int to, int m) {
        for (int i0 = 0; i0 < m; i0 += TILE) {
            int i1 = Math.min(m, i0 + TILE);
            for (int j0 = from; j0 < to; j0 += TILE) {
                int j1 = Math.min(to, j0 + TILE);
                for (int j = j0; j < j1; j++) {
                    double[] tj = t[j];
                    for (int i = i0; i < i1; i++) {
                        tj[i] = a[i][j];
                    }
                }
            }
        }
    }
}
